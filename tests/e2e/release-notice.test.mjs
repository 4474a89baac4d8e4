// JOURNEYS.md 1 (end) and 2: a month before release the custody clerk sends the release notice with
// the risk assessment and suggestions from 已发送; the judicial office answers it from its 收件箱
// with the reception arrangement; both rows show 已反馈 and a high risk makes a key subject.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { makeId } from '../support/ids.mjs'
import { apiSession, cstDate, fillDate, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试释放人'

const env = serverAndBrowser({ persons: 300 })

test('the release notice is sent from 已发送 and answered with a reception arrangement from 收件箱', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const releaseOn = cstDate(25)

  const clerk = await apiSession(base, 'kss')
  const { items: units } = await clerk.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await clerk.get('/dicts/charges')
  const form = await clerk.post('/documents/registration-forms', {
    person: {
      name: NAME,
      gender: '1',
      ethnic_code: '01',
      id_number: makeId('500153', '19870305', 471),
      identity_verified: true,
      household_unit_id: village.id,
      household_address: '四组7号',
      residence_unit_id: village.id,
      residence_address: '四组7号',
      charge_ids: [charges.find((c) => c.name === '盗窃罪')?.id ?? charges[0].id],
      sentence_type: 'fixed_term',
      sentence_months: 10,
      release_date: cstDate(30),
      releasing_authority: '荣昌区看守所',
    },
    received_into_custody: cstDate(-200),
    form: { occupation: '无', marital_status: '未婚', prior_convictions: '无', skills: '', health: '良好', family_members: [], family_changes: '', minor_children: '' },
  })

  await withScreenshot('release-notice-send', page, async () => {
    await uiLogin(page, base, 'kss')
    await page.locator('[data-test=menu-document-sent]').click()
    await page.locator('[data-test=document-sent]').waitFor()
    await page.locator(`[data-test=doc-release-${form.id}]`).click()
    const dialog = page.locator('[data-test=release-dialog]')
    await dialog.waitFor()
    await fillDate(page, 'rn-date', releaseOn)
    await page.locator('[data-test=rn-place]').fill('荣昌区看守所')
    await page.locator('[data-test=rn-conduct]').fill('服从管教')
    await page.locator('[data-test=rn-risk-high]').click()
    await page.locator('[data-test=rn-tendency]').click()
    const factors = page.locator('[data-test=rn-factors] input')
    await factors.fill('无固定住所')
    await factors.press('Enter')
    await factors.fill('无业')
    await factors.press('Enter')
    await page.locator('[data-test=rn-suggest-housing]').click()
    await page.locator('[data-test=rn-suggest-work]').click()
    await page.locator('[data-test=rn-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('[data-test=sent-table] .el-table__body tr', { hasText: '释放通知书' }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /待反馈/)
    // Sent once: the form's row no longer offers to send a notice (a correction is made on the notice).
    assert.equal(await page.locator(`[data-test=doc-release-${form.id}]`).count(), 0)
  })

  const { items: sent } = await clerk.get('/documents?box=sent&kind=release_notice')
  const notice = sent.find((d) => d.person_id === form.person_id)
  assert.ok(notice, 'the notice was sent')
  assert.deepEqual(notice.data.risk_factors, ['无固定住所', '无业'])
  assert.equal(notice.data.risk_level, 'high')

  const officer = await apiSession(base, 'sfs_001')
  const file = await officer.get(`/persons/${form.person_id}`)
  assert.equal(file.release_date, releaseOn)
  assert.equal((await officer.get(`/persons/${form.person_id}/classification`)).key, true)

  await withScreenshot('release-notice-reception', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=menu-document-inbox]').click()
    await page.locator('[data-test=document-inbox]').waitFor()
    // The row says by when the reception arrangement is owed (R-LNK-4).
    const inboxRow = page.locator('[data-test=inbox-table] .el-table__body tr', { has: page.locator(`[data-test=doc-reception-${notice.id}]`) })
    assert.match(await inboxRow.innerText(), new RegExp(cstDate(10)))
    await page.locator(`[data-test=doc-reception-${notice.id}]`).click()
    const dialog = page.locator('[data-test=reception-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=ra-pickup-by-township_team]').click()
    await fillDate(page, 'ra-planned', releaseOn)
    await page.locator('[data-test=ra-contact]').fill('王所长')
    await page.locator('[data-test=ra-phone]').fill('13800000004')
    await page.locator('[data-test=ra-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test="doc-feedback-${notice.id}"]`, { hasText: '已反馈' }).waitFor()
    assert.equal(await page.locator(`[data-test=doc-reception-${notice.id}]`).count(), 0)
  })

  const after = (await clerk.get('/documents?box=sent&kind=release_notice')).items.find((d) => d.id === notice.id)
  assert.ok(after.answered_on, 'the clerk sees the reception arrangement arrive')
  assert.deepEqual(errors, [])
})
