// Administration pages against the real server: the unit tree (add a child, rename, deactivate)
// and the permission matrix (change a role's permissions and save after confirming).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, confirmBox, pickOption, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const env = serverAndBrowser({ persons: 20 })

test('admin adds, renames and deactivates a village; edits a role in the matrix', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl
  const admin = await apiSession(base, 'admin')
  const { items: units } = await admin.get('/units')
  const township = units.find((u) => u.kind === 'township' && u.code === '500153001')

  await withScreenshot('admin-units', page, async () => {
    await uiLogin(page, base, 'admin')
    await page.locator('[data-test=menu-admin-units]').click()
    await page.locator('[data-test=admin-units]').waitFor()

    const row = page.locator(`[data-test=unit-row-${township.id}]`)
    await row.locator('button', { hasText: '新增下级' }).click()
    await page.locator('[data-test=unit-name]').fill('测试新村')
    await pickOption(page, page.locator('.el-dialog:visible .el-form-item', { hasText: '子类型' }).locator('.el-select'), '村')
    await page.locator('[data-test=unit-submit]').click()
    await page.locator('.el-dialog:visible').waitFor({ state: 'hidden' })

    let created
    for (let i = 0; i < 20 && !created; i++) {
      created = (await admin.get('/units')).items.find((u) => u.name === '测试新村')
      if (!created) await new Promise((r) => setTimeout(r, 100))
    }
    assert.ok(created, 'unit created')
    assert.equal(created.parent_id, township.id)
    assert.equal(created.kind, 'village')

    await page.locator('[data-test=units-filter]').fill('测试新村')
    const newRow = page.locator(`[data-test=unit-row-${created.id}]`)
    await newRow.locator('button', { hasText: '重命名' }).click()
    await page.locator('[data-test=unit-name]').fill('测试更名村')
    await page.locator('[data-test=unit-submit]').click()
    await page.locator('.el-dialog:visible').waitFor({ state: 'hidden' })
    await page.locator('[data-test=units-filter]').fill('测试更名村')
    await newRow.locator('button', { hasText: '停用' }).click()
    await confirmBox(page)
    await newRow.locator('button', { hasText: '启用' }).waitFor()
    const after = (await admin.get('/units')).items.find((u) => u.id === created.id)
    assert.equal(after.name, '测试更名村')
    assert.equal(after.active, false)
  })

  await withScreenshot('admin-roles', page, async () => {
    await page.locator('[data-test=menu-admin-roles]').click()
    await page.locator('[data-test=admin-roles]').waitFor()
    await page.locator('[data-test="perm-village_cadre-person:export"]').click()
    await page.locator('[data-test=role-save-village_cadre]').click()
    await confirmBox(page)
    await page.locator('[data-test=role-save-village_cadre].is-disabled').waitFor()
    const role = (await admin.get('/roles')).items.find((r) => r.code === 'village_cadre')
    assert.ok(role.permissions.includes('person:export'))
    assert.ok(role.permissions.includes('person:read'))
  })

  await withScreenshot('admin-users', page, async () => {
    await page.locator('[data-test=menu-admin-users]').click()
    await page.locator('[data-test=admin-users]').waitFor()
    await page.locator('[data-test=users-q]').fill('cj_001_001')
    await page.locator('[data-test=users-search]').click()
    await page.locator('[data-test=users-table] .el-table__body tr', { hasText: 'cj_001_001' }).first().waitFor()

    // Reset the password: a prompt asks for the new initial password (checked by the same rule).
    await page.locator('[data-test=user-reset-cj_001_001]').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    await box.locator('input').fill('short1')
    await box.locator('.el-button--primary').click()
    await box.locator('.el-message-box__errormsg', { hasText: '至少10位' }).waitFor()
    await box.locator('input').fill('Chongzhi2026x')
    await box.locator('.el-button--primary').click()
    await box.waitFor({ state: 'hidden' })
    // The reset is sent once the prompt has closed: wait for its answer.
    await page.locator('.el-message--success', { hasText: '密码已重置' }).waitFor()
    const cadre = await apiSession(base, 'cj_001_001', 'Chongzhi2026x')
    assert.equal(cadre.me.user.must_change_password, true)

    // Disable after confirming.
    await page.locator('[data-test=user-toggle-cj_001_001]').click()
    await confirmBox(page)
    await page.locator('[data-test=user-toggle-cj_001_001]', { hasText: '启用' }).waitFor()
    const { items } = await admin.get('/users?q=cj_001_001')
    assert.equal(items.find((u) => u.username === 'cj_001_001').active, false)
  })
  assert.deepEqual(errors, [])
})
