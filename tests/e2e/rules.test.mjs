// Issue 7: every task explanation links to its rule's section of 规则说明 (docs/rules.md). From the
// workbench a judicial officer opens the explanation of a person's R-REG-1 task, follows 规则说明
// and lands on the rule's section; the document's own links move within it; the page is in the
// menu of every signed-in user and says in English that the document is Chinese only.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, cstDate, personInput, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试规则人'
const PAGE_SIZE = 20

const env = serverAndBrowser({ persons: 120 })

/** Waits until the heading with this id is marked as the current section and scrolled into view. */
async function landedOn(page, id) {
  await page.waitForFunction((rule) => {
    const h = document.getElementById(rule)
    if (!h || !h.classList.contains('current')) return false
    const r = h.getBoundingClientRect()
    return r.top >= 0 && r.top < 240 && r.bottom <= window.innerHeight
  }, id)
  const others = await page.locator('[data-test=rules-doc] .current').count()
  assert.equal(others, 1, 'one section is marked')
  assert.match(await page.locator(`[id="${id}"]`).innerText(), new RegExp(`^${id} `))
}

test('a task’s explanation on the workbench links to its rule’s section', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, personInput({ name: NAME, village, chargeId: charges[0].id, releaseDate: cstDate(-5) }))
  const reg = (await officer.get(`/persons/${person.id}/tasks`)).items.find((t) => t.rule === 'R-REG-1')
  assert.equal(reg?.state, 'open')
  const wb = await officer.get('/workbench')
  const card = reg.due <= wb.week_end ? 'due_this_week' : 'open'
  const state = card === 'due_this_week' ? 'due_soon' : 'open'
  let index = -1
  for (let p = 1; index < 0; p++) {
    const res = await officer.get(`/tasks?state=${state}&mine=true&page=${p}&page_size=${PAGE_SIZE}`)
    const i = res.items.findIndex((t) => t.person_id === person.id && t.rule === 'R-REG-1')
    if (i >= 0) index = (p - 1) * PAGE_SIZE + i
    else if (res.items.length < PAGE_SIZE) throw new Error(`R-REG-1 of ${person.id} not in /tasks?state=${state}&mine=true`)
  }

  await withScreenshot('rules-from-workbench', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.locator('[data-test=task-board]').waitFor()
    await page.locator(`[data-test=wb-card-${card}]`).click()
    const pageNo = Math.floor(index / PAGE_SIZE) + 1
    if (pageNo > 1) await page.locator('[data-test=wb-pager] .el-pager li', { hasText: new RegExp(`^${pageNo}$`) }).click()
    const row = page.locator('[data-test=wb-tasks] .el-table__body tr', { hasText: NAME })
    await row.waitFor()
    await row.locator('.el-table__expand-icon').click()
    const explain = page.locator('[data-test=wb-explain]', { hasText: 'R-REG-1' })
    await explain.waitFor()
    const link = explain.locator('[data-test=rule-link]')
    assert.equal(await link.getAttribute('data-rule'), 'R-REG-1')
    assert.equal((await link.innerText()).trim(), '规则说明')
    assert.equal(await link.getAttribute('href'), '/rules#R-REG-1')
    await link.click()
    await page.locator('[data-test=rules]').waitFor()
    assert.equal(new URL(page.url()).pathname, '/rules')
    assert.equal(new URL(page.url()).hash, '#R-REG-1')
    await landedOn(page, 'R-REG-1')
    assert.equal(await page.locator('[data-test=rules-chinese-only]').count(), 0, 'no English note in Chinese')

    // A link of the document (R-REG-1 → R-LOST-1) moves within the page.
    await page.locator('[id="R-REG-1"] ~ ul a[href="#R-LOST-1"]').first().click()
    await page.waitForFunction(() => location.hash === '#R-LOST-1')
    await landedOn(page, 'R-LOST-1')
    // Back returns to the rule the task linked to.
    await page.goBack()
    await page.waitForFunction(() => location.hash === '#R-REG-1')
    await landedOn(page, 'R-REG-1')

    // The file's own task list links there too.
    await page.goto(`${base}/persons/${person.id}`)
    const fileRow = page.locator('[data-test=task-table] .el-table__body tr', { hasText: 'R-REG-1' }).first()
    await fileRow.waitFor()
    await fileRow.locator('.el-table__expand-icon').click()
    const fileLink = page.locator('[data-test="task-explain-R-REG-1"] [data-test=rule-link]')
    await fileLink.click()
    await page.locator('[data-test=rules]').waitFor()
    await landedOn(page, 'R-REG-1')

    // Meeting tasks link to their rule (a judicial office: R-MTG-3).
    await page.goto(`${base}/meetings`)
    const mtg = page.locator('[data-test=meeting-tasks] [data-test=rule-link][data-rule="R-MTG-3"]').first()
    await mtg.waitFor()
    assert.equal(await mtg.getAttribute('href'), '/rules#R-MTG-3')
  })
  assert.deepEqual(errors, [])
})

test('规则说明 is in every signed-in user’s menu and says in English that it is Chinese only', async () => {
  const { page, context, errors } = env.browser
  const base = env.srv.baseUrl
  await context.clearCookies()
  await withScreenshot('rules-menu', page, async () => {
    await uiLogin(page, base, 'auditor')
    await page.locator('[data-test=menu-rules]').click()
    await page.locator('[data-test=rules-doc] h3[id="R-ORG-1"]').waitFor()
    assert.equal(new URL(page.url()).pathname, '/rules')

    await page.evaluate(() => localStorage.setItem('anbang.locale', 'en'))
    await page.goto(`${base}/workbench`) // a new page load, in English
    await page.goto(`${base}/rules#R-VIS-1`)
    await page.locator('[data-test=rules-chinese-only]', { hasText: 'Chinese only' }).waitFor()
    await landedOn(page, 'R-VIS-1')
    assert.match(await page.locator('[data-test=menu-rules]').innerText(), /Rules/)
    await page.evaluate(() => localStorage.removeItem('anbang.locale'))
  })
  assert.deepEqual(errors, [])
})
