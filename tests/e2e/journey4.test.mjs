// JOURNEYS.md 4: release day and registration. The township officer records the pick-up of a
// person released yesterday through the file's 记录接回 dialog; the judicial officer then registers
// them through 报到登记, ticking that the assistance policies were explained. The pick-up and the
// registration tasks show 已完成 and the file shows the assistance period's end date. The judicial
// officer then forms the help group of four (R-ORG-3: police officer, judicial assistant, village
// cadre, family member as the family contact) in the file's 帮教小组 section, which shows the group
// incomplete until the fourth member and complete after; the group's task shows 已完成.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, cstDate, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试接回人'

const env = serverAndBrowser({ persons: 300 })

/** Waits until the task row `key` of the file shows `text` as its state. */
async function taskState(page, key, text) {
  await page.waitForFunction(
    ([k, s]) => document.querySelector(`[data-test="task-state-${k}"]`)?.textContent?.trim() === s,
    [key, text],
  )
}

test('the township team records the pick-up and the judicial office registers the person', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const yesterday = cstDate(-1)

  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  assert.ok(village, 'village 500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(
    officer,
    {
      name: NAME,
      gender: '1',
      ethnic_code: '01',
      education_code: '71',
      household_unit_id: village.id,
      household_address: '二组5号',
      residence_unit_id: village.id,
      residence_address: '二组5号',
      charge_ids: [charges.find((c) => c.name === '盗窃罪')?.id ?? charges[0].id],
      sentence_type: 'fixed_term',
      sentence_months: 30,
      release_date: yesterday,
      release_kind: 'prison',
      releasing_authority: '重庆市永川监狱',
      family_contact_name: '测试家属',
      family_contact_relation: '母亲',
      family_contact_phone: '13800000003',
    },
    { birth: '19850607' },
  )
  const { items: before } = await officer.get(`/persons/${person.id}/tasks`)
  const pickup = before.find((t) => t.rule.startsWith('R-PCK'))
  const registration = before.find((t) => t.rule === 'R-REG-1')
  assert.ok(pickup && registration, `pick-up and registration tasks: ${JSON.stringify(before.map((t) => [t.key, t.state]))}`)

  await withScreenshot('journey4-pickup', page, async () => {
    await uiLogin(page, base, 'zj_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=detail-name]', { hasText: NAME }).waitFor()
    await page.locator('[data-test=pickup-add]').click()
    const dialog = page.locator('[data-test=pickup-dialog]')
    await dialog.waitFor()
    // The date defaults to the release day.
    assert.equal(await page.locator('[data-test=pk-date] input').inputValue(), yesterday)
    await page.locator('[data-test=pk-kind-township_team]').click()
    await page.locator('[data-test=pk-place]').fill('重庆市永川监狱大门')
    await page.locator('[data-test=pk-team]').fill('昌元街道接回小组 张三、李四')
    await page.locator('[data-test=pk-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await taskState(page, pickup.key, '已完成')
  })

  await withScreenshot('journey4-register', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=detail-name]', { hasText: NAME }).waitFor()
    await taskState(page, pickup.key, '已完成')
    await page.locator('[data-test=registration-add]').click()
    const dialog = page.locator('[data-test=registration-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=reg-cert]').fill('渝永监释字2026第0123号')
    await page.locator('[data-test=reg-policies]').click()
    await page.locator('[data-test=reg-need-work]').click()
    await page.locator('[data-test=reg-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await taskState(page, registration.key, '已完成')
    await page.locator('[data-test=detail-end-date]').waitFor()
  })

  await withScreenshot('journey4-help-group', page, async () => {
    const section = page.locator('[data-test=help-group-section]')
    await section.scrollIntoViewIfNeeded()
    await page.locator('[data-test=help-empty]').waitFor()
    const add = async (role, fill) => {
      await page.locator('[data-test=help-member-add]').click()
      const dialog = page.locator('[data-test=help-member-dialog]')
      await dialog.waitFor()
      if (role) await pickOption(page, page.locator('[data-test=hm-role]'), role)
      await fill()
      await page.locator('[data-test=hm-submit]').click()
      await dialog.waitFor({ state: 'hidden' })
    }
    await add(null, () => pickOption(page, page.locator('[data-test=hm-user]'), '昌元街道派出所民警'))
    await page.locator('[data-test=help-incomplete]').waitFor()
    await page.locator('[data-test=help-four-police_officer-ok]').waitFor()
    await page.locator('[data-test=help-flag]').waitFor()
    await add('司法助理员', () => pickOption(page, page.locator('[data-test=hm-user]'), '昌元街道司法所干部'))
    await add('村（社区）干部', () => pickOption(page, page.locator('[data-test=hm-user]'), `${village.name}村居干部`))
    await page.locator('[data-test=help-four-family_member-missing]').waitFor()
    await add('家庭成员', async () => {
      await page.locator('[data-test=hm-name]').fill('测试家属')
      await page.locator('[data-test=hm-unit]').fill('母亲')
      await page.locator('[data-test=hm-phone]').fill('13800000003')
      await page.locator('[data-test=hm-contact]').click()
    })
    await page.locator('[data-test=help-complete]').waitFor()
    for (const r of ['police_officer', 'judicial_assistant', 'village_cadre', 'family_member']) {
      await page.locator(`[data-test=help-four-${r}-ok]`).waitFor()
    }
    assert.equal(await page.locator('[data-test=help-flag]').count(), 0)
    await page.locator('[data-test=help-contact]', { hasText: '测试家属' }).waitFor()
    await taskState(page, 'R-ORG-3', '已完成')
  })
  const help = await officer.get(`/persons/${person.id}/help-group`)
  assert.equal(help.complete, true)
  assert.deepEqual(help.members.map((m) => m.role).sort(), ['family_member', 'judicial_assistant', 'police_officer', 'village_cadre'])

  const file = await officer.get(`/persons/${person.id}`)
  assert.ok(file.assistance_end_date, 'the assistance period has an end date')
  assert.match(await page.locator('[data-test=detail-end-date]').innerText(), new RegExp(file.assistance_end_date))
  const { items: tasks } = await officer.get(`/persons/${person.id}/tasks`)
  assert.equal(tasks.find((t) => t.key === pickup.key)?.state, 'done')
  assert.equal(tasks.find((t) => t.key === registration.key)?.state, 'done')
  assert.deepEqual(errors, [])
})
