// 会议记录 and 政策参数: the judicial officer records this month's liaison with the police station
// (R-MTG-3) and sees it in the table and the month's task done; the administrator changes
// reception_feedback_days (R-LNK-4) from today on, after the confirmation, and sees the dated value.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, cstDate, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const TOPIC = '本月刑满释放人员衔接情况通报'

const env = serverAndBrowser({ persons: 50 })

test('R-MTG-3 the judicial office records its monthly liaison meeting; the month’s task is done', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const today = cstDate()
  const officer = await apiSession(base, 'sfs_001')
  // The demo units start today and a month is owed once it has partial_period_min_days (30) days,
  // so the current month is not owed yet (tests/api/tasks.test.mjs): one day makes it owed.
  const admin = await apiSession(base, 'admin')
  await admin.put('/policy', { name: 'partial_period_min_days', value: '1', effective_from: today })
  const before = (await officer.get('/meetings/tasks')).items
  assert.ok(before.length >= 1 && before.every((t) => t.rule === 'R-MTG-3'), JSON.stringify(before))
  const current = before.find((t) => t.window_from <= today && today <= t.due)
  assert.ok(current, `this month's R-MTG-3 task: ${JSON.stringify(before)}`)

  await withScreenshot('meetings-record', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=menu-meetings]').click()
    await page.locator('[data-test=meetings]').waitFor()
    await page.locator('[data-test=meeting-empty]', { hasText: '暂无会议记录' }).waitFor()
    for (const t of before) {
      assert.match(await page.locator(`[data-test="mtg-explain-${t.key}"]`).innerText(), /^R-MTG-3 §/)
      assert.equal((await page.locator(`[data-test="mtg-state-${t.key}"]`).innerText()).trim(), '待办')
    }

    await page.locator('[data-test=meeting-add]').click()
    const dialog = page.locator('[data-test=meeting-dialog]')
    await dialog.waitFor()
    assert.equal(await page.locator('[data-test=mt-date] input').inputValue(), today)
    // Topic and attendees are asked for before anything is sent.
    await page.locator('[data-test=mt-submit]').click()
    await dialog.locator('.el-form-item__error', { hasText: '请填写议题' }).waitFor()
    await page.locator('[data-test=mt-topic]').fill(TOPIC)
    await page.locator('[data-test=mt-attendees]').fill('昌元街道司法所 王所长、昌元派出所 李警官')
    await page.locator('[data-test=mt-submit]').click()
    await dialog.waitFor({ state: 'hidden' })

    const row = page.locator('[data-test=meeting-table] .el-table__body tr', { hasText: TOPIC })
    await row.waitFor()
    const text = await row.innerText()
    for (const part of ['昌元街道司法所', '司法所与派出所对接', today, '李警官']) assert.ok(text.includes(part), `${part} in ${text}`)
    await page.locator(`[data-test="mtg-state-${current.key}"]`, { hasText: '已完成' }).waitFor()
  })

  const held = (await officer.get('/meetings')).items
  assert.ok(held.some((m) => m.topic === TOPIC && m.kind === 'liaison' && m.held_on === today))
  const afterTasks = (await officer.get('/meetings/tasks')).items
  const done = afterTasks.find((t) => t.key === current.key)
  assert.equal(done.state, 'done')
  assert.equal(done.fulfilled_on, today)
  assert.deepEqual(errors, [])
})

test('R-LNK-4 the administrator changes reception_feedback_days from today on, after confirming', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const today = cstDate()
  const admin = await apiSession(base, 'admin')
  const entries = () => admin.get('/policy').then((p) => p.entries.filter((e) => e.name === 'reception_feedback_days'))
  assert.deepEqual(await entries(), [])

  await withScreenshot('policy-change', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'admin')
    await page.locator('[data-test=menu-admin-policy]').click()
    await page.locator('[data-test=admin-policy]').waitFor()
    const value = page.locator('[data-test=policy-value-reception_feedback_days]')
    assert.equal((await value.innerText()).trim(), '10 天')
    assert.equal((await page.locator('[data-test=policy-from-reception_feedback_days]').innerText()).trim(), '默认值')
    assert.match(await page.locator('[data-test=policy-row-reception_feedback_days]').innerText(), /接收安排反馈期限/)

    await page.locator('[data-test=policy-edit-reception_feedback_days]').click()
    const dialog = page.locator('[data-test=policy-dialog]')
    await dialog.waitFor()
    assert.equal(await page.locator('[data-test=pd-from] input').inputValue(), today)
    const confirm = page.locator('.el-message-box', { hasText: '修改后将重新计算所有人员的任务，确定吗？' })

    // Cancelling the confirmation sends nothing.
    await page.locator('[data-test=pd-value]').fill('7')
    await page.locator('[data-test=pd-submit]').click()
    await confirm.waitFor()
    await confirm.locator('.el-button', { hasText: '取消' }).click()
    await confirm.waitFor({ state: 'hidden' })
    assert.deepEqual(await entries(), [])

    // A value the server refuses: its Chinese message under the field.
    await page.locator('[data-test=pd-value]').fill('0')
    await page.locator('[data-test=pd-submit]').click()
    await confirm.waitFor()
    await confirm.locator('.el-button', { hasText: '确定' }).click()
    await dialog.locator('.el-form-item__error', { hasText: '1 至 365' }).waitFor()

    await page.locator('[data-test=pd-value]').fill('7')
    await page.locator('[data-test=pd-submit]').click()
    await confirm.waitFor()
    await confirm.locator('.el-button', { hasText: '确定' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-message--success', { hasText: `自 ${today} 起生效` }).waitFor()
    await page.waitForFunction(() => document.querySelector('[data-test=policy-value-reception_feedback_days]')?.textContent?.trim() === '7 天')
    assert.equal((await page.locator('[data-test=policy-from-reception_feedback_days]').innerText()).trim(), today)
    assert.equal((await page.locator(`[data-test="policy-entry-reception_feedback_days-${today}"]`).innerText()).trim(), `7 天（自 ${today} 起）`)
  })

  assert.deepEqual(await entries(), [{ name: 'reception_feedback_days', value: '7', effective_from: today }])
  assert.deepEqual(errors, [])
})
