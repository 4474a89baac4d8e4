// Issue 7 "What users hit": a late entry (补录) shows with both dates in the file's records and on
// the timeline; 报到登记 is offered once, then 更正报到登记; the custody clerk corrects a release
// notice it sent (更正, a reason, a confirmation) and the first stays in the document's history.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, confirmBox, createPerson, cstDate, fillDate, makeIdNumber, personInput, sendRegistrationForm, serverAndBrowser, TEST_TODAY, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 60 })

test('a visit entered five days late shows as 补录 with both dates; registration is offered once', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, personInput({ name: '补录测试人', village, chargeId: charges[0].id, releaseDate: cstDate(-60) }))
  const visitOn = cstDate(-5)

  await withScreenshot('late-entry-visit', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=person-tasks]').waitFor()
    await page.locator('[data-test=registration-add]').waitFor()
    await page.locator('[data-test=followup-add]').click()
    await fillDate(page, 'fu-date', visitOn)
    await page.locator('[data-test=fu-aspect-living]').fill('本人在家，生活稳定。')
    await page.locator('[data-test=fu-submit]').click()
    const record = page.locator('[data-test=record-table] .el-table__row', { hasText: visitOn }).first()
    await record.waitFor()
    const text = await record.innerText()
    assert.match(text, /补录/)
    assert.ok(text.includes(`记录日期 ${visitOn}，${TEST_TODAY} 录入`), text)
    const entry = page.locator('[data-test=timeline-item]', { hasText: `走访 ${visitOn}` }).first()
    await entry.waitFor()
    assert.ok((await entry.innerText()).includes(`记录日期 ${visitOn}，${TEST_TODAY} 录入`))
  })

  await withScreenshot('late-entry-registration', page, async () => {
    await page.locator('[data-test=registration-add]').click()
    await fillDate(page, 'reg-date', cstDate(-10))
    await page.locator('[data-test=reg-cert]').fill('SF-E2E-1')
    await page.locator('[data-test=reg-submit]').click()
    await page.locator('[data-test=registration-done]').waitFor()
    assert.equal(await page.locator('[data-test=registration-add]').count(), 0, 'not offered again')
    // The correction: the same fields and a required reason.
    await page.locator('[data-test=registration-correct]').click()
    const dialog = page.locator('[data-test=registration-dialog]')
    await dialog.waitFor()
    assert.equal(await page.locator('[data-test=reg-cert]').inputValue(), 'SF-E2E-1')
    await page.locator('[data-test=reg-cert]').fill('SF-E2E-2')
    await page.locator('[data-test=reg-submit]').click()
    await page.locator('[data-test=registration-dialog] .el-form-item__error').first().waitFor()
    await page.locator('[data-test=reg-reason]').fill('证明书编号录错')
    await page.locator('[data-test=reg-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test=timeline-item]', { hasText: '原因：证明书编号录错' }).first().waitFor()
  })
  assert.deepEqual(errors, [])
})

test('the custody clerk corrects a release notice with a reason; the first stays as 已更正', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const clerk = await apiSession(base, 'kss')
  const { items: units } = await clerk.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await clerk.get('/dicts/charges')
  const form = await sendRegistrationForm(clerk, {
    name: '更正测试人', village, chargeId: charges[0].id, releaseDate: cstDate(30),
    idNumber: makeIdNumber('500153', '19860606', 515), custodySince: cstDate(-300),
  })
  const first = await clerk.post('/documents/release-notices', { form_id: form.id, release_date: cstDate(30), risk_level: 'low', place: '荣昌区看守所' })
  const corrected = cstDate(33)

  await withScreenshot('release-notice-correct', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'kss')
    await page.goto(`${base}/documents/sent`)
    await page.locator(`[data-test=doc-correct-${first.id}]`).click()
    const dialog = page.locator('[data-test=release-dialog]:visible')
    await dialog.waitFor()
    assert.equal(await dialog.locator('[data-test=rn-place]').inputValue(), '荣昌区看守所')
    await dialog.locator('[data-test=rn-date] input').fill(corrected)
    await dialog.locator('[data-test=rn-date] input').press('Enter')
    await dialog.locator('[data-test=rn-reason]').fill('减刑裁定后释放日期变更')
    await dialog.locator('[data-test=rn-submit]').click()
    await confirmBox(page)
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test=doc-superseded-${first.id}]`).waitFor()
    assert.equal(await page.locator(`[data-test=doc-correct-${first.id}]`).count(), 0)
  })

  const { items: sent } = await clerk.get('/documents?box=sent&kind=release_notice')
  const fixed = sent.find((d) => d.supersedes === first.id)
  assert.ok(fixed, 'the correction was sent')
  assert.equal(fixed.data.release_date, corrected)

  await withScreenshot('release-notice-history', page, async () => {
    await page.locator(`[data-test=doc-view-${fixed.id}]`).click()
    const detail = page.locator('[data-test=doc-detail]')
    await detail.waitFor()
    await detail.locator(`[data-test=doc-history-${first.id}]`).waitFor()
    assert.equal(await detail.locator('[data-test=doc-detail-reason]').innerText(), '减刑裁定后释放日期变更')
  })
  const officer = await apiSession(base, 'sfs_001')
  assert.equal((await officer.get(`/persons/${form.person_id}`)).release_date, corrected)
  assert.deepEqual(errors, [])
})
