// JOURNEYS.md 5: the village cadre opens the list of persons of the village, picks one whose
// half-year visit is due, records the visit through the dialog; the R-VIS-1 task of the current
// half-year turns 已完成 at once and the next due date appears.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, cstDate, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试走访人'

const env = serverAndBrowser({ persons: 300 })

test('a village cadre records a half-year visit and the task closes at once', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl

  // The township officer files a person of village 500153001001 released a few days ago.
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  assert.ok(village, 'village 500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, {
    name: NAME,
    gender: '1',
    ethnic_code: '01',
    education_code: '71',
    household_unit_id: village.id,
    household_address: '一组12号',
    residence_unit_id: village.id,
    residence_address: '一组12号',
    charge_ids: [charges.find((c) => c.name === '盗窃罪')?.id ?? charges[0].id],
    sentence_type: 'fixed_term',
    sentence_months: 36,
    release_date: cstDate(-4),
    release_kind: 'prison',
    releasing_authority: '重庆市永川监狱',
    family_contact_name: '测试家属',
    family_contact_relation: '母亲',
    family_contact_phone: '13800000000',
  })

  // The cadre's view of the person's tasks: the visit of the current half-year is open.
  const cadre = await apiSession(base, 'cj_001_001')
  const today = cstDate()
  const { items: tasks } = await cadre.get(`/persons/${person.id}/tasks`)
  const visit = tasks.find((t) => t.rule === 'R-VIS-1' && t.window_from <= today && today <= t.due)
  assert.ok(visit, `a current R-VIS-1 task: ${JSON.stringify(tasks.map((t) => [t.key, t.state, t.window_from, t.due]))}`)
  assert.equal(visit.state, 'open')
  const later = tasks.filter((t) => t.rule === 'R-VIS-1' && t.due > visit.due).sort((a, b) => a.due.localeCompare(b.due))[0]

  await withScreenshot('journey5', page, async () => {
    await uiLogin(page, base, 'cj_001_001')
    await page.locator('[data-test=menu-person-list]').click()
    await page.locator('[data-test=person-list]').waitFor()
    await page.locator('[data-test=person-q]').fill(NAME)
    await page.locator('[data-test=person-search]').click()
    const row = page.locator('[data-test=person-table] .el-table__body tr', { hasText: NAME })
    await row.first().waitFor()
    await row.first().click()
    await page.locator('[data-test=person-detail]').waitFor()

    const state = page.locator(`[data-test="task-state-${visit.key}"]`)
    await state.waitFor()
    assert.equal((await state.innerText()).trim(), '待办')

    await page.locator('[data-test=followup-add]').click()
    const dialog = page.locator('[data-test=followup-dialog]')
    await dialog.waitFor()
    // The date defaults to today; visit is the default kind.
    assert.equal(await page.locator('[data-test=fu-date] input').inputValue(), today)
    await pickOption(page, dialog.locator('[data-test=fu-form]'), '入户走访')
    await page.locator('[data-test=fu-situation]').fill('本人在家,身体健康,已在村里务农。')
    await page.locator('[data-test=fu-findings]').fill('无')
    // A date before the release: the server's error is shown under the date field.
    const dateInput = page.locator('[data-test=fu-date] input')
    await dateInput.fill(cstDate(-30))
    await dateInput.press('Enter')
    await page.locator('[data-test=fu-submit]').click()
    const dateError = page.locator('[data-test=fu-date] .el-form-item__error')
    await dateError.waitFor()
    assert.match(await dateError.innerText(), /释放/)
    await dateInput.fill(today)
    await dateInput.press('Enter')
    await page.locator('[data-test=fu-submit]').click()
    await dialog.waitFor({ state: 'hidden' })

    await page.waitForFunction(
      (key) => document.querySelector(`[data-test="task-state-${key}"]`)?.textContent?.trim() === '已完成',
      visit.key,
    )
    // The next due date is shown: the next half-year's visit.
    if (later) {
      await page.locator(`[data-test="task-due-${later.key}"]`).waitFor()
      assert.match(await page.locator('[data-test=task-next-R-VIS-1]').innerText(), new RegExp(later.due))
    }
    // …and the visit is on the timeline.
    await page.locator('[data-test=timeline-item]', { hasText: '入户走访' }).first().waitFor()
  })

  const after = (await cadre.get(`/persons/${person.id}/tasks`)).items.find((t) => t.key === visit.key)
  assert.equal(after.state, 'done')
  assert.equal(after.fulfilled_on, today)
  assert.deepEqual(errors, [])
})
