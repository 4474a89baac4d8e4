// JOURNEYS.md 5: a village cadre on a phone opens a person of the village whose half-year visit is
// due and records the visit with the full form of the visit log (R-VIS-1): first a visit that did not
// find the person — the task stays 待办 — then one that met them, with the situation per aspect and,
// under 更多, the members present, the place, the help given and the next steps; the R-VIS-1 task of
// the current half-year turns 已完成 at once, the next due date appears and the file's 走访记录 lists
// both visits with their outcome.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, cstDate, launch, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试走访人'

const env = serverAndBrowser({ persons: 300 })

test('a village cadre on a phone records a not-found visit (task stays open), then the full visit closes the task', async () => {
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

  const phone = await launch({ viewport: { width: 375, height: 740 } })
  const { page, errors } = phone
  try {
    await withScreenshot('journey5', page, async () => {
      await uiLogin(page, base, 'cj_001_001')
      await page.goto(`${base}/persons`)
      const card = page.locator('[data-test=person-card]', { hasText: NAME })
      await page.locator('[data-test=person-cards]').waitFor()
      await page.locator('[data-test=person-q]').fill(NAME)
      await page.locator('[data-test=person-search]').click()
      await card.first().waitFor()
      await card.first().click()
      await page.locator('[data-test=person-detail]').waitFor()

      const state = page.locator(`[data-test="task-state-${visit.key}"]`)
      await state.waitFor()
      assert.equal((await state.innerText()).trim(), '待办')

      // 1. Not found: the date defaults to today; the first fields are in view, the rest folded.
      const dialog = page.locator('[data-test=followup-dialog]')
      await page.locator('[data-test=followup-add]').click()
      await dialog.waitFor()
      assert.equal(await page.locator('[data-test=fu-date] input').inputValue(), today)
      for (const f of ['fu-form', 'fu-outcome', 'fu-aspect-work', 'fu-aspect-thinking', 'fu-findings']) {
        assert.ok(await page.locator(`[data-test=${f}]`).isVisible(), `${f} shown first`)
      }
      assert.equal(await page.locator('[data-test=fu-members]').isVisible(), false, 'members folded under 更多')
      assert.ok(await page.evaluate(() => {
        const d = document.querySelector('[data-test=followup-dialog]')
        return !!d && d.getBoundingClientRect().width <= window.innerWidth
      }), 'the dialog fits the screen')
      await page.locator('[data-test=fu-outcome-not_found]').click()
      await page.locator('[data-test=fu-outcome-hint]').waitFor()
      await page.locator('[data-test=fu-findings]').fill('家中无人，邻居称外出赶集')
      await page.locator('[data-test=fu-submit]').click()
      await dialog.waitFor({ state: 'hidden' })
      // On a phone the visit log is one card a visit (no table to scroll sideways).
      const rows = page.locator('[data-test=visit-cards] [data-test=visit-card]')
      await rows.first().waitFor()
      assert.match(await rows.first().innerText(), /未找到本人/)
      assert.equal((await state.innerText()).trim(), '待办', 'a not-found visit leaves the task open')

      // 2. Met, with the full form.
      await page.locator('[data-test=followup-add]').click()
      await dialog.waitFor()
      await pickOption(page, dialog.locator('[data-test=fu-form]'), '入户走访')
      await page.locator('[data-test=fu-outcome-met]').click()
      const aspects = { work: '在村里务农', family: '与母亲同住', living: '自有住房', health: '身体健康', thinking: '思想稳定' }
      for (const [a, text] of Object.entries(aspects)) await page.locator(`[data-test=fu-aspect-${a}]`).fill(text)
      await page.locator('[data-test=fu-findings]').fill('无')
      await page.locator('[data-test=fu-more] .el-collapse-item__header').click()
      await page.locator('[data-test=fu-members]').waitFor()
      await page.locator('[data-test=fu-members]').fill('村居干部李华\n测试家属')
      await page.locator('[data-test=fu-place]').fill('本人家中')
      await page.locator('[data-test=fu-help]').fill('讲解就业扶持政策')
      await page.locator('[data-test=fu-next]').fill('下月再访')
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
      if (later) {
        await page.locator(`[data-test="task-due-${later.key}"]`).waitFor()
        assert.match(await page.locator('[data-test=task-next-R-VIS-1]').innerText(), new RegExp(later.due))
      }
      // The 走访记录 lists both visits, the newest with its details; the timeline has the visit.
      await page.waitForFunction(() => document.querySelectorAll('[data-test=visit-cards] [data-test=visit-card]').length === 2)
      const newest = await rows.first().innerText()
      assert.match(newest, /见到本人/)
      assert.match(newest, /思想：思想稳定/)
      assert.match(newest, /村居干部李华、测试家属/)
      assert.match(newest, /帮扶措施：讲解就业扶持政策/)
      await page.locator('[data-test=timeline-item]', { hasText: '入户走访，见到本人' }).first().waitFor()
    })
    assert.deepEqual(errors, [])
  } finally {
    await phone.close()
  }

  const after = (await cadre.get(`/persons/${person.id}/tasks`)).items.find((t) => t.key === visit.key)
  assert.equal(after.state, 'done')
  assert.equal(after.fulfilled_on, today)
})
