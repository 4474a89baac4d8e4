// R-LNK-3: the detention centre (kss) sent a person's registration form (through the API); its clerk
// reports from 已发送 that the person's wife died and two minor children are left without care. The
// judicial office (sfs_001) finds the report in its 收件箱 (家庭变故通报) and in the person's file,
// with the household township's help task; the township officer (zj_001) follows 处理 from the
// workbench to the file's 家庭变故与帮扶, records the help, and the task is done.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startServer } from '../support/server.mjs'
import { makeId } from '../support/ids.mjs'
import { apiSession, cstDate, launch, sendRegistrationForm, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试家变人'
const SUMMARY = '其妻病故,两名未成年子女无人照料'

let srv
let browser

before(async () => {
  // Few demo persons: the township's open tasks fit on the workbench's first page.
  srv = await startServer({ persons: 60 })
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

test('R-LNK-3 a family change with minor children in difficulty reaches the judicial office and the township helps', async () => {
  const { page, errors } = browser
  const base = srv.baseUrl
  const clerk = await apiSession(base, 'kss')
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await clerk.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await clerk.get('/dicts/charges')
  const form = await sendRegistrationForm(clerk, {
    name: NAME, village, chargeId: charges[0].id, releaseDate: cstDate(200), custodySince: cstDate(-15), idNumber: makeId('500153', '19840611', 433),
  })

  await withScreenshot('family-report', page, async () => {
    await uiLogin(page, base, 'kss')
    await page.locator('[data-test=menu-document-sent]').click()
    await page.locator('[data-test=document-sent]').waitFor()
    await page.locator(`[data-test=doc-family-${form.id}]`).click()
    const dialog = page.locator('[data-test=family-change-dialog]')
    await dialog.waitFor()
    assert.match(await dialog.innerText(), new RegExp(NAME))
    await page.locator('[data-test=fc-summary]').fill(SUMMARY)
    await page.locator('[data-test=fc-children]').click()
    await page.locator('[data-test=fc-needs]').fill('子女临时监护、生活救助')
    await page.locator('[data-test=fc-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    // The custody clerk has an inbox too (the judicial office reports the other way).
    await page.locator('[data-test=menu-document-inbox]').click()
    await page.locator('[data-test=document-inbox]').waitFor()
  })

  const { items: inbox } = await officer.get('/documents?box=inbox&kind=family_change')
  const change = inbox.find((d) => d.person_id === form.person_id)
  assert.ok(change, 'the report reached the household judicial office')
  assert.deepEqual([change.sender.name, change.data.children_in_difficulty, change.data.needs_help], ['荣昌区看守所', true, true])
  const task = (await officer.get(`/persons/${form.person_id}/tasks`)).items.find((t) => t.rule === 'R-LNK-3')
  assert.equal(task.state, 'open')
  assert.equal(task.unit.name, '昌元街道')

  await withScreenshot('family-inbox', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=menu-document-inbox]').click()
    await page.locator('[data-test=document-inbox]').waitFor()
    const row = page.locator('[data-test=inbox-table] .el-table__body tr', { has: page.locator(`[data-test=doc-gist-${change.id}]`) }).first()
    await row.waitFor()
    const text = await row.innerText()
    assert.match(text, /家庭变故通报/)
    assert.match(text, new RegExp(SUMMARY))
    assert.match(text, /荣昌区看守所/)
    assert.match(text, /系统/)
    await row.locator(`[data-test=doc-person-${change.id}]`).first().click()
    const item = page.locator(`[data-test=family-item-${change.id}]`)
    await item.waitFor()
    assert.match(await item.innerText(), /荣昌区看守所 → 昌元街道司法所/)
    await item.locator(`[data-test=family-flag-${change.id}-children]`, { hasText: '未成年子女困难' }).waitFor()
    await item.locator(`[data-test=family-pending-${change.id}]`, { hasText: '待帮扶' }).waitFor()
    await page.locator(`[data-test="task-state-${task.key}"]`, { hasText: '待办' }).waitFor()
  })

  await withScreenshot('family-help', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'zj_001')
    await page.locator('[data-test=wb-scope-mine]').click()
    await page.locator('[data-test=wb-card-open]').click()
    const row = page.locator('[data-test=wb-tasks] tr.el-table__row', { hasText: NAME }).filter({ hasText: 'R-LNK-3' }).first()
    await row.locator('[data-test=wb-resolve]', { hasText: '到档案处理' }).click()
    await page.locator('[data-test=person-detail]').waitFor()
    const section = page.locator('[data-test=family-section]')
    await section.locator(`[data-test=family-item-${change.id}]`).waitFor()
    assert.ok(page.url().endsWith(`/persons/${form.person_id}#family`), page.url())
    // 处理 lands on the section.
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-test=family-section]')?.getBoundingClientRect()
      return !!r && r.top < window.innerHeight && r.bottom > 0
    })
    assert.equal(await section.locator('[data-test=family-add]').count(), 0, 'the township does not report family changes')
    await section.locator(`[data-test=family-help-${change.id}]`).click()
    const dialog = page.locator('[data-test=family-help-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=fh-help]').fill('落实临时监护,申请临时救助')
    await page.locator('[data-test=fh-helpers]').fill('镇民政办、村委会')
    await page.locator('[data-test=fh-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await section.locator(`[data-test=family-item-${change.id}]`, { hasText: '落实临时监护,申请临时救助' }).waitFor()
    assert.equal(await section.locator(`[data-test=family-pending-${change.id}]`).count(), 0)
    await page.locator(`[data-test="task-state-${task.key}"]`, { hasText: '已完成' }).waitFor()
  })

  const done = (await officer.get(`/persons/${form.person_id}/tasks`)).items.find((t) => t.rule === 'R-LNK-3')
  assert.deepEqual([done.state, done.fulfilled_on], ['done', cstDate()])
  const [reported] = (await officer.get(`/persons/${form.person_id}/family-changes`)).items
  assert.equal(reported.help[0].data.helpers, '镇民政办、村委会')
  assert.deepEqual(errors, [])
})
