// Full ID numbers only for roles that need them (issue 7 §7): a township officer sees the number
// masked and no way to unmask it; a judicial officer sees it masked too and unmasks it explicitly,
// which is on record as its own access record — and the page view itself is one access record.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, serverAndBrowser, townshipUnits, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 60 })

test('zj_001 sees the ID number masked; sfs_001 unmasks it with 显示完整号码, audited as id_unmask', async () => {
  const { page, context, errors } = env.browser
  const base = env.srv.baseUrl
  const api = await apiSession(base, 'sfs_001')
  const { items: units } = await api.get('/units')
  const { township } = townshipUnits(units, '001')
  const { items: charges } = await api.get('/dicts/charges')
  const person = await createPerson(api, {
    name: '掩码测试',
    gender: '1',
    ethnic_code: '01',
    household_unit_id: township.id,
    household_address: '昌元街道测试路2号',
    residence_unit_id: township.id,
    residence_address: '昌元街道测试路2号',
    charge_ids: [charges[0].id],
    sentence_type: 'fixed_term',
    sentence_months: 24,
    release_date: '2025-03-10',
    release_kind: 'prison',
  }, { birth: '19810303' })
  const masked = person.id_number.slice(0, 4) + '**********' + person.id_number.slice(14)
  const idCell = page.locator('[data-test=detail-id-number]')

  await withScreenshot('id-number-township', page, async () => {
    await uiLogin(page, base, 'zj_001')
    await page.goto(`${base}/persons/${person.id}`)
    await idCell.waitFor()
    assert.equal(await idCell.innerText(), masked)
    assert.equal(await page.locator('[data-test=id-unmask]').count(), 0)
    assert.ok(!(await page.content()).includes(person.id_number), 'the full number is nowhere on the page')
  })

  await context.clearCookies()
  await withScreenshot('id-number-judicial', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await idCell.waitFor()
    assert.equal(await idCell.innerText(), masked)
    await page.locator('[data-test=timeline-item]').first().waitFor()
    await page.locator('[data-test=id-unmask]').click()
    await page.waitForFunction((n) => document.querySelector('[data-test=detail-id-number]')?.textContent === n, person.id_number)
    assert.ok(!page.url().includes(person.id_number))
    await page.locator('[data-test=id-mask]').click()
    assert.equal(await idCell.innerText(), masked)
  })

  // On record: one unmasking, and one read for the whole page view of sfs_001 (file, timeline,
  // tasks, classification, periods, family changes).
  const auditor = await apiSession(base, 'auditor')
  const unmasks = await auditor.post('/audit/search', { person: person.id_number, action: 'id_unmask', username: 'sfs_001' })
  assert.equal(unmasks.total, 1)
  const reads = await auditor.post('/audit/search', { person: person.id_number, action: 'person_read', username: 'sfs_001' })
  assert.equal(reads.total, 1)
  assert.deepEqual(errors, [])
})
