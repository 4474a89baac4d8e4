// JOURNEYS.md 2 and 4: the judicial-office officer's workbench counts their tasks; a person
// released five days ago brings an R-REG-1 (报到) task, listed under 本周到期 or 待办 as its due
// date says; registering through the file's 报到登记 dialog marks it done.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, cstDate, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试报到人'
const PAGE_SIZE = 20

const env = serverAndBrowser({ persons: 300 })

async function count(page, card) {
  const el = page.locator(`[data-test=wb-count-${card}]`)
  await page.waitForFunction((c) => /^\d+$/.test(document.querySelector(`[data-test=wb-count-${c}]`)?.textContent?.trim() ?? ''), card)
  return Number((await el.innerText()).trim())
}

test('the workbench lists the registration task and registering closes it', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')

  await withScreenshot('workbench-counts', page, async () => {
    const wb = await officer.get('/workbench')
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=task-board]').waitFor()
    for (const c of ['overdue', 'due_this_week', 'open', 'done', 'missed']) assert.equal(await count(page, c), wb.mine[c], `mine.${c}`)
    await page.locator('[data-test=wb-scope-all]').click()
    for (const c of ['overdue', 'due_this_week', 'open', 'done', 'missed']) assert.equal(await count(page, c), wb.scope[c], `scope.${c}`)
    await page.locator('[data-test=wb-scope-mine]').click()
    // An empty card says so.
    if (wb.mine.overdue === 0) {
      await page.locator('[data-test=wb-card-overdue]').click()
      await page.locator('[data-test=wb-empty]', { hasText: '暂无逾期任务' }).waitFor()
    }
  })

  // A person of village 500153001001 (township 001, sfs_001's judicial office) released 5 days ago.
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, {
    name: NAME,
    gender: '1',
    ethnic_code: '01',
    education_code: '71',
    household_unit_id: village.id,
    household_address: '二组3号',
    residence_unit_id: village.id,
    residence_address: '二组3号',
    charge_ids: [charges[0].id],
    sentence_type: 'fixed_term',
    sentence_months: 24,
    release_date: cstDate(-5),
    release_kind: 'prison',
    releasing_authority: '重庆市永川监狱',
    family_contact_name: '测试家属',
    family_contact_relation: '父亲',
    family_contact_phone: '13800000000',
  })
  const wb = await officer.get('/workbench')
  const reg = (await officer.get(`/persons/${person.id}/tasks`)).items.find((t) => t.rule === 'R-REG-1')
  assert.ok(reg, 'an R-REG-1 task')
  assert.equal(reg.state, 'open')
  const card = reg.due <= wb.week_end ? 'due_this_week' : 'open'
  const state = card === 'due_this_week' ? 'due_soon' : 'open'
  // Where the task is in the list (ordered by due date), to turn to its page.
  let index = -1
  for (let p = 1; index < 0; p++) {
    const res = await officer.get(`/tasks?state=${state}&mine=true&page=${p}&page_size=${PAGE_SIZE}`)
    const i = res.items.findIndex((t) => t.person_id === person.id && t.rule === 'R-REG-1')
    if (i >= 0) index = (p - 1) * PAGE_SIZE + i
    else if (res.items.length < PAGE_SIZE) throw new Error(`R-REG-1 of ${person.id} not in /tasks?state=${state}&mine=true`)
  }

  await withScreenshot('workbench-register', page, async () => {
    await page.goto(`${base}/workbench`)
    await page.locator('[data-test=task-board]').waitFor()
    assert.equal(await count(page, card), wb.mine[card])
    await page.locator(`[data-test=wb-card-${card}]`).click()
    const pageNo = Math.floor(index / PAGE_SIZE) + 1
    if (pageNo > 1) await page.locator('[data-test=wb-pager] .el-pager li', { hasText: new RegExp(`^${pageNo}$`) }).click()
    const row = page.locator('[data-test=wb-tasks] .el-table__body tr', { hasText: NAME })
    await row.waitFor()
    assert.match(await row.innerText(), /R-REG-1/)
    assert.match(await row.innerText(), new RegExp(reg.due))
    // The task says what to do, with the name and the due date; the rule id comes second.
    const [, m, d] = reg.due.split('-').map(Number)
    assert.equal(await row.locator('[data-test=wb-title]').innerText(), `为${NAME}办理报到登记，截止 ${m}月${d}日`)

    await row.locator('[data-test=wb-person]').click()
    await page.locator('[data-test=person-detail]').waitFor()
    const tag = page.locator('[data-test="task-state-R-REG-1"]')
    await tag.waitFor()
    assert.equal((await tag.innerText()).trim(), '待办')

    await page.locator('[data-test=registration-add]').click()
    const dialog = page.locator('[data-test=registration-dialog]')
    await dialog.waitFor()
    assert.equal(await page.locator('[data-test=reg-date] input').inputValue(), cstDate())
    await page.locator('[data-test=reg-cert]').fill('YC2026-0518')
    await page.locator('[data-test=reg-policies]').click()
    await page.locator('[data-test=reg-need-work]').click()
    await page.locator('[data-test=reg-need-housing]').click()
    await page.locator('[data-test=reg-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => document.querySelector('[data-test="task-state-R-REG-1"]')?.textContent?.trim() === '已完成')
    await page.locator('[data-test=timeline-item]', { hasText: '报到' }).first().waitFor()

    // Back on the workbench the task has moved from its card to 已完成.
    await page.locator('[data-test=menu-workbench]').click()
    await page.locator('[data-test=task-board]').waitFor()
    // Registering also starts the help group's and the help plan's tasks (R-ORG-3, R-ORG-4), which
    // may fall on the same card.
    const added = (await officer.get(`/tasks?state=${state}&mine=true&person_id=${person.id}&page_size=100`)).total
    assert.ok((await officer.get(`/persons/${person.id}/tasks`)).items.some((t) => t.rule === 'R-ORG-3'))
    assert.equal(await count(page, card), wb.mine[card] - 1 + added)
    assert.equal(await count(page, 'done'), wb.mine.done + 1)
    await page.locator('[data-test=wb-card-done]').click()
    await page.locator('[data-test=wb-tasks] .el-table__body tr').first().waitFor()
    // The demo's done help tasks (R-ORG-3, R-ORG-4) may put the row past the first page of 已完成.
    const doneRows = (await officer.get(`/tasks?state=done&mine=true&person_id=${person.id}&page_size=100`)).items
    assert.ok(doneRows.some((t) => t.rule === 'R-REG-1'))
  })

  const done = (await officer.get(`/persons/${person.id}/tasks`)).items.find((t) => t.rule === 'R-REG-1')
  assert.equal(done.state, 'done')
  assert.deepEqual(errors, [])
})
