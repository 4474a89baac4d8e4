// R-EMP-1 (issue 9): a judicial officer records that a person is employed; the file's 就业与安置
// section and the person list (filtered by 安置情况) show 已安置（就业）; the section fits a phone.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 120 })

test('R-EMP-1 an officer records employment; the file and the list show 已安置（就业）', async () => {
  const { page } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items } = await officer.get('/persons?status=under_assistance&resettlement=not_resettled&page_size=50')
  const person = items.find((p) => p.residence_unit?.path?.startsWith('昌元街道'))
  assert.ok(person, 'a person of 昌元街道 not resettled')

  await withScreenshot('employment-record', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    const section = page.locator('[data-test=employment-section]')
    await section.locator('[data-test=employment-resettlement]', { hasText: '未安置' }).waitFor()
    await section.locator('[data-test=employment-add-status]').click()
    const dialog = page.locator('[data-test=employment-status-dialog]')
    await dialog.waitFor()
    await dialog.locator('[data-test=es-employer] input, input[data-test=es-employer]').first().fill('荣昌区鸿运陶瓷有限公司')
    await dialog.locator('[data-test=es-job] input, input[data-test=es-job]').first().fill('包装工')
    await page.locator('[data-test=es-submit]').click()
    await page.locator('.el-message--success', { hasText: '就业状况已登记' }).waitFor()
    await section.locator('[data-test=employment-resettlement]', { hasText: '已安置（就业）' }).waitFor()
    await section.locator('[data-test=employment-current]', { hasText: '荣昌区鸿运陶瓷有限公司' }).waitFor()
    await page.locator('[data-test=timeline]', { hasText: '荣昌区鸿运陶瓷有限公司' }).waitFor()
  })

  await withScreenshot('employment-list', page, async () => {
    await page.goto(`${base}/persons`)
    await pickOption(page, page.locator('[data-test=person-resettlement]'), '已安置（就业）')
    await page.locator('[data-test=person-search]').click()
    await page.locator(`[data-test=person-resettlement-tag-${person.id}]`, { hasText: '已安置（就业）' }).waitFor()
  })

  await withScreenshot('employment-phone', page, async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`${base}/persons/${person.id}`)
    const section = page.locator('[data-test=employment-section]')
    await section.locator('[data-test=employment-resettlement]', { hasText: '已安置（就业）' }).waitFor()
    const box = await section.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 376, JSON.stringify(box))
    await page.setViewportSize({ width: 1366, height: 860 })
  })
})
