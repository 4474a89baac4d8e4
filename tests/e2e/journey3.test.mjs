// JOURNEYS.md 3: the judicial-office officer opens the inbox, answers a registration form with the
// 核查反馈 dialog recording 假地址：查实为假; the row shows 已反馈, the person's file shows 重点帮教对象
// at once with the reason 假地址 (R-CLS-3), and the police station can open the file.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { makeId } from '../support/ids.mjs'
import { apiSession, cstDate, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试核查人'

const env = serverAndBrowser({ persons: 300 })

test('a false address found on verification makes the person a key subject at once', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl

  // The detention centre sends the form of a person of village 500153001001.
  const clerk = await apiSession(base, 'kss')
  const { items: units } = await clerk.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  assert.ok(village, 'village 500153001001')
  const { items: charges } = await clerk.get('/dicts/charges')
  const form = await clerk.post('/documents/registration-forms', {
    person: {
      name: NAME,
      gender: '1',
      ethnic_code: '01',
      id_number: makeId('500153', '19830417', 613),
      identity_verified: true,
      household_unit_id: village.id,
      household_address: '三组99号',
      residence_unit_id: village.id,
      residence_address: '三组99号',
      charge_ids: [charges.find((c) => c.name === '盗窃罪')?.id ?? charges[0].id],
      sentence_type: 'fixed_term',
      sentence_months: 18,
      release_date: cstDate(300),
      releasing_authority: '荣昌区看守所',
    },
    received_into_custody: cstDate(-5),
    form: {
      occupation: '无',
      marital_status: '未婚',
      prior_convictions: '无',
      skills: '',
      health: '良好',
      family_members: [],
      family_changes: '',
      minor_children: '',
    },
  })
  const officer = await apiSession(base, 'sfs_001')
  const before = await officer.get(`/persons/${form.person_id}/classification`)
  assert.ok(!before.reasons.some((r) => r.criterion === 'false_address'), 'no false-address reason before')

  await withScreenshot('journey3', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=menu-document-inbox]').click()
    await page.locator('[data-test=document-inbox]').waitFor()
    const row = page.locator('[data-test=inbox-table] .el-table__body tr', { hasText: NAME }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /荣昌区看守所/)
    assert.match(await row.innerText(), /待反馈/)

    await page.locator(`[data-test="doc-verify-${form.id}"]`).click()
    const dialog = page.locator('[data-test=verify-dialog]')
    await dialog.waitFor()
    // Each 三假 reads unmistakably: 假地址：查实为假 / 存疑 / 已排除.
    const choices = await dialog.locator('[data-test=vf-false_address] .el-radio').allInnerTexts()
    assert.deepEqual(choices.map((c) => c.trim()), ['查实为假', '存疑', '已排除'])
    await dialog.locator('[data-test=vf-false_address-confirmed]').click()
    await page.locator('[data-test=vf-family]').fill('登记地址查无此人,实际住址不明。')
    await page.locator('[data-test=vf-children]').fill('无')
    await page.locator('[data-test=vf-officer]').fill('王核查')
    assert.equal(await page.locator('[data-test=vf-date] input').inputValue(), cstDate())
    await page.locator('[data-test=vf-submit]').click()
    await dialog.waitFor({ state: 'hidden' })

    // The row now shows 已反馈 and no longer offers the action.
    await page.locator(`[data-test="doc-feedback-${form.id}"]`, { hasText: '已反馈' }).waitFor()
    assert.equal(await page.locator(`[data-test="doc-verify-${form.id}"]`).count(), 0)

    // The person's file: a key subject at once, because of the false address.
    await page.locator(`[data-test="doc-person-${form.id}"]`).click()
    await page.locator('[data-test=person-detail]').waitFor()
    const tag = page.locator('[data-test=class-tag]')
    await tag.waitFor()
    assert.equal((await tag.innerText()).trim(), '重点帮教对象')
    assert.equal((await page.locator('[data-test=class-reason-false_address]').innerText()).trim(), '“三假”：假地址（已确认）')
    // The class history and the timeline word the reason sent as codes (issue 7 §5).
    assert.match(await page.locator('[data-test=class-history-reason]').first().innerText(), /^列为重点帮教对象：“三假”：假地址（已确认）/)
    await page.locator('[data-test=timeline-item]', { hasText: '列为重点帮教对象：“三假”：假地址（已确认）' }).first().waitFor()
    // The timeline names the findings, not their codes.
    const verified = page.locator('[data-test=timeline-item]', { hasText: '核查反馈' }).first()
    await verified.waitFor()
    const text = await verified.innerText()
    assert.match(text, /假地址\s*查实为假/)
    assert.doesNotMatch(text, /confirmed|suspected|cleared/)
  })

  const after = await officer.get(`/persons/${form.person_id}/classification`)
  assert.equal(after.class, 'key')
  assert.ok(after.reasons.some((r) => r.criterion === 'false_address'))

  // The police station sees the person's file too.
  await withScreenshot('journey3-police', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'pcs_001')
    await page.goto(`${base}/persons/${form.person_id}`)
    await page.locator('[data-test=person-detail]').waitFor()
    assert.equal(await page.locator('[data-test=detail-name]').innerText(), NAME)
    await page.locator('[data-test=class-tag]', { hasText: '重点帮教对象' }).waitFor()
  })
  assert.deepEqual(errors, [])
})
