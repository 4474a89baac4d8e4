// Issue 7 (what users hit): a pending transfer on the receiving office's workbench, shown as pending
// on the sending side's file and withdrawn there after a confirmation; the police station's list of
// key subjects released soon with the R-PCK-1 notification's state, and the notification recorded
// on the file by the judicial office.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, confirmBox, dropdownsClosed, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 600 })

test('a pending transfer is on the receiver\'s workbench and the sending side withdraws it from the file', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const target = units.find((u) => u.code === '500153101003')
  const { items: persons } = await officer.get('/persons?status=under_assistance&page_size=50')
  let person = null
  for (const p of persons) {
    const { items } = await officer.get(`/persons/${p.id}/transfers`)
    if (items.length === 0 && p.residence_unit?.path?.startsWith('昌元街道')) {
      person = p
      break
    }
  }
  assert.ok(person, 'a person of 昌元街道 without a transfer')
  const tr = await officer.post(`/persons/${person.id}/transfers`, { kind: 'residence', to_unit_id: target.id, reason: '拟迁居仁义镇', new_address: '仁义镇三组5号' })

  await withScreenshot('transfer-incoming-workbench', page, async () => {
    await uiLogin(page, base, 'sfs_101')
    const card = page.locator('[data-test=wb-incoming-transfers]')
    await card.waitFor()
    await card.locator('[data-test=wb-incoming-row]', { hasText: person.name }).waitFor()
    await card.locator('[data-test=wb-incoming-open]').click()
    await page.locator('[data-test=transfers-table] .el-table__body tr', { hasText: person.name }).waitFor()
    await page.locator(`[data-test=tr-accept-${tr.id}]`).waitFor()
  })

  await withScreenshot('transfer-withdraw', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    const pending = page.locator('[data-test=transfer-pending]')
    await pending.waitFor()
    assert.match(await pending.innerText(), /待对方接收/)
    await page.locator(`[data-test=tr-file-state-${tr.id}]`, { hasText: '待接收' }).waitFor()
    await page.locator('[data-test=transfer-withdraw]').click()
    await confirmBox(page)
    await page.locator('.el-message--success', { hasText: '已撤回' }).waitFor()
    await page.locator(`[data-test=tr-file-state-${tr.id}]`, { hasText: '已撤回' }).waitFor()
    await pending.waitFor({ state: 'detached' })
    await page.locator('[data-test=timeline-text]', { hasText: '已撤回' }).first().waitFor()
  })

  const receiver = await apiSession(base, 'sfs_101')
  const { items: incoming } = await receiver.get('/transfers?box=incoming&state=pending')
  assert.ok(!incoming.some((t) => t.id === tr.id))
  assert.deepEqual(errors, [])
})

test('the police station lists the key subjects released soon; the judicial office records the notification', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const district = await apiSession(base, 'qu_abb')
  const { items: soon } = await district.get('/supervision/upcoming-releases')
  const todo = soon.find((u) => u.task_state === 'open' && !u.township_notified_on && !u.police_notified_on)
  assert.ok(todo, 'a key subject released soon and not notified')
  const { items: units } = await district.get('/units')
  const sfx = units.find((u) => u.id === todo.household_unit.id).code.slice(6, 9)

  await withScreenshot('police-upcoming', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, `pcs_${sfx}`)
    const list = page.locator('[data-test=wb-upcoming]')
    await list.waitFor()
    const row = list.locator('.el-table__body tr', { hasText: todo.name }).first()
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(todo.release_date))
    assert.match(await row.innerText(), /未通报/)
    assert.match(await row.innerText(), /待通报/)
  })

  await withScreenshot('notify-record', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, `sfs_${sfx}`)
    await page.goto(`${base}/persons/${todo.person_id}`)
    const section = page.locator('[data-test=notify-section]')
    await section.waitFor()
    await section.locator('[data-test=notify-add]').click()
    const dialog = page.locator('[data-test=notify-dialog]')
    await dialog.waitFor()
    await pickOption(page, page.locator('[data-test=notify-method]'), '电话')
    await page.locator('[data-test=notify-contact]').fill('综治办张主任')
    await page.locator('[data-test=notify-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-message--success', { hasText: '已登记通报' }).waitFor()
    await section.locator('[data-test=notify-rows] .el-table__body tr', { hasText: '派出所' }).waitFor()
    await section.locator('[data-test=notify-rows] .el-table__body tr', { hasText: '镇街' }).first().waitFor()
    await dropdownsClosed(page)
  })

  await withScreenshot('police-upcoming-done', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, `pcs_${sfx}`)
    const row = page.locator('[data-test=wb-upcoming] .el-table__body tr', { hasText: todo.name }).first()
    await row.waitFor()
    await row.locator('[data-test=wb-upcoming-state]', { hasText: '已通报' }).waitFor()
  })
  assert.deepEqual(errors, [])
})

test('the district office opens on the whole district and filters by township and rule', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  await withScreenshot('district-filters', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'qu_abb')
    await page.locator('[data-test=wb-scope-all].is-active').waitFor()
    await pickOption(page, page.locator('[data-test=wb-filter-township]'), '昌元街道')
    await pickOption(page, page.locator('[data-test=wb-filter-rule]'), 'R-VIS-1')
    await page.locator('[data-test=wb-card-done]').click()
    const rows = page.locator('[data-test=wb-tasks] .el-table__body tr')
    await rows.first().waitFor()
    for (const text of await rows.allInnerTexts()) {
      assert.match(text, /R-VIS-1/)
      assert.match(text, /昌元街道/)
    }
  })
  assert.deepEqual(errors, [])
})
