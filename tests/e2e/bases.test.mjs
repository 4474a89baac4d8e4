// 过渡性安置基地 (R-BASE-1): a township officer opens the bases from the menu, places a person of the
// township into the township's enterprise base and sees its occupancy rise; the placement is on the
// person's file in the 过渡性安置基地 section.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 80 })

test('R-BASE-1 a township officer places a person into a base and sees the occupancy rise', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const zj = await apiSession(base, 'zj_001')
  const bases = (await zj.get('/bases')).items
  const target = bases.find((b) => b.kind === 'enterprise' && b.agreement && b.occupied < b.agreement.capacity)
  assert.ok(target, 'the demo gives 昌元街道 an enterprise base with a free place')
  const persons = (await zj.post('/persons/search', { status: 'under_assistance', page_size: 30 })).items
  let person = null
  for (const p of persons) {
    if (!(await zj.get(`/persons/${p.id}/placements`)).items.some((x) => x.active)) {
      person = p
      break
    }
  }
  assert.ok(person, 'a person of the township not placed yet')
  const before = `${target.occupied}/${target.agreement.capacity}`
  const afterText = `${target.occupied + 1}/${target.agreement.capacity}`

  await withScreenshot('bases-place', page, async () => {
    await uiLogin(page, base, 'zj_001')
    await page.locator('[data-test=menu-bases]').click()
    await page.locator('[data-test=bases-page]').waitFor()
    assert.equal((await page.locator(`[data-test="base-occupancy-${target.id}"]`).innerText()).trim(), before)
    await page.locator(`[data-test="base-link-${target.id}"]`).click()
    await page.locator('[data-test=base-detail]').waitFor()
    assert.equal((await page.locator('[data-test=base-occupancy]').innerText()).trim(), before)
    await page.locator('[data-test=base-place]').click()
    const dialog = page.locator('[data-test=place-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=place-person] input').fill(person.name)
    await page.locator(`[data-test="place-person-option-${person.id}"]:visible`).click()
    await page.locator('[data-test=place-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test=base-occupancy]', { hasText: afterText }).waitFor()
    // (the person may also have left this base before: the active row is the first, newest)
    await page.locator('[data-test=base-placements] .el-table__body tr', { hasText: person.name }).first().waitFor()
    // Back on the list the occupancy has risen too.
    await page.locator('[data-test=menu-bases]').click()
    await page.locator(`[data-test="base-occupancy-${target.id}"]`, { hasText: afterText }).waitFor()
  })

  await withScreenshot('bases-on-file', page, async () => {
    await page.goto(`${base}/persons/${person.id}`)
    const section = page.locator('[data-test=placement-section]')
    await section.waitFor()
    await section.locator('.item', { hasText: target.name }).first().waitFor()
  })
  assert.deepEqual(errors, [])
})
