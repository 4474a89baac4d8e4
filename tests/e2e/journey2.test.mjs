// JOURNEYS.md 2: the judicial-office officer (sfs_001) starts the day. Prepared through the API: the
// detention centre sends three registration forms to verify (R-LNK-2) and a release notice awaiting
// a reception arrangement (R-LNK-4); two persons released 25 days ago have not registered yet
// (R-REG-1, due this week); the demo data has half-year follow-ups missed in villages (R-VIS-1,
// 未按期完成: kept and counted, no longer to do). The workbench lists them, each row opens to say why
// the task exists (rule, clause, due date), 处理 lands on the page that resolves it (收件箱 for forms
// and notices, the person's file otherwise), and once resolved the item leaves the workbench's list.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startServer } from '../support/server.mjs'
import { makeId } from '../support/ids.mjs'
import { apiSession, createPerson, cstDate, launch, personInput, sendRegistrationForm, uiLogin, withScreenshot } from './helpers.mjs'

const FORMS = ['核查甲', '核查乙', '核查丙']
const NOTICE = '通知丁'
const UNREGISTERED = ['报到戊', '报到己']

let srv
let browser
let officer
let forms
let notice
let unregistered

before(async () => {
  srv = await startServer({ persons: 300 })
  browser = await launch()
  const base = srv.baseUrl
  const clerk = await apiSession(base, 'kss')
  officer = await apiSession(base, 'sfs_001')
  const { items: units } = await clerk.get('/units')
  const village = units.find((u) => u.code === '500153001002')
  const { items: charges } = await clerk.get('/dicts/charges')
  const chargeId = charges[0].id
  forms = []
  for (const [i, name] of FORMS.entries()) {
    const idNumber = makeId('500153', '19880215', 301 + 2 * i)
    forms.push(await sendRegistrationForm(clerk, { name, village, chargeId, releaseDate: cstDate(400), custodySince: cstDate(-3 - i), idNumber }))
  }
  // The notice's person: a form sent long ago and already verified, released in 25 days.
  const old = await sendRegistrationForm(clerk, { name: NOTICE, village, chargeId, releaseDate: cstDate(60), custodySince: cstDate(-300), idNumber: makeId('500153', '19790315', 517) })
  await officer.post(`/documents/${old.id}/verification`, { false_name: 'cleared', false_identity: 'cleared', false_address: 'cleared', verifying_officer: '司法所干部', sent_on: cstDate() })
  notice = await clerk.post('/documents/release-notices', {
    form_id: old.id, release_date: cstDate(25), place: '荣昌区看守所', conduct: '服从管教', officer: '刘警官',
    risk_level: 'low', risk_factors: [], suggestions: { work: true },
  })
  unregistered = []
  for (const name of UNREGISTERED) {
    unregistered.push(await createPerson(officer, personInput({ name, village, chargeId, releaseDate: cstDate(-25) }), { birth: '19851103' }))
  }
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

/** The person's own task (with its explaining values) behind a workbench row. */
async function personTask(personId, rule) {
  const { items } = await officer.get(`/persons/${personId}/tasks`)
  return items.filter((t) => t.rule === rule && ['open', 'overdue', 'missed'].includes(t.state))
}

/** Opens the workbench with 我的 or 辖区全部 and a card; waits until the list shows what the API lists. */
async function openList(page, { all = false, card }) {
  const state = { overdue: 'overdue', due_this_week: 'due_soon', open: 'open', missed: 'missed' }[card]
  const expected = await officer.get(`/tasks?state=${state}&mine=${!all}&page_size=20`)
  await page.locator('[data-test=menu-workbench]').click()
  await page.locator('[data-test=task-board]').waitFor()
  await page.locator(`[data-test=wb-scope-${all ? 'all' : 'mine'}]`).click()
  await page.locator(`[data-test=wb-card-${card}]`).click()
  const wb = await officer.get('/workbench')
  await page.locator(`[data-test=wb-count-${card}]`, { hasText: new RegExp(`^${wb[all ? 'scope' : 'mine'][card]}$`) }).waitFor()
  await page.waitForFunction(
    ({ n, first }) => {
      const rows = [...document.querySelectorAll('[data-test=wb-tasks] tr.el-table__row')]
      return rows.length === n && (n === 0 || rows[0].textContent.includes(first))
    },
    { n: expected.items.length, first: expected.items[0]?.person_name ?? '' },
  )
  return expected
}

/** The workbench row of a person's task (a person may have several: the due date tells them apart). */
function rowOf(page, name, due) {
  return page.locator('[data-test=wb-tasks] tr.el-table__row').filter({ hasText: name }).filter({ hasText: due })
}

/** Opens a row and checks the explanation, worded by the web app, is the person's task's own. */
async function expectExplanation(page, row, task) {
  await row.locator('.el-table__expand-icon').click()
  const text = page.locator('[data-test=wb-explain-text]', { hasText: `${task.rule} ${task.clause}：` }).filter({ hasText: `应于 ${task.due} 前完成` })
  await text.waitFor()
  assert.match(await text.first().innerText(), new RegExp(`^${task.rule} §[\\d.]+：.+应于 ${task.due} 前完成；`))
  await row.locator('.el-table__expand-icon').click()
}

test('journey 2: R-LNK-2 R-LNK-4 R-REG-1 R-VIS-1 the workbench shows the day’s work, each task explaining itself', async () => {
  const { page, errors } = browser
  await withScreenshot('journey2-workbench', page, async () => {
    await uiLogin(page, srv.baseUrl, 'sfs_001')
    // 我的 · 待办: the three forms, the notice and the two registrations, owned by the judicial office.
    const open = await openList(page, { card: 'open' })
    for (const [name, rule] of [...FORMS.map((n) => [n, 'R-LNK-2']), [NOTICE, 'R-LNK-4'], ...UNREGISTERED.map((n) => [n, 'R-REG-1'])]) {
      assert.ok(open.items.some((t) => t.person_name === name && t.rule === rule), `${rule} of ${name} in 待办`)
    }
    const form = (await personTask(forms[0].person_id, 'R-LNK-2'))[0]
    await expectExplanation(page, rowOf(page, FORMS[0], form.due), form)
    const reply = (await personTask(notice.person_id, 'R-LNK-4'))[0]
    assert.equal(reply.key, 'R-LNK-4/reply')
    await expectExplanation(page, rowOf(page, NOTICE, reply.due), reply)

    // 我的 · 本周到期: the two registrations.
    const soon = await openList(page, { card: 'due_this_week' })
    assert.deepEqual(soon.items.filter((t) => t.rule === 'R-REG-1' && UNREGISTERED.includes(t.person_name)).length, 2)
    const reg = (await personTask(unregistered[0].id, 'R-REG-1'))[0]
    assert.equal(reg.due, cstDate(5))
    await expectExplanation(page, rowOf(page, UNREGISTERED[0], reg.due), reg)

    // 辖区全部 · 未按期完成: half-year follow-ups missed in the villages (never 逾期: the period closed).
    const overdue = await openList(page, { all: true, card: 'overdue' })
    assert.ok(!overdue.items.some((t) => t.rule === 'R-VIS-1'), 'a closed half-year is missed, not overdue')
    const missed = await openList(page, { all: true, card: 'missed' })
    const visits = missed.items.filter((t) => t.rule === 'R-VIS-1')
    assert.ok(visits.length >= 2 && new Set(visits.map((t) => t.unit.id)).size >= 2, JSON.stringify(visits))
    assert.ok(visits.every((t) => t.unit.kind === 'village'))
    const visit = (await personTask(visits[0].person_id, 'R-VIS-1')).find((t) => t.due === visits[0].due)
    await expectExplanation(page, rowOf(page, visits[0].person_name, visit.due), visit)
  })
  assert.deepEqual(errors, [])
})

test('journey 2: R-LNK-2 a form to verify leads to 收件箱; the verification feedback takes it off the list', async () => {
  const { page, errors } = browser
  const form = forms[1]
  const task = (await personTask(form.person_id, 'R-LNK-2'))[0]
  await withScreenshot('journey2-verify', page, async () => {
    await openList(page, { card: 'open' })
    await rowOf(page, FORMS[1], task.due).locator('[data-test=wb-resolve]', { hasText: '到收件箱处理' }).click()
    await page.locator('[data-test=document-inbox]').waitFor()
    await page.locator(`[data-test="doc-verify-${form.id}"]`).click()
    const dialog = page.locator('[data-test=verify-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=vf-family]').fill('父母健在,家庭和睦。')
    await page.locator('[data-test=vf-children]').fill('无未成年子女')
    await page.locator('[data-test=vf-officer]').fill('王核查')
    await page.locator('[data-test=vf-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test="doc-feedback-${form.id}"]`, { hasText: '已反馈' }).waitFor()

    const open = await openList(page, { card: 'open' })
    assert.equal(await rowOf(page, FORMS[1], task.due).count(), 0)
    assert.ok(open.items.some((t) => t.person_name === FORMS[0] && t.rule === 'R-LNK-2'), 'the other forms stay')
  })
  assert.equal((await personTask(form.person_id, 'R-LNK-2')).length, 0)
  assert.deepEqual(errors, [])
})

test('journey 2: R-LNK-4 the release notice leads to 收件箱; the reception arrangement takes it off the list', async () => {
  const { page, errors } = browser
  const task = (await personTask(notice.person_id, 'R-LNK-4'))[0]
  await withScreenshot('journey2-reception', page, async () => {
    await openList(page, { card: 'open' })
    await rowOf(page, NOTICE, task.due).locator('[data-test=wb-resolve]', { hasText: '到收件箱处理' }).click()
    await page.locator('[data-test=document-inbox]').waitFor()
    await page.locator(`[data-test="doc-reception-${notice.id}"]`).click()
    const dialog = page.locator('[data-test=reception-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=ra-pickup-by-family]').click()
    const planned = page.locator('[data-test=ra-planned] input')
    await planned.fill(cstDate(25))
    await planned.press('Enter')
    await page.locator('[data-test=ra-contact]').fill('村委会张主任')
    await page.locator('[data-test=ra-phone]').fill('13800000005')
    await page.locator('[data-test=ra-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test="doc-feedback-${notice.id}"]`, { hasText: '已反馈' }).waitFor()

    await openList(page, { card: 'open' })
    assert.equal(await rowOf(page, NOTICE, task.due).count(), 0)
  })
  assert.equal((await personTask(notice.person_id, 'R-LNK-4')).length, 0)
  assert.deepEqual(errors, [])
})

test('journey 2: R-REG-1 a registration due this week leads to the file; 报到登记 takes it off the list', async () => {
  const { page, errors } = browser
  const [person, other] = unregistered
  const task = (await personTask(person.id, 'R-REG-1'))[0]
  await withScreenshot('journey2-register', page, async () => {
    await openList(page, { card: 'due_this_week' })
    await rowOf(page, UNREGISTERED[0], task.due).locator('[data-test=wb-resolve]', { hasText: '到档案处理' }).click()
    await page.locator('[data-test=person-detail]').waitFor()
    assert.equal((await page.locator('[data-test="task-state-R-REG-1"]').innerText()).trim(), '待办')
    await page.locator('[data-test=registration-add]').click()
    const dialog = page.locator('[data-test=registration-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=reg-cert]').fill('YC2026-1127')
    await page.locator('[data-test=reg-policies]').click()
    await page.locator('[data-test=reg-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test="task-state-R-REG-1"]', { hasText: '已完成' }).waitFor()

    await openList(page, { card: 'due_this_week' })
    assert.equal(await rowOf(page, UNREGISTERED[0], task.due).count(), 0)
    await rowOf(page, UNREGISTERED[1], task.due).waitFor()
  })
  assert.equal((await personTask(person.id, 'R-REG-1')).length, 0)
  assert.equal((await personTask(other.id, 'R-REG-1')).length, 1)
  assert.deepEqual(errors, [])
})

test('journey 2: R-VIS-1 a missed follow-up stays on record; the late entry (补录) of that half-year’s visit closes it', async () => {
  const { page, errors } = browser
  const missed = await officer.get('/tasks?state=missed&rule=R-VIS-1&page_size=20')
  const row = missed.items[0]
  const task = (await personTask(row.person_id, 'R-VIS-1')).find((t) => t.due === row.due)
  assert.equal(task.state, 'missed')
  // A half-year closed months ago lies beyond the default back-dating limit (backdate_limit_days,
  // 90): the district lets records go back far enough for this late entry.
  const admin = await apiSession(srv.baseUrl, 'admin')
  const limit = Math.ceil((Date.parse(cstDate()) - Date.parse(task.due)) / 86400e3) + 1
  await admin.put('/policy', { name: 'backdate_limit_days', value: String(limit), effective_from: cstDate() })
  assert.equal(task.exemption, null)  // missed, not exempt: worded 未按期完成
  await withScreenshot('journey2-visit', page, async () => {
    await openList(page, { all: true, card: 'missed' })
    // Not to do any more: no 处理 link; the person's file is one click away.
    assert.equal(await rowOf(page, row.person_name, row.due).locator('[data-test=wb-resolve]').count(), 0)
    await rowOf(page, row.person_name, row.due).locator('[data-test=wb-person]').click()
    await page.locator('[data-test=person-detail]').waitFor()
    await page.locator(`[data-test="task-state-${task.key}"]`, { hasText: '未按期完成' }).waitFor()
    await page.locator('[data-test=followup-add]').click()
    const dialog = page.locator('[data-test=followup-dialog]')
    await dialog.waitFor()
    // The visit was made in that half-year but never entered: it is recorded with its own date.
    const date = page.locator('[data-test=fu-date] input')
    await date.fill(task.due)
    await date.press('Enter')
    await page.locator('[data-test=fu-aspect-living]').fill('本人在家，生活稳定。')
    await page.locator('[data-test=fu-findings]').fill('无')
    await page.locator('[data-test=fu-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test="task-state-${task.key}"]`, { hasText: '已完成' }).waitFor()

    await openList(page, { all: true, card: 'missed' })
    assert.equal(await rowOf(page, row.person_name, row.due).count(), 0)
  })
  const after = (await officer.get(`/persons/${row.person_id}/tasks`)).items.find((t) => t.key === task.key)
  assert.equal(after.state, 'done')
  assert.equal(after.fulfilled_on, task.due)
  assert.deepEqual(errors, [])
})
