// Shared helpers of the browser tests: Debian chromium through playwright-core, a tiny API client
// (Node fetch with the session cookie and CSRF header), and screenshots on failure.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { after, before } from 'node:test'
import { TEST_TODAY, dayFrom, startServer } from '../support/server.mjs'

export { TEST_TODAY }

export const DEMO_PASSWORD = 'anbang@2026'
const here = dirname(fileURLToPath(import.meta.url))
export const ARTIFACTS = join(here, 'artifacts')

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * A fresh headless chromium with its own temporary profile.
 * Returns { context, page, close }.
 */
export async function launch({ viewport = { width: 1366, height: 860 }, locale = 'zh-CN', timezoneId = 'Asia/Shanghai' } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'anbang-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    timezoneId,
    acceptDownloads: true,
  })
  context.setDefaultTimeout(15_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return {
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => {})
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A demo server (startServer options) and a browser for the tests of one file: started before them,
 * stopped after. The returned object's `srv` and `browser` are set once the tests run.
 */
export function serverAndBrowser(options) {
  const env = { srv: null, browser: null }
  before(async () => {
    env.srv = await startServer(options)
    env.browser = await launch()
  })
  after(async () => {
    await env.browser?.close()
    await env.srv?.stop()
  })
  return env
}

/** Runs `fn`; on failure saves a screenshot of `page` into tests/e2e/artifacts/ and rethrows. */
export async function withScreenshot(name, page, fn) {
  try {
    return await fn()
  } catch (e) {
    try {
      mkdirSync(ARTIFACTS, { recursive: true })
      const file = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}-${Date.now()}.png`)
      await page.screenshot({ path: file, fullPage: true })
      console.error(`screenshot: ${file}`)
    } catch {
      /* the page may be gone */
    }
    throw e
  }
}

/** Logs in through the login page and waits for the given landing page (data-test). */
export async function uiLogin(page, baseUrl, username, password = DEMO_PASSWORD, landing = 'workbench') {
  await page.goto(`${baseUrl}/login`)
  await page.locator('[data-test=login-username]').fill(username)
  await page.locator('[data-test=login-password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
  if (landing) await page.locator(`[data-test=${landing}]`).waitFor()
}

/** Waits until no Element Plus dropdown is shown any more (they fade out, so a following pick
 *  could otherwise hit the previous, vanishing dropdown). */
export async function dropdownsClosed(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.el-popper.el-select__popper')].every((e) => getComputedStyle(e).display === 'none'),
  )
}

/** Chooses an option of an Element Plus el-select opened by clicking `select`. */
export async function pickOption(page, select, text) {
  await dropdownsClosed(page)
  await select.click()
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first()
  await option.click()
  await dropdownsClosed(page)
}

/** Fills an Element Plus date picker (wrapper `data-test`) by typing YYYY-MM-DD. */
export async function fillDate(page, test, value) {
  const input = page.locator(`[data-test=${test}] input`)
  await input.fill(value)
  await input.press('Enter')
}

/** Confirms the Element Plus message box on screen (ElMessageBox.confirm) and waits for it to close. */
export async function confirmBox(page) {
  const box = page.locator('.el-message-box:visible')
  await box.waitFor()
  await box.locator('.el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

/** Picks a node of an Element Plus el-tree-select, typing `text` to filter first. */
export async function pickTreeNode(page, treeSelect, text) {
  await dropdownsClosed(page)
  await treeSelect.click()
  await treeSelect.locator('input').first().fill(text)
  const node = page.locator('.el-tree-select__popper:visible .el-tree-node__content', { hasText: text }).first()
  await node.click()
  await dropdownsClosed(page)
}

/**
 * A logged-in API session (as the browser would have it): keeps the anbang_sid cookie and sends
 * X-CSRF-Token on changes. Throws on any non-2xx answer with the server's error code.
 */
export async function apiSession(baseUrl, username, password = DEMO_PASSWORD) {
  let cookie = ''
  let csrf = ''
  async function call(method, path, body, { raw = false } = {}) {
    const headers = { Accept: 'application/json' }
    if (cookie) headers.Cookie = cookie
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf
    const res = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const setCookie = res.headers.getSetCookie?.() ?? []
    for (const c of setCookie) {
      const m = /^anbang_sid=([^;]*)/.exec(c)
      if (m) cookie = `anbang_sid=${m[1]}`
    }
    if (!res.ok) {
      const text = await res.text()
      const err = new Error(`${method} ${path} → ${res.status} ${text}`)
      err.status = res.status
      try {
        err.code = JSON.parse(text).error?.code
      } catch {
        /* not JSON */
      }
      throw err
    }
    if (raw) return res
    if (res.status === 204) return undefined
    const text = await res.text()
    return text ? JSON.parse(text) : undefined
  }
  const me = await call('POST', '/auth/login', { username, password })
  csrf = me.csrf_token
  if (!csrf) csrf = (await call('GET', '/auth/me')).csrf_token
  return {
    me,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    raw: (method, path, body) => call(method, path, body, { raw: true }),
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** A valid GB 11643 number from division (6 digits), birth date YYYYMMDD and a 3-digit sequence. */
export function makeIdNumber(division, birth, seq) {
  const first17 = `${division}${birth}${String(seq).padStart(3, '0')}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return first17 + '10X98765432'[sum % 11]
}

/** Creates a person through the API, retrying other sequence numbers if the ID number is taken. */
export async function createPerson(api, input, { division = '500153', birth = '19770717' } = {}) {
  for (let seq = 987; seq > 900; seq -= 2) {
    const id_number = makeIdNumber(division, birth, seq)
    try {
      // Answers carry the number masked; the test keeps the full one it chose.
      return { ...(await api.post('/persons', { ...input, id_number, identity_verified: true })), id_number }
    } catch (e) {
      if (e.code !== 'PERSON_DUPLICATE_ID') throw e
    }
  }
  throw new Error('could not find a free ID number')
}

/** The township with this statistical code suffix ("001" → 500153001) and its judicial office. */
export function townshipUnits(units, suffix) {
  const township = units.find((u) => u.kind === 'township' && u.code === `500153${suffix}`)
  if (!township) throw new Error(`township ${suffix} not found`)
  const judicialOffice = units.find((u) => u.kind === 'judicial_office' && u.parent_id === township.id)
  return { township, judicialOffice }
}

/** Ids of a unit and all units below it. */
export function subtree(units, rootId) {
  const out = new Set([rootId])
  let grew = true
  while (grew) {
    grew = false
    for (const u of units) {
      if (u.parent_id != null && out.has(u.parent_id) && !out.has(u.id)) {
        out.add(u.id)
        grew = true
      }
    }
  }
  return out
}

/** YYYY-MM-DD `days` from the test servers' today (TEST_TODAY unless the file chose another). */
export function cstDate(days = 0, from = TEST_TODAY) {
  return dayFrom(days, from)
}

/** A person's file fields (PersonInput without the ID number): male, Han, household and residence
 *  in `village`, a fixed-term sentence ending on `releaseDate`. */
export function personInput({ name, village, chargeId, releaseDate, releaseKind = 'prison' }) {
  return {
    name,
    gender: '1',
    ethnic_code: '01',
    education_code: '71',
    household_unit_id: village.id,
    household_address: '一组1号',
    residence_unit_id: village.id,
    residence_address: '一组1号',
    charge_ids: [chargeId],
    sentence_type: 'fixed_term',
    sentence_months: 12,
    release_date: releaseDate,
    release_kind: releaseKind,
    releasing_authority: '荣昌区看守所',
    family_contact_name: '测试家属',
    family_contact_relation: '父亲',
    family_contact_phone: '13800000000',
  }
}

/** As the custody clerk `clerk`: sends the 基本情况登记表 (R-LNK-1) of a new inmate (the release kind
 *  follows the sending unit); returns the document. */
export async function sendRegistrationForm(clerk, { idNumber, custodySince, ...person }) {
  return clerk.post('/documents/registration-forms', {
    person: { ...personInput({ ...person, releaseKind: undefined }), id_number: idNumber, identity_verified: true },
    received_into_custody: custodySince,
    form: { occupation: '无', marital_status: '未婚', prior_convictions: '无', skills: '', health: '良好', family_members: [], family_changes: '', minor_children: '' },
  })
}
