// Issue 9 item 1 (the needs list): a judicial officer sees the registration's initial needs on the
// file's 需求清单, records an action on one (a referral to an employment service) and marks another
// met after confirming; the phone width (375 px) shows the section without horizontal scrolling.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, confirmBox, createPerson, cstDate, personInput, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试需求人'
const env = serverAndBrowser({ persons: 30 })

test('needs list: an officer sees the registration needs, records an action and marks one met', async () => {
  const { page } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, personInput({ name: NAME, village, chargeId: charges[0].id, releaseDate: cstDate(-15) }), { birth: '19860304' })
  await officer.post(`/persons/${person.id}/registrations`, { registered_on: cstDate(-10), certificate_no: 'SF-E2E-1', policies_explained: true, needs: { work: true, housing: true } })
  const { items: needs } = await officer.get(`/persons/${person.id}/needs`)
  const work = needs.find((n) => n.category === 'work')
  const housing = needs.find((n) => n.category === 'housing')
  assert.ok(work && housing, JSON.stringify(needs))

  await withScreenshot('needs-file', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=detail-name]', { hasText: NAME }).waitFor()
    const section = page.locator('[data-test=needs-section]')
    await section.scrollIntoViewIfNeeded()
    await page.locator(`[data-test=need-status-${work.id}]`, { hasText: '待解决' }).waitFor()
    await page.locator(`[data-test=need-status-${housing.id}]`, { hasText: '待解决' }).waitFor()

    await page.locator(`[data-test=need-act-${work.id}]`).click()
    const dialog = page.locator('[data-test=need-act-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=nact-action]').fill('推荐至区公共就业服务中心')
    await pickOption(page, page.locator('[data-test=nact-link]'), '就业服务')
    await pickOption(page, page.locator('[data-test=nact-status]'), '正在解决')
    await page.locator('[data-test=nact-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test=need-status-${work.id}]`, { hasText: '正在解决' }).waitFor()

    await page.locator(`[data-test=need-met-${housing.id}]`).click()
    await confirmBox(page)
    await page.locator(`[data-test=need-status-${housing.id}]`, { hasText: '已解决' }).waitFor()
  })
  const after = (await officer.get(`/persons/${person.id}/needs`)).items
  assert.equal(after.find((n) => n.id === work.id).status, 'in_progress')
  assert.equal(after.find((n) => n.id === work.id).updates.at(-1).link_kind, 'employment_service')
  assert.deepEqual(after.find((n) => n.id === housing.id).updates.map((u) => u.status), ['open', 'met'])

  await withScreenshot('needs-phone', page, async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`${base}/persons/${person.id}`)
    const section = page.locator('[data-test=needs-section]')
    await section.waitFor()
    await section.scrollIntoViewIfNeeded()
    const width = await section.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }))
    assert.ok(width.scroll <= width.client + 1, JSON.stringify(width))
    await page.setViewportSize({ width: 1366, height: 860 })
  })
})
