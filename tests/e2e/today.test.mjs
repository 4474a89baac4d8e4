// `anbang --today`: while a chosen today is in force the header says so (测试日期), the web app's
// today is the server's (date-picker defaults), and times are shown in China Standard Time even in
// a browser far away; on the real date there is no badge.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startServer } from '../support/server.mjs'
import { apiSession, createPerson, launch, personInput, uiLogin, withScreenshot } from './helpers.mjs'

const TODAY = '2027-01-15'
let srv, browser

before(async () => {
  srv = await startServer({ persons: 20, today: TODAY })
  // Los Angeles: the browser's own date and clock are far from the server's.
  browser = await launch({ timezoneId: 'America/Los_Angeles' })
})
after(async () => {
  await browser?.close()
  await srv?.stop()
})

/** "YYYY-MM-DD HH:mm:ss" of an ISO instant in China Standard Time, computed here independently. */
function cstText(iso) {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return d.toISOString().slice(0, 19).replace('T', ' ')
}

test('the header shows the chosen today and the app counts days from it', async () => {
  const { page, errors } = browser
  const base = srv.baseUrl
  const health = await (await fetch(`${base}/healthz`)).json()
  assert.deepEqual([health.today, health.today_overridden], [TODAY, true])
  assert.match(srv.log(), new RegExp(`TODAY OVERRIDDEN.*${TODAY}.*real date is \\d{4}-\\d{2}-\\d{2}`))
  const officer = await apiSession(base, 'sfs_001')
  assert.deepEqual([officer.me.today, officer.me.today_overridden], [TODAY, true])
  const units = (await officer.get('/units')).items
  const village = units.find((u) => u.code === '500153001001')
  const charges = (await officer.get('/dicts/charges')).items
  const person = await createPerson(officer, personInput({ name: '日期甲', village, chargeId: charges[0].id, releaseDate: '2026-12-20' }), { birth: '19800202' })

  await withScreenshot('today-badge', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    const badge = page.locator('[data-test=today-override]')
    assert.equal((await badge.innerText()).trim(), `测试日期 ${TODAY}`)
    // A record form starts on the server's today, not the browser's date.
    await page.locator('[data-test=menu-meetings]').click()
    await page.locator('[data-test=meeting-add]').click()
    await page.locator('[data-test=meeting-dialog]').waitFor()
    assert.equal(await page.locator('[data-test=mt-date] input').inputValue(), TODAY)
    await page.keyboard.press('Escape')
    // The file's timestamps in China Standard Time, whatever the browser's zone.
    await page.goto(`${base}/persons/${person.id}`)
    await page.getByText(cstText(person.created_at)).first().waitFor()
    // English too.
    await page.locator('[data-test=lang-switch]').click()
    await page.locator('[data-test=lang-en]').click()
    await page.locator('[data-test=today-override]', { hasText: `Test date ${TODAY}` }).waitFor()
  })
  assert.deepEqual(errors, [])
})

test('on the real date there is no badge', async () => {
  const real = await startServer({ persons: 0, today: null })
  const other = await launch()
  try {
    const health = await (await fetch(`${real.baseUrl}/healthz`)).json()
    assert.equal(health.today_overridden, false)
    assert.doesNotMatch(real.log(), /TODAY OVERRIDDEN/)
    await withScreenshot('today-no-badge', other.page, async () => {
      await uiLogin(other.page, real.baseUrl, 'sfs_001')
      await other.page.locator('[data-test=header-unit]').waitFor()
      assert.equal(await other.page.locator('[data-test=today-override]').count(), 0)
    })
  } finally {
    await other.close()
    await real.stop()
  }
})
