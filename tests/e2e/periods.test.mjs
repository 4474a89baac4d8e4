// R-PER-1 on the person file's 帮教期 section: the judicial officer (sfs_001) records a detention of a
// person released 20 days ago — the custody shows 羁押中 and the 报到 task due meanwhile becomes 不适用
// — then ends it (the task is owed again); then records a new sentence, confirmed first: the period
// is kept as an earlier one ended 再次判刑收监 on that day and the person is back to 服刑中 (status
// in_custody, shown as 服刑中).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, confirmBox, createPerson, cstDate, fillDate, personInput, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试羁押人'

const env = serverAndBrowser({ persons: 20 })

test('R-PER-1 a detention makes the tasks due in custody 不适用 until it ends; a new sentence ends the period', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, personInput({ name: NAME, village, chargeId: charges[0].id, releaseDate: cstDate(-20) }), { birth: '19830412' })
  const section = page.locator('[data-test=period-section]')
  const regState = page.locator('[data-test="task-state-R-REG-1"]')

  await withScreenshot('periods-detention', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await section.locator('[data-test=period-state]', { hasText: '帮教中' }).waitFor()
    assert.match(await section.locator('[data-test=period-current]').innerText(), new RegExp(cstDate(-20)))
    assert.equal((await regState.innerText()).trim(), '待办')

    await section.locator('[data-test=custody-add-detention]').click()
    const dialog = page.locator('[data-test=custody-dialog]')
    await dialog.waitFor()
    await fillDate(page, 'cu-from', cstDate(-5))
    await page.locator('[data-test=cu-note]').fill('涉嫌寻衅滋事被刑事拘留')
    await page.locator('[data-test=cu-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await section.locator('[data-test=period-state]', { hasText: '羁押中' }).waitFor()
    await page.locator('[data-test=timeline-item]', { hasText: '羁押' }).first().waitFor()
    await page.locator('[data-test="task-state-R-REG-1"]', { hasText: '不适用' }).waitFor()
  })

  const { custody } = await officer.get(`/persons/${person.id}/periods`)
  assert.equal(custody.length, 1)
  const detention = custody[0]
  assert.deepEqual([detention.kind, detention.from_date, detention.to_date, detention.note], ['detention', cstDate(-5), null, '涉嫌寻衅滋事被刑事拘留'])

  await withScreenshot('periods-detention-end', page, async () => {
    assert.equal((await page.locator(`[data-test=custody-to-${detention.id}]`).innerText()).trim(), '羁押中')
    assert.equal(await section.locator('[data-test=custody-add-detention]').count(), 0, 'one detention at a time')
    await page.locator(`[data-test=custody-end-${detention.id}]`).click()
    const dialog = page.locator('[data-test=custody-end-dialog]')
    await dialog.waitFor()
    await fillDate(page, 'ce-date', cstDate(-1))
    await page.locator('[data-test=ce-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test=custody-to-${detention.id}]`, { hasText: cstDate(-1) }).waitFor()
    await section.locator('[data-test=period-state]', { hasText: '帮教中' }).waitFor()
    await page.locator('[data-test="task-state-R-REG-1"]', { hasText: '待办' }).waitFor()
  })

  await withScreenshot('periods-new-sentence', page, async () => {
    await section.locator('[data-test=custody-add-sentence]').click()
    const dialog = page.locator('[data-test=custody-dialog]')
    await dialog.waitFor()
    assert.ok(await page.locator('[data-test=cu-kind-new_sentence] input').isChecked(), 'the button chose the kind')
    await fillDate(page, 'cu-from', cstDate(0))
    await fillDate(page, 'cu-expected', cstDate(300))
    await page.locator('[data-test=cu-place-prison]').click()
    await page.locator('[data-test=cu-note]').fill('犯盗窃罪被判处有期徒刑十个月')
    await page.locator('[data-test=cu-submit]').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    assert.match(await box.innerText(), /服刑中/)
    assert.match(await box.innerText(), new RegExp(cstDate(300)))
    await confirmBox(page)
    await dialog.waitFor({ state: 'hidden' })

    const earlier = section.locator('[data-test=period-earlier]')
    await earlier.waitFor()
    const row = await earlier.locator('.el-table__body tr').first().innerText()
    assert.match(row, new RegExp(cstDate(-20)))
    assert.match(row, /再次判刑收监/)
    assert.match(row, new RegExp(`于 ${cstDate(0)}`))
    await page.locator('[data-test=detail-status]', { hasText: '服刑中' }).waitFor()
    await section.locator('[data-test=period-state]', { hasText: '服刑中' }).waitFor()
    assert.match(await section.locator('[data-test=period-current]').innerText(), new RegExp(cstDate(300)))
    assert.equal(await section.locator('[data-test=custody-add-sentence]').count(), 0, 'nothing to record before the next release')
  })

  const file = await officer.get(`/persons/${person.id}`)
  assert.equal(file.status, 'in_custody')
  assert.equal(file.release_date, cstDate(300))
  const periods = await officer.get(`/persons/${person.id}/periods`)
  assert.deepEqual(periods.earlier.map((p) => [p.release_date, p.ended_on, p.end_reason]), [[cstDate(-20), cstDate(0), 'new_sentence']])
  assert.deepEqual(errors, [])
})
