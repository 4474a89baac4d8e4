// 教育活动 (R-EDU-1): before an event of the district's calendar, the judicial officer records a
// targeted legal-education session from the township's task, choosing attendees of the township
// (one absent); the task closes, and the session is on an attendee's file in the 教育 section.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, cstDate, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const TOPIC = '活动前针对性法治教育：遵纪守法'

const env = serverAndBrowser({ persons: 60 })

test('R-EDU-1 a targeted session with attendees closes the township’s task and is on the attendee’s file', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const today = cstDate()
  const admin = await apiSession(base, 'admin')
  const ev = await admin.post('/education/events', { name: '测试重大活动', kind: 'major_event', starts_on: cstDate(6), ends_on: cstDate(8) })
  const key = `R-EDU-1/event-${ev.id}`
  const officer = await apiSession(base, 'sfs_001')
  const persons = (await officer.post('/persons/search', { status: 'under_assistance', page_size: 2 })).items
  assert.equal(persons.length, 2)
  const [first, second] = persons

  await withScreenshot('education-record', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    // The workbench names the open task and leads to the page.
    await page.locator(`[data-test="wb-edu-${key}"]`).waitFor()
    await page.locator('[data-test=menu-education]').click()
    await page.locator('[data-test=education]').waitFor()
    assert.equal((await page.locator(`[data-test="edu-state-${key}"]`).innerText()).trim(), '待办')
    assert.match(await page.locator(`[data-test="edu-explain-${key}"]`).innerText(), /^R-EDU-1 §2\.3\.4：镇街在节假日、敏感时期和重大活动开始前开展一次针对性法治教育/)
    assert.match(await page.locator(`[data-test="edu-event-${key}"]`).innerText(), /测试重大活动/)

    await page.locator(`[data-test="edu-record-${key}"]`).click()
    const dialog = page.locator('[data-test=session-dialog]')
    await dialog.waitFor()
    // Attendees are asked for before anything is sent.
    await page.locator('[data-test=session-topic]').fill(TOPIC)
    await page.locator('[data-test=session-submit]').click()
    await dialog.locator('.el-form-item__error', { hasText: '请至少选择一名帮教对象' }).waitFor()
    for (const p of [first, second]) {
      await page.locator('[data-test=session-persons] input').fill(p.name)
      await page.locator(`[data-test="session-persons-option-${p.id}"]:visible`).click()
    }
    await page.keyboard.press('Escape')
    await page.locator(`[data-test="session-attendee-${second.id}"]`).waitFor()
    await page.locator(`[data-test="session-attended-${second.id}"]`).click()
    await page.locator('[data-test=session-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-test="edu-state-${key}"]`, { hasText: '已完成' }).waitFor()
    const row = page.locator('[data-test=session-table] .el-table__body tr', { hasText: TOPIC })
    await row.waitFor()
    assert.match(await row.innerText(), /2 人（到场 1 人）/)
  })

  await withScreenshot('education-on-file', page, async () => {
    await page.goto(`${base}/persons/${first.id}`)
    const section = page.locator('[data-test=education-section]')
    await section.waitFor()
    const item = section.locator('.item', { hasText: TOPIC })
    await item.waitFor()
    assert.match(await item.innerText(), /法治教育/)
    assert.match(await item.innerText(), /到场/)
    await page.locator('[data-test=timeline]', { hasText: `参加法治教育：${TOPIC}` }).waitFor()
  })

  const tasks = (await officer.get('/education/tasks')).items
  assert.equal(tasks.find((t) => t.key === key).state, 'done')
  const absent = (await officer.get(`/persons/${second.id}/education`)).sessions.find((s) => s.topic === TOPIC)
  assert.equal(absent.attended, false)
  assert.equal(absent.held_on, today)
  assert.deepEqual(errors, [])
})
