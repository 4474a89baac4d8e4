// R-AID-1 (issue 9): a judicial officer refers a 低保 application from the person's file, with the
// pre-check shown live; the civil-affairs user mz, whose menu shows only the referral workbench,
// grants it; the officer sees the outcome on the file and its timeline.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, cstDate, fillDate, personInput, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '救助测试人'
const env = serverAndBrowser({ persons: 200 })
const field = (scope, test) => scope.locator(`input[data-test=${test}], [data-test=${test}] input`).first()

test('R-AID-1 a judicial officer refers a 低保 application, mz grants it, the officer sees the outcome', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, personInput({ name: NAME, village, chargeId: charges[0].id, releaseDate: cstDate(-100) }))

  await withScreenshot('assistance-apply', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=aid-add]').click()
    const dialog = page.locator('[data-test=aid-dialog]')
    await dialog.waitFor()
    await dialog.locator('[data-test=aid-addressee-department]').click()
    await dialog.locator('[data-test=aid-household-urban]').click()
    await field(dialog, 'aid-family-size').fill('2')
    await field(dialog, 'aid-income').fill('1000')
    // the pre-check, live: 1,000 yuan for two persons is below the urban standard
    await page.waitForFunction(() => document.querySelector('[data-test=aid-cond-income_below_standard]')?.getAttribute('data-state') === 'met')
    assert.equal(await dialog.locator('[data-test=aid-precheck-rule]').textContent(), 'R-AID-1')
    await page.locator('[data-test=aid-submit]').click()
    await page.locator('.el-message--success', { hasText: '救助申请已提交' }).waitFor()
    await dialog.waitFor({ state: 'hidden' })
  })
  const { items } = await officer.get(`/persons/${person.id}/assistance`)
  assert.equal(items.length, 1)
  const aid = items[0].id
  await page.locator(`[data-test=aid-state-${aid}]`, { hasText: '已转交' }).waitFor()

  await withScreenshot('assistance-decide', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'mz')
    await page.locator('[data-test=menu-assistance-referrals]').first().waitFor()
    assert.equal(await page.locator('[data-test=menu-person-list]').count(), 0, 'no person list for a department')
    await page.locator('[data-test=menu-assistance-referrals]').first().click()
    await page.locator(`[data-test=referral-person-${aid}]`, { hasText: NAME }).waitFor()
    await page.locator(`[data-test=referral-open-${aid}]`).click()
    const drawer = page.locator('[data-test=referral-drawer]')
    await drawer.locator('[data-test=referral-name]', { hasText: NAME }).waitFor()
    await drawer.locator('[data-test=referral-decide]').click()
    const dialog = page.locator('[data-test=decide-dialog]')
    await dialog.waitFor()
    await field(dialog, 'decide-amount').fill('480')
    await fillDate(page, 'decide-to', cstDate(364))
    await page.locator('[data-test=decide-submit]').click()
    await page.locator('.el-message--success', { hasText: '决定已记录' }).waitFor()
    await drawer.locator('[data-test=referral-detail-state]', { hasText: '已批准' }).waitFor()
  })

  await withScreenshot('assistance-outcome', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator(`[data-test=aid-state-${aid}]`, { hasText: '已批准' }).waitFor()
    await page.locator(`[data-test=aid-outcome-${aid}]`, { hasText: '每月 480.00 元' }).waitFor()
    await page.locator('[data-test=timeline-text]', { hasText: '批准低保' }).first().waitFor()
  })
  assert.deepEqual(errors, [])
})
