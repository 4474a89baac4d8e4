// The person form: the ID number is checked as typed with the server's rules, birth date and gender
// are filled from it, units are picked from the tree by typing, charges are filtered by typing;
// then an edit shows up in the timeline, and a stale edit is refused with VERSION_CONFLICT.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, dropdownsClosed, makeIdNumber, pickOption, pickTreeNode, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 50 })

test('sfs_001 registers a person through the form, edits it and meets a version conflict', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const api = await apiSession(base, 'sfs_001')
  const { items: units } = await api.get('/units')
  const village = units.find((u) => u.kind === 'village' && u.code.startsWith('500153001'))
  assert.ok(village)
  // 人户分离: the person lives in a village of another township (仁义镇, 500153101).
  const elsewhere = units.find((u) => u.kind === 'village' && u.code.startsWith('500153101'))
  assert.ok(elsewhere)
  const idNumber = makeIdNumber('500153', '19820304', 975)

  await withScreenshot('person-form', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons`)
    await page.locator('[data-test=person-add]').click()
    await page.locator('[data-test=person-form]').waitFor()

    await page.locator('[data-test=pf-name]').fill('测试表单人')
    // A wrong check character is reported while typing, with the same rule as the server.
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0')
    await page.locator('[data-test=pf-id-number]').fill(wrong)
    await page.locator('.el-form-item__error', { hasText: '校验位' }).waitFor()
    await page.locator('[data-test=pf-id-number]').fill(idNumber)
    await page.locator('.el-form-item__error', { hasText: '校验位' }).waitFor({ state: 'detached' })
    assert.equal(await page.locator('[data-test=pf-birth-date] input').inputValue(), '1982-03-04')

    await pickTreeNode(page, page.locator('[data-test=pf-household-unit]'), village.name)
    await pickTreeNode(page, page.locator('[data-test=pf-residence-unit]'), elsewhere.name)
    const charges = page.locator('[data-test=pf-charges]')
    await charges.click()
    await page.keyboard.type('诈骗')
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^诈骗罪$/ }).click()
    await page.locator('.page-title').click() // close the multi-select
    await dropdownsClosed(page)
    await page.locator('[data-test=pf-release-date] input').fill('2025-03-01')
    await page.keyboard.press('Enter')
    await pickOption(page, page.locator('[data-test=pf-release-kind]'), '监狱释放')
    await page.locator('[data-test=pf-submit]').click()

    await page.locator('[data-test=person-detail]').waitFor()
    assert.equal(await page.locator('[data-test=detail-name]').innerText(), '测试表单人')
    const masked = idNumber.slice(0, 4) + '**********' + idNumber.slice(14)
    assert.equal(await page.locator('[data-test=detail-id-number]').innerText(), masked)
    await page.locator('[data-test=detail-separated]').waitFor()
    const id = Number(/\/persons\/(\d+)$/.exec(page.url())[1])

    // Edit the phone number; the timeline shows who changed what.
    await page.locator('[data-test=person-edit]').click()
    await page.locator('[data-test=person-form]').waitFor()
    await page.locator('[data-test=pf-name]').waitFor()
    await page.waitForFunction(() => (document.querySelector('[data-test=pf-name]')?.value ?? '') !== '')
    // The edit form never holds the full number: the field is empty, the stored number shown masked.
    const idField = page.locator('[data-test=pf-id-number] input, input[data-test=pf-id-number]').first()
    assert.equal(await idField.inputValue(), '')
    assert.match((await idField.getAttribute('placeholder')) ?? '', new RegExp(masked.replace(/\*/g, '\\*')))
    const phone = page.locator('[data-test=pf-phone]')
    await phone.fill('13912345678')
    await page.locator('[data-test=pf-submit]').click()
    await page.locator('[data-test=person-detail]').waitFor()
    await page.locator('[data-test=timeline-change]', { hasText: '13912345678' }).waitFor()
    // The stored number stayed.
    assert.equal(await page.locator('[data-test=detail-id-number]').innerText(), masked)
    assert.equal((await api.post(`/persons/${id}/id-number`)).id_number, idNumber)

    // Someone else saves meanwhile: the stale form is refused and the user is told to reload.
    await page.locator('[data-test=person-edit]').click()
    await page.waitForFunction(() => (document.querySelector('[data-test=pf-name]')?.value ?? '') !== '')
    const current = await api.get(`/persons/${id}`)
    await api.put(`/persons/${id}`, { ...current, former_names: '别名' })
    await phone.fill('13800001111')
    await page.locator('[data-test=pf-submit]').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    assert.match(await box.innerText(), /修改|刷新|重新/)
  })
  assert.deepEqual(errors, [])
})
