// A full review that reclassifies (R-REV-1, R-CLS-3): the township officer records the quarterly
// review of a key subject with a conclusion per criterion and recommends a change of class; the file's
// 考察 section shows it awaiting confirmation; the judicial office confirms it there and the person
// is a general subject, the class history naming the review.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, confirmBox, createPerson, cstDate, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试考察人'

const env = serverAndBrowser({ persons: 60 })

test('a township review recommends a change of class; the judicial office confirms it and the class follows', async () => {
  const { page, context, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  // Convicted of a crime endangering national security: a key subject (R-CLS-1).
  const person = await createPerson(officer, {
    name: NAME,
    gender: '1',
    ethnic_code: '01',
    education_code: '71',
    household_unit_id: village.id,
    household_address: '二组3号',
    residence_unit_id: village.id,
    residence_address: '二组3号',
    charge_ids: [charges.find((c) => c.chapter === 1).id],
    sentence_type: 'fixed_term',
    sentence_months: 48,
    release_date: cstDate(-50),
    release_kind: 'prison',
    releasing_authority: '重庆市永川监狱',
    family_contact_name: '测试家属',
    family_contact_relation: '父亲',
    family_contact_phone: '13800000001',
  })
  assert.equal((await officer.get(`/persons/${person.id}/classification`)).class, 'key')

  await withScreenshot('review-record', page, async () => {
    await uiLogin(page, base, 'zj_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=person-detail]').waitFor()
    assert.equal((await page.locator('[data-test=class-tag]').innerText()).trim(), '重点帮教对象')
    await page.locator('[data-test=followup-add]').click()
    const dialog = page.locator('[data-test=followup-dialog]')
    await dialog.waitFor()
    for (const [c, v] of [['reoffending_tendency', 'does_not_hold'], ['three_false', 'does_not_hold'], ['three_none', 'unknown'], ['national_security', 'does_not_hold']]) {
      await page.locator(`[data-test=rv-${c}-${v}]`).click()
    }
    await page.locator('[data-test=rv-national_security-note]').fill('经复核，原判罪名已依法改判')
    // A keep does not fit conclusions by which the class would change: the server says so.
    await page.locator('[data-test=rv-rec-keep]').click()
    await page.locator('[data-test=fu-submit]').click()
    await page.locator('[data-test=rv-recommendation] .el-form-item__error').waitFor()
    await page.locator('[data-test=rv-rec-change]').click()
    await page.locator('[data-test=rv-findings]').fill('表现良好，建议转为一般帮教对象')
    await page.locator('[data-test=fu-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('[data-test=review-rows] .el-table__body tr').first()
    await row.waitFor()
    assert.match(await row.innerText(), /待确认/)
    assert.match(await row.innerText(), /变更类别/)
    assert.equal(await page.locator('[data-test^=review-confirm-]').count(), 0, 'the township does not confirm')
    assert.equal((await page.locator('[data-test=class-tag]').innerText()).trim(), '重点帮教对象')
  })

  await context.clearCookies()
  await withScreenshot('review-confirm', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=person-detail]').waitFor()
    const confirm = page.locator('[data-test^=review-confirm-]')
    await confirm.waitFor()
    await confirm.click()
    await confirmBox(page)
    await page.waitForFunction(() => document.querySelector('[data-test=class-tag]')?.textContent?.trim() === '一般帮教对象')
    const row = page.locator('[data-test=review-rows] .el-table__body tr').first()
    await page.waitForFunction(() => /已确认/.test(document.querySelector('[data-test=review-rows] .el-table__body tr')?.textContent ?? ''))
    assert.match(await row.innerText(), /已确认/)
    await page.locator('[data-test=timeline-item]', { hasText: '依据全面考察' }).first().waitFor()
  })
  assert.deepEqual(errors, [])
})
