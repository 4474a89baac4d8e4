// Issue 7 "What users hit": lists show their loading state (never 暂无数据 before the answer), a
// phone-width screen gets cards instead of tables running off the screen, a village is always
// named with its township, the users page offers only the roles that fit the unit, and no raw
// code or English word shows inside Chinese text.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { makeId } from '../support/ids.mjs'
import { apiSession, createPerson, cstDate, launch, personInput, pickTreeNode, sendRegistrationForm, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 300 })

/**
 * Holds every request `match`ing while `fn` runs (fn gets a function telling how many were held),
 * then lets them through.
 */
async function holding(page, match, fn) {
  let release
  const gate = new Promise((r) => (release = r))
  let held = 0
  const handler = async (route) => {
    held++
    await gate
    await route.continue().catch(() => {})
  }
  await page.route(match, handler)
  try {
    await fn(() => held)
  } finally {
    release()
    await page.unroute(match, handler)
  }
}

const api = (path) => (url) => url.pathname === `/api/v1${path}`
const visibleEmpty = (page, list) => page.locator(`${list} .el-empty:visible, ${list} :text("暂无数据"):visible`).count()

const LISTS = [
  { user: 'sfs_001', path: '/persons', api: api('/persons/search'), list: '[data-test=person-table]' },
  { user: 'sfs_001', path: '/documents/inbox', api: api('/documents'), list: '[data-test=inbox-table]' },
  { user: 'sfs_001', path: '/transfers', api: api('/transfers'), list: '[data-test=transfers-table]' },
  { user: 'sfs_001', path: '/workbench', api: api('/tasks'), list: '[data-test=wb-tasks]' },
  { user: 'sfs_001', path: '/meetings', api: api('/meetings'), list: '[data-test=meeting-table]' },
  { user: 'kss', path: '/documents/sent', api: api('/documents'), list: '[data-test=sent-table]' },
  { user: 'admin', path: '/admin/users', api: api('/users'), list: '[data-test=users-table]' },
  { user: 'admin', path: '/admin/units', api: api('/units'), list: '[data-test=units-tree]' },
  { user: 'admin', path: '/admin/policy', api: api('/policy'), list: '[data-test=policy-table]' },
  { user: 'admin', path: '/admin/roles', api: api('/roles'), list: '[data-test=roles-table]' },
  { user: 'auditor', path: '/audit', api: api('/audit/search'), list: '[data-test=audit-table]' },
  // Issue 8: the help lists, the unit work pages and the police board.
  { user: 'sfs_001', path: '/help/incomplete', api: api('/help-groups/incomplete'), list: '[data-test=help-incomplete-table]' },
  { user: 'sfs_001', path: '/org-groups', api: api('/org-groups'), list: '[data-test=org-table]' },
  { user: 'sfs_001', path: '/education', api: api('/education/sessions'), list: '[data-test=session-table]' },
  { user: 'sfs_001', path: '/publicity', api: api('/publicity'), list: '[data-test=pub-table]' },
  { user: 'pcs_001', path: '/help/mine', api: api('/help-groups/mine'), list: '[data-test=help-mine-table]' },
  { user: 'pcs_001', path: '/workbench', api: api('/workbench/police'), list: '[data-test=police-warnings]' },
]

test('every list shows its loading state until the answer, never 暂无数据 first', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  let user = ''
  for (const c of LISTS) {
    await withScreenshot(`loading${c.path}`, page, async () => {
      if (c.user !== user) {
        await page.context().clearCookies()
        await uiLogin(page, base, c.user)
        user = c.user
      }
      await holding(page, c.api, async (held) => {
        await page.goto(`${base}${c.path}`)
        await page.locator(c.list).waitFor()
        while (held() === 0) await page.waitForTimeout(50)
        await page.waitForTimeout(400) // time for an empty text to show, if it would
        assert.equal(await visibleEmpty(page, c.list), 0, `${c.path}: no empty text while loading`)
        assert.ok(await page.locator(`${c.list} [data-test=list-loading]`).first().isVisible(), `${c.path}: loading`)
      })
      // Once answered: rows, or the empty text.
      await page.waitForFunction((list) => !document.querySelector(`${list} [data-test=list-loading]`), c.list)
      const rows = await page.locator(`${c.list} .el-table__row, ${c.list} .el-tree-node`).count()
      if (rows === 0) assert.ok((await visibleEmpty(page, c.list)) > 0, `${c.path}: empty text after an empty answer`)
    })
  }
  assert.deepEqual(errors, [])
})

test('a village cadre on a phone gets cards, not tables, and sees the township with the village', async () => {
  const base = env.srv.baseUrl
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const township = units.find((u) => u.id === village.parent_id)
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(officer, personInput({ name: '手机卡片人', village, chargeId: charges[0].id, releaseDate: cstDate(-3) }), { birth: '19860412' })

  const phone = await launch({ viewport: { width: 390, height: 844 } })
  const { page, errors } = phone
  try {
    await withScreenshot('phone-workbench', page, async () => {
      await uiLogin(page, base, 'cj_001_001')
      const cards = page.locator('[data-test=wb-task-cards]')
      await cards.waitFor()
      assert.equal(await page.locator('[data-test=wb-tasks]').count(), 0, 'no task table on a phone')
      await page.waitForFunction(() => !document.querySelector('[data-test=wb-task-cards] [data-test=list-loading]'))
      const n = await cards.locator('[data-test=wb-task-card]').count()
      if (n === 0) await cards.locator('[data-test=wb-empty]').waitFor()
      else assert.match(await cards.locator('[data-test=wb-task-card]').first().innerText(), new RegExp(`${township.name} / `))
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than the screen')
      assert.equal((await page.locator('[data-test=wb-unit]').innerText()).trim(), `${township.name} / ${village.name}`)
    })

    await withScreenshot('phone-persons', page, async () => {
      await page.goto(`${base}/persons`)
      await page.locator('[data-test=person-cards]').waitFor()
      assert.equal(await page.locator('[data-test=person-table]').count(), 0, 'no person table on a phone')
      const card = page.locator('[data-test=person-card]', { hasText: person.name })
      await card.waitFor()
      assert.match(await card.locator('[data-test=person-card-residence]').innerText(), new RegExp(`${township.name} / ${village.name}`))
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than the screen')
      await card.click()
      await page.locator('[data-test=person-detail]').waitFor()
    })
    assert.deepEqual(errors, [])
  } finally {
    await phone.close()
  }
})

test('the users page offers only the roles that fit the unit and names villages with their township', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const admin = await apiSession(base, 'admin')
  const { items: units } = await admin.get('/units')
  const village = units.find((u) => u.code === '500153001002')
  const township = units.find((u) => u.id === village.parent_id)
  const office = units.find((u) => u.kind === 'judicial_office' && u.parent_id === township.id)

  await withScreenshot('users-roles', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'admin')
    await page.goto(`${base}/admin/users`)
    await page.locator('[data-test=users-table] .el-table__row').first().waitFor()
    // The unit column names villages with their township.
    await page.locator('[data-test=users-q]').fill('cj_001_002')
    await page.locator('[data-test=users-search]').click()
    await page.locator('[data-test=users-table] .el-table__row', { hasText: `${township.name} / ${village.name}` }).waitFor()

    await page.locator('[data-test=user-add]').click()
    const dialog = page.locator('[data-test=user-dialog]')
    await dialog.waitFor()
    assert.ok(await dialog.locator('[data-test=ud-role] .is-disabled, [data-test=ud-role].is-disabled').count(), 'no role before a unit')

    await pickTreeNode(page, dialog.locator('[data-test=ud-unit]'), village.name)
    assert.match(await dialog.locator('[data-test=ud-unit]').innerText(), new RegExp(`${township.name} / ${village.name}`))
    // A village takes the village cadre role, the only one that fits.
    await dialog.locator('[data-test=ud-role]', { hasText: '村居干部' }).waitFor()
    await dialog.locator('[data-test=ud-role]').click()
    const offered = page.locator('.el-select-dropdown__item:visible')
    await offered.first().waitFor()
    assert.deepEqual((await offered.allInnerTexts()).map((s) => s.trim()), ['村居干部'])
    await page.keyboard.press('Escape')

    await pickTreeNode(page, dialog.locator('[data-test=ud-unit]'), office.name)
    await dialog.locator('[data-test=ud-role]', { hasText: '司法所干部' }).waitFor()

    await pickTreeNode(page, dialog.locator('[data-test=ud-unit]'), village.name)
    await dialog.locator('[data-test=ud-username]').fill('cadre_issue7')
    await dialog.locator('[data-test=ud-display-name]').fill('新村干部')
    await dialog.locator('[data-test=ud-password]').fill('Initial2026pw')
    await dialog.locator('[data-test=ud-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
  })
  const { items } = await admin.get('/users?q=cadre_issue7')
  assert.equal(items[0].role.code, 'village_cadre')
  assert.equal(items[0].unit.id, village.id)
  assert.deepEqual(errors, [])
})

test('no raw code or English word inside Chinese text', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const clerk = await apiSession(base, 'kss')
  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await clerk.get('/units')
  const village = units.find((u) => u.code === '500153001002')
  const { items: charges } = await clerk.get('/dicts/charges')
  const form = await sendRegistrationForm(clerk, { name: '代码检查人', village, chargeId: charges[0].id, releaseDate: cstDate(60), custodySince: cstDate(-300), idNumber: makeId('500153', '19790316', 733) })
  await officer.post(`/documents/${form.id}/verification`, { false_name: 'cleared', false_identity: 'suspected', false_address: 'confirmed', verifying_officer: '王核查', sent_on: cstDate() })
  await clerk.post('/documents/release-notices', { form_id: form.id, release_date: cstDate(25), place: '荣昌区看守所', conduct: '服从管教', officer: '刘警官', risk_level: 'medium', risk_factors: [], suggestions: { work: true } })

  // A Latin word touching a Chinese character ("风险等级 low", "Role司法所干部"); product names allowed.
  const mixed = /[\u4e00-\u9fff][^\S\n]*[A-Za-z_]{2,}|[A-Za-z_]{2,}[^\S\n]*[\u4e00-\u9fff]/
  const allowed = /Excel|IP地址/g
  const pages = [
    ['sfs_001', '/workbench'],
    ['sfs_001', '/persons'],
    ['sfs_001', `/persons/${form.person_id}`],
    ['sfs_001', '/documents/inbox'],
    ['sfs_001', '/meetings'],
    ['admin', '/admin/users'],
    ['admin', '/admin/roles'],
    ['admin', '/admin/policy'],
    // Issue 8's pages.
    ['sfs_001', '/help/incomplete'],
    ['sfs_001', '/org-groups'],
    ['sfs_001', '/education'],
    ['sfs_001', '/publicity'],
    ['pcs_001', '/workbench'],
    ['pcs_001', '/help/mine'],
    ['admin', '/admin/education-calendar'],
  ]
  let user = ''
  for (const [u, path] of pages) {
    await withScreenshot(`words${path}`, page, async () => {
      if (u !== user) {
        await page.context().clearCookies()
        await uiLogin(page, base, u)
        user = u
      }
      await page.goto(`${base}${path}`)
      await page.waitForFunction(() => !document.querySelector('[data-test=list-loading], .el-loading-mask:not([style*="display: none"])'))
      await page.waitForTimeout(500)
      const lines = (await page.evaluate(() => document.body.innerText)).split('\n')
      const bad = lines.map((l) => l.replace(allowed, '')).filter((l) => mixed.test(l))
      assert.deepEqual(bad, [], path)
      if (path === `/persons/${form.person_id}`) {
        // The timeline names the findings and the risk level.
        await page.locator('[data-test=timeline-item]', { hasText: '风险等级中' }).waitFor()
        await page.locator('[data-test=timeline-item]', { hasText: '假地址查实为假' }).waitFor()
      }
    })
  }
  assert.deepEqual(errors, [])
})
