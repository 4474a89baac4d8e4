// R-LNK-1 R-LNK-4 by mail: a prison outside the system (重庆市永川监狱) posts its paper 基本情况登记表;
// the judicial office (sfs_001) enters it in 录入邮寄登记表 with the postmark and the day it arrived.
// The form is in its 收件箱 as 邮寄 from 重庆市永川监狱, with the verification task (R-LNK-2) running
// from the day it arrived; later the paper release notice comes by post too and is entered from the
// form's row (录入邮寄释放通知书), which fixes the release date and leaves the reception reply owed.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { makeId } from '../support/ids.mjs'
import { apiSession, cstDate, dropdownsClosed, fillDate, pickTreeNode, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试邮寄人'
const PRISON = '重庆市永川监狱'

const env = serverAndBrowser({ persons: 20 })

test('R-LNK-1 R-LNK-4 the judicial office enters a mailed form and its mailed release notice', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001002')

  await withScreenshot('mail-form', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=menu-document-mail]').click()
    await page.locator('[data-test=document-mail]').waitFor()
    // A prison outside the system is typed by name; it is required.
    await page.locator('[data-test=mail-sender-name]').fill(PRISON)
    await fillDate(page, 'mail-sent-on', cstDate(-5))
    await fillDate(page, 'mail-received-on', cstDate(-3))

    await page.locator('[data-test=rf-name]').fill(NAME)
    await page.locator('[data-test=rf-id-number]').fill(makeId('500153', '19790215', 613))
    await pickTreeNode(page, page.locator('[data-test=rf-household-unit]'), village.name)
    await pickTreeNode(page, page.locator('[data-test=rf-residence-unit]'), village.name)
    await page.locator('[data-test=rf-charges]').click()
    await page.keyboard.type('盗窃')
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^盗窃罪$/ }).click()
    await page.locator('.page-title').click() // close the multi-select
    await dropdownsClosed(page)
    await fillDate(page, 'rf-custody', cstDate(-400))
    await fillDate(page, 'rf-release-date', cstDate(25))
    await page.locator('.page-title').click()
    // Released from a prison (asked for a sender outside the system).
    assert.match(await page.locator('[data-test=rf-release-kind]').innerText(), /监狱/)

    await page.locator('[data-test=rf-submit]').click()
    await page.locator('[data-test=document-inbox]').waitFor()
  })

  const { items: inbox } = await officer.get('/documents?box=inbox&kind=registration_form')
  const form = inbox.find((d) => d.person_name === NAME)
  assert.ok(form, 'the form is in the office’s inbox')
  assert.deepEqual([form.channel, form.sender, form.data.sender_name, form.sent_on, form.received_on], ['mail', null, PRISON, cstDate(-5), cstDate(-3)])
  const verify = (await officer.get(`/persons/${form.person_id}/tasks`)).items.find((t) => t.rule === 'R-LNK-2')
  assert.equal(verify.window_from, cstDate(-3), 'the verification month runs from the day the mail arrived')

  await withScreenshot('mail-inbox', page, async () => {
    assert.equal((await page.locator(`[data-test=doc-channel-${form.id}]`).innerText()).trim(), '邮寄')
    assert.equal((await page.locator(`[data-test=doc-sender-${form.id}]`).innerText()).trim(), PRISON)
    await page.locator(`[data-test=doc-verify-${form.id}]`).waitFor()
    // Its file shows the R-LNK-2 task.
    await page.locator(`[data-test=doc-person-${form.id}]`).first().click()
    await page.locator(`[data-test="task-state-${verify.key}"]`, { hasText: '待办' }).waitFor()
    await page.locator('[data-test=timeline-item]', { hasText: `邮寄收到 ${PRISON}` }).first().waitFor()

    await page.locator('[data-test=menu-document-inbox]').click()
    await page.locator('[data-test=document-inbox]').waitFor()
    await page.locator(`[data-test=doc-mail-release-${form.id}]`).click()
    const dialog = page.locator('[data-test=release-dialog]')
    await dialog.waitFor()
    assert.match(await dialog.innerText(), /录入邮寄释放通知书/)
    await fillDate(page, 'rn-received-on', cstDate(0))
    await fillDate(page, 'rn-sent-on', cstDate(-2))
    await fillDate(page, 'rn-date', cstDate(25))
    await page.locator('[data-test=rn-place]').fill(PRISON)
    await page.locator('[data-test=rn-conduct]').fill('服从管教,获表扬一次')
    await page.locator('[data-test=rn-officer]').fill('永川监狱狱政科')
    await page.locator('[data-test=rn-suggest-work]').click()
    await page.locator('[data-test=rn-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
  })

  const { items: notices } = await officer.get('/documents?box=inbox&kind=release_notice')
  const notice = notices.find((d) => d.person_id === form.person_id)
  assert.ok(notice, 'the notice is in the inbox')
  assert.deepEqual([notice.channel, notice.data.sender_name, notice.sent_on, notice.received_on], ['mail', PRISON, cstDate(-2), cstDate(0)])
  assert.equal((await officer.get(`/persons/${form.person_id}`)).release_date, cstDate(25))
  const reply = (await officer.get(`/persons/${form.person_id}/tasks`)).items.find((t) => t.key === 'R-LNK-4/reply')
  assert.equal(reply.state, 'open')

  await withScreenshot('mail-notice-row', page, async () => {
    await page.locator('[data-test=inbox-refresh]').click()
    await page.locator(`[data-test=doc-reception-${notice.id}]`).waitFor()
    assert.equal((await page.locator(`[data-test=doc-channel-${notice.id}]`).innerText()).trim(), '邮寄')
    assert.equal((await page.locator(`[data-test=doc-sender-${notice.id}]`).innerText()).trim(), PRISON)
  })
  assert.deepEqual(errors, [])
})
