// R-OUT-1 (issue 8): a judicial office records a person going out for work to another township; that
// township's judicial office is notified on its workbench and records a visit there.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, fillDate, pickOption, serverAndBrowser, uiLogin, withScreenshot, TEST_TODAY } from './helpers.mjs'

const env = serverAndBrowser({ persons: 200 })

test('going out to another township: its judicial office is notified and records a visit', async () => {
  const { page } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: persons } = await officer.get('/persons?status=under_assistance&page_size=50')
  let person = null
  for (const p of persons) {
    if (!p.residence_unit?.path?.startsWith('昌元街道')) continue
    const { items } = await officer.get(`/persons/${p.id}/outings`)
    if (items.length === 0) { person = p; break }
  }
  assert.ok(person, 'a person of 昌元街道 without an outing')
  const back = `${Number(TEST_TODAY.slice(0, 4)) + 1}${TEST_TODAY.slice(4)}`

  await withScreenshot('outing-record', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=outing-add]').click()
    const dialog = page.locator('[data-test=outing-dialog]')
    await dialog.waitFor()
    await pickOption(page, dialog.locator('[data-test=ot-unit]'), '昌州街道')
    await dialog.locator('[data-test=ot-employer] input, input[data-test=ot-employer]').first().fill('昌州工业园机械厂')
    await dialog.locator('[data-test=ot-phone] input, input[data-test=ot-phone]').first().fill('13983000009')
    await fillDate(page, 'ot-expected', back)
    await page.locator('[data-test=ot-submit]').click()
    await page.locator('.el-message--success', { hasText: '外出已登记' }).waitFor()
    await page.locator('[data-test=outing-table] .el-table__body tr', { hasText: '昌州街道' }).waitFor()
  })

  await withScreenshot('outing-destination-office', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'sfs_002')
    const card = page.locator('[data-test=incoming-outings]')
    await card.waitFor()
    await card.locator('.el-table__body tr', { hasText: person.name }).waitFor()
    await card.locator(`[data-test=io-visit-${person.id}]`).click()
    const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=fu-form]') })
    await pickOption(page, dialog.locator('[data-test=fu-form]'), '委托外出地司法所')
    await page.locator('[data-test=fu-aspect-work]').fill('在厂内务工，表现正常')
    await page.locator('[data-test=fu-submit]').click()
    await page.locator('.el-message--success').first().waitFor()
  })
  const { items } = await officer.get(`/persons/${person.id}/records`)
  assert.ok(items.some((r) => r.kind === 'visit' && r.unit.includes('昌州街道司法所')), JSON.stringify(items.slice(0, 3)))
  const visits = await officer.get(`/persons/${person.id}/visits`)
  assert.ok(visits.items.some((v) => v.form === 'via_destination_office'), JSON.stringify(visits).slice(0, 300))
})
