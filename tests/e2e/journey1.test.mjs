// JOURNEYS.md 1: the detention-centre clerk fills the 基本情况登记表 of a new inmate in
// "发送登记表" (ID number checked as typed, household place picked from the tree) and sends it; the
// form is routed to 昌元街道司法所 and shows 待反馈 in 已发送; once the judicial office answers with
// its verification feedback, 已发送 shows 已反馈.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { makeId } from '../support/ids.mjs'
import { apiSession, cstDate, dropdownsClosed, pickTreeNode, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试登记人'

const env = serverAndBrowser({ persons: 300 })

test('the custody clerk sends a registration form and sees the verification feedback arrive', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const clerk = await apiSession(base, 'kss')
  const { items: units } = await clerk.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  assert.ok(village, 'village 500153001001')
  const idNumber = makeId('500153', '19810923', 751)

  await withScreenshot('journey1-send', page, async () => {
    await uiLogin(page, base, 'kss')
    await page.locator('[data-test=menu-document-send]').click()
    await page.locator('[data-test=document-send]').waitFor()

    await page.locator('[data-test=rf-name]').fill(NAME)
    // The ID number is checked as typed, by the same rule as the server.
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0')
    await page.locator('[data-test=rf-id-number]').fill(wrong)
    await page.locator('.el-form-item__error', { hasText: '校验位' }).waitFor()
    await page.locator('[data-test=rf-id-number]').fill(idNumber)
    await page.locator('.el-form-item__error', { hasText: '校验位' }).waitFor({ state: 'detached' })

    await pickTreeNode(page, page.locator('[data-test=rf-household-unit]'), village.name)
    await page.locator('[data-test=rf-household-address]').fill('一组8号')
    await pickTreeNode(page, page.locator('[data-test=rf-residence-unit]'), village.name)

    const charges = page.locator('[data-test=rf-charges]')
    await charges.click()
    await page.keyboard.type('盗窃')
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^盗窃罪$/ }).click()
    await page.locator('.page-title').click() // close the multi-select
    await dropdownsClosed(page)

    await page.locator('[data-test=rf-custody] input').fill(cstDate(-10))
    await page.keyboard.press('Enter')
    await page.locator('[data-test=rf-release-date] input').fill(cstDate(400))
    await page.keyboard.press('Enter')
    await page.locator('.page-title').click()

    await page.locator('[data-test=rf-occupation]').fill('务农')
    await page.locator('[data-test=rf-marital]').fill('已婚')
    await page.locator('[data-test=rf-health]').fill('良好')
    await page.locator('[data-test=rf-member-add]').click()
    await page.locator('[data-test=rf-member-name-0]').fill('测试配偶')
    await page.locator('[data-test=rf-member-relation-0]').fill('妻子')
    await page.locator('[data-test=rf-member-phone-0]').fill('13800000001')
    await page.locator('[data-test=rf-member-support-0]').click()

    await page.locator('[data-test=rf-submit]').click()
    await page.locator('.el-message--success', { hasText: '昌元街道司法所' }).waitFor()
    await page.locator('[data-test=document-sent]').waitFor()
    const row = page.locator('[data-test=sent-table] .el-table__body tr', { hasText: NAME }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /昌元街道司法所/)
    assert.match(await row.innerText(), /待反馈/)
  })

  // What was sent: the form, routed to the household township's judicial office.
  const { items: sent } = await clerk.get('/documents?box=sent')
  const form = sent.find((d) => d.person_name === NAME && d.kind === 'registration_form')
  assert.ok(form, 'the form is in the sent box')
  assert.equal(form.receiver.name, '昌元街道司法所')
  assert.equal(form.event_date, cstDate(-10))
  assert.equal(form.answered_on, null)
  assert.equal(form.data.occupation, '务农')
  assert.deepEqual(form.data.family_members, [{ name: '测试配偶', relation: '妻子', phone: '13800000001', address: '', can_support: true }])

  // The judicial office answers (its inbox is tested in journey 3).
  const officer = await apiSession(base, 'sfs_001')
  const { items: inbox } = await officer.get('/documents?box=inbox')
  assert.ok(inbox.some((d) => d.id === form.id), 'the form reached the judicial office')
  await officer.post(`/documents/${form.id}/verification`, {
    false_name: 'cleared',
    false_identity: 'cleared',
    false_address: 'cleared',
    family_situation: '家庭和睦',
    children_situation: '无未成年子女',
    verifying_officer: '司法所干部',
    sent_on: cstDate(),
  })

  await withScreenshot('journey1-feedback', page, async () => {
    await page.locator('[data-test=sent-refresh]').click()
    await page.locator(`[data-test="doc-feedback-${form.id}"]`, { hasText: '已反馈' }).waitFor()
  })
  assert.deepEqual(errors, [])
})
