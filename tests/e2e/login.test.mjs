// Log in as a judicial-office officer, find a person by pinyin initials, open the file and see
// its timeline (一人一档).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, serverAndBrowser, townshipUnits, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 300 })

test('sfs_001 finds 张三丰 by "zsf", exports the roster and opens the file with its timeline', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl

  // Arrange through the API: a person called 张三丰 living in township 001 (昌元街道).
  const api = await apiSession(base, 'sfs_001')
  const { items: units } = await api.get('/units')
  const { township } = townshipUnits(units, '001')
  const { items: charges } = await api.get('/dicts/charges')
  const person = await createPerson(api, {
    name: '张三丰',
    gender: '1',
    ethnic_code: '01',
    household_unit_id: township.id,
    household_address: '昌元街道测试路1号',
    residence_unit_id: township.id,
    residence_address: '昌元街道测试路1号',
    charge_ids: [charges.find((c) => c.name === '盗窃罪')?.id ?? charges[0].id],
    sentence_type: 'fixed_term',
    sentence_months: 36,
    release_date: '2024-05-20',
    release_kind: 'prison',
  })
  assert.ok(person.id > 0)

  await withScreenshot('login', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=greeting]').waitFor()
    assert.match(await page.locator('[data-test=wb-unit]').innerText(), /司法所/)

    await page.locator('[data-test=menu-person-list]').click()
    await page.locator('[data-test=person-list]').waitFor()
    await page.locator('[data-test=person-q]').fill('zsf')
    await page.locator('[data-test=person-search]').click()

    const row = page.locator('[data-test=person-table] .el-table__body tr', { hasText: '张三丰' }).first()
    await row.waitFor()
    // The list never shows the full ID number.
    assert.match(await row.innerText(), /\*{4,}/)
    // Filters stay out of the address bar.
    assert.ok(!page.url().includes('zsf'), page.url())

    // Export the filtered roster: confirm first, then the browser receives an xlsx file.
    await page.locator('[data-test=person-export]').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), box.locator('.el-button--primary').click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)

    await row.locator('[data-test=person-name]').click()
    await page.locator('[data-test=person-detail]').waitFor()
    await page.waitForURL(new RegExp(`/persons/${person.id}$`))
    assert.equal(await page.locator('[data-test=detail-name]').innerText(), '张三丰')
    // The file shows the number masked until a user with person:id_full asks for it (privacy.test.mjs).
    assert.equal(await page.locator('[data-test=detail-id-number]').innerText(), person.id_number_masked)

    const item = page.locator('[data-test=timeline-item]').first()
    await item.waitFor()
    assert.ok((await page.locator('[data-test=timeline-item]').count()) >= 1)
    assert.match(await page.locator('[data-test=timeline]').innerText(), /sfs_001|司法所/)
  })
  assert.deepEqual(errors, [])
})
