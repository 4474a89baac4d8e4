// JOURNEYS.md 9: the auditor finds who opened a person's file and every roster export, and can
// change or delete nothing.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 300 })

test('auditor searches file reads and exports; the log is read-only', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl

  // sfs_001 opens a file and exports the roster.
  const officer = await apiSession(base, 'sfs_001')
  const { items } = await officer.get('/persons?page_size=1')
  assert.equal(items.length, 1)
  const person = await officer.get(`/persons/${items[0].id}`)
  const res = await officer.raw('POST', '/exports/persons.xlsx', { status: 'under_assistance' })
  const bytes = new Uint8Array(await res.arrayBuffer())
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK', 'an xlsx (zip) file')

  await withScreenshot('journey9', page, async () => {
    await uiLogin(page, base, 'auditor')
    // The auditor has no person pages in the menu.
    assert.equal(await page.locator('[data-test=menu-person-list]').count(), 0)
    await page.locator('[data-test=menu-audit]').click()
    await page.locator('[data-test=audit-list]').waitFor()
    assert.match(await page.locator('[data-test=audit-readonly-note]').innerText(), /审计记录只读，不可修改或删除/)

    // Who opened this person's file?
    await page.locator('[data-test=audit-person]').fill(person.name)
    await pickOption(page, page.locator('[data-test=audit-action]'), '查看档案')
    await page.locator('[data-test=audit-search]').click()
    const readRow = page.locator('[data-test=audit-table] .el-table__body tr', { hasText: 'sfs_001' }).first()
    await readRow.waitFor()
    assert.match(await readRow.innerText(), /查看档案/)
    // Found by the name, shown by the file number: the auditor sees who opened whose file, not the
    // personal data itself.
    assert.match(await readRow.innerText(), new RegExp(`档案 ${person.id}`))
    assert.doesNotMatch(await readRow.innerText(), new RegExp(person.name))

    // Every export.
    await page.locator('[data-test=audit-person]').fill('')
    await pickOption(page, page.locator('[data-test=audit-action]'), '导出')
    await page.locator('[data-test=audit-search]').click()
    const exportRow = page.locator('[data-test=audit-table] .el-table__body > tbody > tr', { hasText: '导出' }).filter({ hasText: 'sfs_001' }).first()
    await exportRow.waitFor()
    // Its detail (the filters used) opens in place.
    await exportRow.locator('.el-table__expand-icon').click()
    await page.locator('[data-test=audit-detail]').first().waitFor()

    // Read-only: no edit / delete controls anywhere on the page.
    const controls = page.locator('[data-test=audit-list] button, [data-test=audit-list] a', { hasText: /编辑|删除|修改|Edit|Delete/ })
    assert.equal(await controls.count(), 0)
  })

  // And the API offers no way to change the log.
  const auditor = await apiSession(base, 'auditor')
  const { items: entries } = await auditor.get('/audit?page_size=1')
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    await assert.rejects(auditor.raw(method, `/audit/${entries[0].id}`), (e) => e.status >= 400)
  }
  assert.deepEqual(errors, [])
})
