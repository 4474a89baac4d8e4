// R-WRN-1 (issue 8): a township reports signs of re-offending; the person becomes a key subject and
// the warning reaches the police station's workbench.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 200 })

test('a warning makes the person a key subject and reaches the police station', async () => {
  const { page } = env.browser
  const base = env.srv.baseUrl
  const zj = await apiSession(base, 'zj_001')
  const { items: persons } = await zj.get('/persons?status=under_assistance&page_size=50')
  let person = null
  for (const p of persons) {
    if (!p.residence_unit?.path?.startsWith('昌元街道')) continue
    const cls = await zj.get(`/persons/${p.id}/classification`)
    if (cls.class === 'general') { person = p; break }
  }
  assert.ok(person, 'a general subject of 昌元街道')

  await withScreenshot('warning-record', page, async () => {
    await uiLogin(page, base, 'zj_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=warning-add]').click()
    const dialog = page.locator('[data-test=warning-dialog]')
    await dialog.waitFor()
    await dialog.locator('[data-test=wn-signs] textarea, textarea[data-test=wn-signs]').first().fill('酒后多次扬言报复原被害人')
    await dialog.locator('[data-test=wn-measures] textarea, textarea[data-test=wn-measures]').first().fill('村干部和家属上门谈心')
    await page.locator('[data-test=wn-submit]').click()
    await page.locator('.el-message--success', { hasText: '预警已记录' }).waitFor()
    await page.locator('[data-test=warning-table] .el-table__body tr', { hasText: '扬言报复' }).waitFor()
  })
  assert.equal((await zj.get(`/persons/${person.id}/classification`)).class, 'key')

  await withScreenshot('warning-police-board', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'pcs_001')
    const board = page.locator('[data-test=police-board]')
    await board.waitFor()
    await board.locator('[data-test=police-warnings] .el-table__body tr', { hasText: person.name }).waitFor()
    await board.locator('[data-test=police-key-subjects] .el-table__body tr', { hasText: person.name }).waitFor()
  })
})
