// R-ALW-1, R-ALW-2 (issue 10): one transitional hardship allowance from the request to the first
// payment, in the browser. The judicial office sfs_001 records the application in the file of a
// person of 昌元街道 (township 001) with no allowance yet; the household village's cadre cj_001_001
// finds it on 补助金审批 and certifies the hardship; sfs_001 verifies it with a signed opinion; the
// township's civil-affairs leader mzld_001 approves it; the civil-affairs office zj_001 confirms the
// month's payment list on 补助金发放 and records it paid; the file then shows the month paid, and a
// reversal of the payment (R-ALW-6) makes the month due again. At each step the buttons are exactly
// the actions the server offers that user.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { TEST_TODAY, apiSession, confirmBox, createPerson, cstDate, personInput, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '补助测试人'
const MONTH = TEST_TODAY.slice(0, 7)
const env = serverAndBrowser({ persons: 200 })
const textarea = (scope, test) => scope.locator(`textarea[data-test=${test}], [data-test=${test}] textarea`).first()
const yuan = (fen) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** Logs `username` in afresh and opens the person's file at the allowance section. */
async function openFile(page, base, username, personId) {
  await page.context().clearCookies()
  await uiLogin(page, base, username)
  await page.goto(`${base}/persons/${personId}#allowance`)
  await page.locator('[data-test=allowance-section]').waitFor()
}

/** The action buttons shown for application `aid`, as action codes. */
async function shownActions(page, aid) {
  const tests = await page.locator(`[data-test^="alw-action-"][data-test$="-${aid}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))
  return tests.map((t) => t.replace(/^alw-action-/, '').replace(new RegExp(`-${aid}$`), '')).sort()
}

/** Checks the buttons against the server's `actions` for `api`'s user, then takes `action`. */
async function takeStep(page, api, personId, aid, action, note = '') {
  const { applications } = await api.get(`/persons/${personId}/allowance`)
  const app = applications.find((a) => a.id === aid)
  await page.locator(`[data-test=alw-action-${action}-${aid}]`).waitFor()
  assert.deepEqual(await shownActions(page, aid), [...app.actions].sort(), `buttons = the server's actions for ${api.me.user.username}`)
  await page.locator(`[data-test=alw-action-${action}-${aid}]`).click()
  const dialog = page.locator('[data-test=alw-step-dialog]')
  await dialog.waitFor()
  if (note) await textarea(dialog, 'alw-step-note').fill(note)
  await page.locator('[data-test=alw-step-submit]').click()
  await page.locator('.el-message--success', { hasText: '已记录' }).waitFor()
  await dialog.waitFor({ state: 'hidden' })
}

test('R-ALW-2 an allowance goes from the application through the chain to the first month paid (R-ALW-1)', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001') // cj_001_001's village, in 昌元街道
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, personInput({ name: NAME, village, chargeId: charges[0].id, releaseDate: cstDate(-40) }))
  await officer.post(`/persons/${person.id}/registrations`, { registered_on: cstDate(-36), certificate_no: 'SF-2026-0001' }) // in time: nothing is cut (R-ALW-3)

  await withScreenshot('allowance-apply', page, async () => {
    await openFile(page, base, 'sfs_001', person.id)
    await page.locator('[data-test=alw-empty]').waitFor()
    await page.locator('[data-test=section-nav-allowance]').waitFor()
    await page.locator('[data-test=alw-apply]').click()
    const dialog = page.locator('[data-test=alw-apply-dialog]')
    await dialog.waitFor()
    // all three documents are needed
    await dialog.locator('[data-test=alw-doc-release_certificate]').click()
    await dialog.locator('[data-test=alw-kind-urban]').click()
    await page.locator('[data-test=alw-apply-submit]').click()
    await dialog.locator('.el-form-item__error', { hasText: '三项材料须齐全' }).waitFor()
    await dialog.locator('[data-test=alw-doc-id_card]').click()
    await dialog.locator('[data-test=alw-doc-household_register]').click()
    await textarea(dialog, 'alw-hardship').fill('刚释放，无收入，无住房')
    await page.locator('[data-test=alw-apply-submit]').click()
    await page.locator('.el-message--success', { hasText: '补助金申请已登记' }).waitFor()
    await dialog.waitFor({ state: 'hidden' })
  })
  const { applications } = await officer.get(`/persons/${person.id}/allowance`)
  assert.equal(applications.length, 1)
  const aid = applications[0].id
  await page.locator(`[data-test=alw-state-${aid}]`, { hasText: '待村居出具困难证明' }).waitFor()
  assert.equal(await page.locator(`[data-test=alw-bar-${aid}]`).getAttribute('data-active'), '1')
  // before the approval the entitlement is an estimate, said with its rule ids
  await page.locator(`[data-test=alw-explain-${aid}]`, { hasText: '按期报到，不扣减' }).waitFor()
  await page.locator(`[data-test=alw-explain-${aid}]`, { hasText: 'R-ALW-3' }).waitFor()

  await withScreenshot('allowance-certify', page, async () => {
    const cadre = await apiSession(base, 'cj_001_001')
    await page.context().clearCookies()
    await uiLogin(page, base, 'cj_001_001')
    await page.locator('[data-test=menu-allowance-work]').first().click()
    await page.locator('[data-test=allowance-work]').waitFor()
    await page.locator(`[data-test=alw-work-person-${aid}]`, { hasText: NAME }).waitFor()
    await page.locator(`[data-test=alw-work-state-${aid}]`, { hasText: '待村居出具困难证明' }).waitFor()
    await page.locator(`[data-test=alw-work-open-${aid}]`).click()
    await page.locator('[data-test=allowance-section]').waitFor()
    await takeStep(page, cadre, person.id, aid, 'certify')
    await page.locator(`[data-test=alw-state-${aid}]`, { hasText: '待司法所核实' }).waitFor()
  })

  await withScreenshot('allowance-verify', page, async () => {
    await openFile(page, base, 'sfs_001', person.id)
    await takeStep(page, officer, person.id, aid, 'verify', '经核实，本人生活确有困难，同意申请')
    await page.locator(`[data-test=alw-state-${aid}]`, { hasText: '待镇街审批' }).waitFor()
    await page.locator(`[data-test=alw-steps-${aid}]`, { hasText: '经核实，本人生活确有困难' }).waitFor()
  })

  await withScreenshot('allowance-approve', page, async () => {
    const leader = await apiSession(base, 'mzld_001')
    await page.context().clearCookies()
    await uiLogin(page, base, 'mzld_001')
    await page.locator('[data-test=menu-allowance-work]').first().click()
    await page.locator(`[data-test=alw-work-open-${aid}]`).click()
    await page.locator('[data-test=allowance-section]').waitFor()
    await takeStep(page, leader, person.id, aid, 'approve')
    await page.locator(`[data-test=alw-state-${aid}]`, { hasText: '已批准，按月发放' }).waitFor()
    await page.locator(`[data-test=alw-pay-${aid}-${MONTH}]`, { hasText: '待发放' }).waitFor()
    assert.equal(await page.locator(`[data-test=alw-bar-${aid}]`).getAttribute('data-active'), '4')
  })

  const approved = (await officer.get(`/persons/${person.id}/allowance`)).applications[0]
  assert.equal(approved.state, 'approved')
  assert.equal(approved.entitlement.months[0].month, MONTH, 'paid from the month of the approval')
  const fen = approved.entitlement.months[0].amount_fen
  assert.ok(fen > 0)

  await withScreenshot('allowance-pay', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'zj_001')
    await page.locator('[data-test=menu-allowance-payments]').first().click()
    await page.locator('[data-test=allowance-payments]').waitFor()
    const line = page.locator(`[data-test=alw-due-person-${aid}]`, { hasText: NAME })
    await line.waitFor()
    assert.equal(await page.locator('[data-test=alw-pay-township] input').isDisabled(), true, 'a township pays for itself only')
    await page.locator('[data-test=alw-confirm-run]').click()
    await confirmBox(page)
    await page.locator('.el-message--success', { hasText: '发放名单已确认' }).waitFor()
    await page.locator('[data-test=alw-due-table]', { hasText: '本月应发人员已全部列入下方的发放名单' }).waitFor()
  })
  const zj = await apiSession(base, 'zj_001')
  const township = units.find((u) => u.code === '500153001')
  const runOf = async () => (await zj.get(`/allowance/runs?township_unit_id=${township.id}&month=${MONTH}`)).items
    .find((r) => r.state === 'confirmed' && r.lines.some((l) => l.application_id === aid))
  // A list confirmed by mistake is cancelled with its reason (after a confirmation); it is due again.
  const wrong = await runOf()
  assert.ok(wrong, 'the run holds the application')
  await withScreenshot('allowance-cancel', page, async () => {
    await page.locator(`[data-test=alw-run-cancel-${wrong.id}]`).click()
    await page.locator('[data-test=alw-cancel-dialog]').waitFor()
    await textarea(page.locator('[data-test=alw-cancel-dialog]'), 'alw-cancel-reason').fill('名单有误，核对后重新确认')
    await page.locator('[data-test=alw-cancel-submit]').click()
    await confirmBox(page)
    await page.locator(`[data-test=alw-run-state-${wrong.id}]`, { hasText: '已作废' }).waitFor()
    await page.locator(`[data-test=alw-run-cancelled-${wrong.id}]`, { hasText: '名单有误' }).waitFor()
    await page.locator(`[data-test=alw-due-person-${aid}]`, { hasText: NAME }).waitFor()
    await page.locator('[data-test=alw-confirm-run]').click()
    await confirmBox(page)
    await page.locator('[data-test=alw-due-table]', { hasText: '本月应发人员已全部列入下方的发放名单' }).waitFor()
  })
  const run = await runOf()
  assert.ok(run && run.id !== wrong.id, 'a new run holds the application')
  await withScreenshot('allowance-paid', page, async () => {
    await page.locator(`[data-test=alw-run-state-${run.id}]`, { hasText: '已确认，待发放' }).waitFor()
    await page.locator(`[data-test=alw-run-pay-${run.id}]`).click()
    const dialog = page.locator('[data-test=alw-pay-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=alw-pay-submit]').click()
    await page.locator('.el-message--success', { hasText: '已登记发放' }).waitFor()
    await page.locator(`[data-test=alw-run-state-${run.id}]`, { hasText: '已发放' }).waitFor()
    assert.equal(await page.locator(`[data-test=alw-run-pay-${run.id}]`).count(), 0)
    // the signed list, downloaded with the session
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-test=alw-run-xlsx-${run.id}]`).click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
  })

  await withScreenshot('allowance-file-paid', page, async () => {
    await openFile(page, base, 'sfs_001', person.id)
    await page.locator(`[data-test=alw-pay-${aid}-${MONTH}]`, { hasText: `已发放 ${yuan(fen)}（${TEST_TODAY}）` }).waitFor()
    await page.locator(`[data-test=alw-ledger-${aid}]`, { hasText: yuan(fen) }).waitFor()
    // a judicial office does not pay: no reversal offered
    assert.equal(await page.locator('[data-test^="alw-reverse-"]').count(), 0)
    await page.locator('[data-test=timeline-text]', { hasText: '过渡性困难生活补助金' }).first().waitFor()
  })
  // R-ALW-6: the civil-affairs office corrects a payment by a reversing entry, confirmed first; the
  // payment stays, flagged, and the month is due again.
  await withScreenshot('allowance-reverse', page, async () => {
    const { applications: [paid] } = await zj.get(`/persons/${person.id}/allowance`)
    const entry = paid.ledger.find((e) => e.kind === 'payment' && e.month === MONTH)
    await openFile(page, base, 'zj_001', person.id)
    await page.locator(`[data-test=alw-reverse-${entry.id}]`).click()
    const dialog = page.locator('[data-test=alw-reverse-dialog]')
    await dialog.waitFor()
    await textarea(dialog, 'alw-reverse-reason').fill('发放账户有误，退回重发')
    await page.locator('[data-test=alw-reverse-submit]').click()
    await confirmBox(page)
    await page.locator('.el-message--success', { hasText: '已冲销' }).waitFor()
    await page.locator(`[data-test=alw-entry-${entry.id}][data-reversed=true]`).waitFor()
    await page.locator(`[data-test=alw-ledger-${aid}]`, { hasText: '发放账户有误' }).waitFor()
    await page.locator(`[data-test=alw-pay-${aid}-${MONTH}]`, { hasText: '待发放' }).waitFor()
    assert.equal(await page.locator(`[data-test=alw-reverse-${entry.id}]`).count(), 0, 'a payment is reversed once')
  })
  assert.deepEqual(errors, [])
})
