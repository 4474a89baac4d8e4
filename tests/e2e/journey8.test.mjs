// JOURNEYS.md 8: the administrator sets up a new officer; the officer must change the initial
// password, then sees only the township's persons; a person of another township is not found.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, pickOption, pickTreeNode, serverAndBrowser, subtree, townshipUnits, uiLogin, withScreenshot } from './helpers.mjs'

const NEW_USER = 'sfs_001_new'
const INITIAL_PASSWORD = 'Chushi2026mima'
const NEW_PASSWORD = 'Xinmima2026abc'

const env = serverAndBrowser({ persons: 300 })

test('admin creates a judicial officer who changes the password and sees only township 001', async () => {
  const { page, context, errors } = env.browser
  const base = env.srv.baseUrl

  const admin = await apiSession(base, 'admin')
  const { items: units } = await admin.get('/units')
  const { township, judicialOffice } = townshipUnits(units, '001')
  assert.ok(judicialOffice, 'judicial office of township 001')
  const { items: roles } = await admin.get('/roles')
  const role = roles.find((r) => r.code === 'judicial_officer')
  assert.ok(role)

  // A person who neither is registered nor lives in township 001 (district view).
  const district = await apiSession(base, 'qu_abb')
  const inside = subtree(units, township.id)
  const other = units.find((u) => u.kind === 'township' && u.code === '500153101')
  const { items: candidates } = await district.get(`/persons?unit_id=${other.id}&page_size=100`)
  const outsider = candidates.find((p) => !inside.has(p.household_unit.id) && !inside.has(p.residence_unit.id) && p.identity_verified)
  assert.ok(outsider, 'a person of township 101')
  // The district officer (person:id_full) asks for the full number; files carry it masked.
  const outsiderFull = await district.post(`/persons/${outsider.id}/id-number`)
  const ownTotal = (await (await apiSession(base, 'sfs_001')).get('/persons?page_size=1')).total

  await withScreenshot('journey8-admin', page, async () => {
    await uiLogin(page, base, 'admin')
    await page.locator('[data-test=menu-admin-users]').click()
    await page.locator('[data-test=admin-users]').waitFor()
    await page.locator('[data-test=user-add]').click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.waitFor()
    await page.locator('[data-test=ud-username]').fill(NEW_USER)
    await page.locator('[data-test=ud-display-name]').fill('新司法所干部')
    await page.locator('[data-test=ud-phone]').fill('13800000001')
    await pickTreeNode(page, dialog.locator('[data-test=ud-unit]'), judicialOffice.name)
    await pickOption(page, dialog.locator('[data-test=ud-role]'), role.name)
    await page.locator('[data-test=ud-password]').fill(INITIAL_PASSWORD)
    await page.locator('[data-test=ud-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test=users-q]').fill(NEW_USER)
    await page.locator('[data-test=users-search]').click()
    const row = page.locator('[data-test=users-table] .el-table__body tr', { hasText: NEW_USER })
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(role.name))

    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=logout]:visible').click()
    await page.locator('[data-test=login-username]').waitFor()
  })

  await context.clearCookies()
  await withScreenshot('journey8-officer', page, async () => {
    await uiLogin(page, base, NEW_USER, INITIAL_PASSWORD, 'forced-hint')
    await page.waitForURL(/\/change-password$/)
    // Any other page sends the user back here until the password is changed.
    await page.goto(`${base}/persons`)
    await page.locator('[data-test=forced-hint]').waitFor()

    await page.locator('[data-test=cp-old]').fill(INITIAL_PASSWORD)
    await page.locator('[data-test=cp-new]').fill(NEW_PASSWORD)
    await page.locator('[data-test=cp-confirm]').fill(NEW_PASSWORD)
    await page.locator('[data-test=cp-submit]').click()
    await page.locator('[data-test=workbench]').waitFor()
    assert.equal(await page.locator('[data-test=wb-unit]').innerText(), judicialOffice.name)

    await page.locator('[data-test=menu-person-list]').click()
    await page.locator('[data-test=person-list]').waitFor()
    const pager = page.locator('[data-test=person-pager] .el-pagination__total')
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-test=person-pager] .el-pagination__total')?.textContent ?? ''))
    const shown = Number((await pager.innerText()).replace(/\D+/g, ''))
    assert.equal(shown, ownTotal, 'same persons as the township officer sfs_001')
    assert.ok(shown > 0)

    // Every listed person is registered or lives in township 001.
    const names = new Set([...inside].map((id) => units.find((u) => u.id === id)?.name))
    const cells = await page.locator('[data-test=person-table] .el-table__body tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    )
    assert.ok(cells.length > 0)
    for (const tds of cells) {
      assert.ok(tds.some((t) => [...names].some((n) => n && t.startsWith(n))), `row outside township 001: ${tds.join(' | ')}`)
    }

    // A person of township 101, searched by full ID number: nothing.
    await page.locator('[data-test=person-q]').fill(outsiderFull.id_number)
    await page.locator('[data-test=person-search]').click()
    await page.locator('[data-test=person-table] .el-empty').waitFor()
    assert.equal(await page.locator('[data-test=person-table] .el-table__body tr').count(), 0)
    // …and the file itself is not reachable either.
    await page.goto(`${base}/persons/${outsider.id}`)
    await page.locator('[data-test=detail-error]').waitFor()
  })
  assert.deepEqual(errors, [])
})
