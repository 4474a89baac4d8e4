/** An instant (ISO 8601 UTC) in the browser's local time, "YYYY-MM-DD HH:mm:ss". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

/** True while `locked_until` is in the future. */
export function isLocked(lockedUntil: string | null | undefined, now: Date = new Date()): boolean {
  if (!lockedUntil) return false
  const t = new Date(lockedUntil).getTime()
  return !Number.isNaN(t) && t > now.getTime()
}

/** Saves a Blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
