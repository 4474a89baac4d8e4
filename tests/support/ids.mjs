// GB 11643 helpers for tests: make a valid resident ID number.
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const C = '10X98765432';
export function checkChar(first17) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * W[i];
  return C[s % 11];
}
// division '500153', birth 'YYYYMMDD', seq 3 digits (odd = male)
export function makeId(division, birth, seq) {
  const f = `${division}${birth}${String(seq).padStart(3, '0')}`;
  return f + checkChar(f);
}
let counter = 100;
// A fresh valid number (unique within a test run), male unless female=true.
export function freshId({ female = false, birth = '19850312' } = {}) {
  counter += 2;
  const seq = (counter % 998) + (female ? 0 : 1);
  return makeId('500153', birth, seq);
}
