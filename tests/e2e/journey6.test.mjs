// JOURNEYS.md 6: the person moves. The officer of 昌元街道 opens the file of one of its persons and
// asks for a residence transfer to a village of 仁义镇 through the 转移 dialog; until the receiving
// side accepts nothing moves. The officer of 仁义镇 sees it under 转移接收 → 待接收, accepts it, can
// now open the file, and the half-year visit (R-VIS-1) belongs to the new village.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { apiSession, createPerson, cstDate, dropdownsClosed, serverAndBrowser, uiLogin, withScreenshot } from './helpers.mjs'

const NAME = '测试转移人'

const env = serverAndBrowser({ persons: 300 })

test('a residence transfer is requested, accepted by the receiving township, and the duties move', async () => {
  const { page, errors } = env.browser
  const base = env.srv.baseUrl

  const officer = await apiSession(base, 'sfs_001')
  const { items: units } = await officer.get('/units')
  const village = units.find((u) => u.code === '500153001001')
  const target = units.find((u) => u.code === '500153101002')
  const targetTownship = units.find((u) => u.id === target?.parent_id)
  assert.ok(village && target && targetTownship, 'villages 500153001001 and 500153101002')
  const { items: charges } = await officer.get('/dicts/charges')
  const person = await createPerson(
    officer,
    {
      name: NAME,
      gender: '1',
      ethnic_code: '01',
      education_code: '71',
      household_unit_id: village.id,
      household_address: '一组3号',
      residence_unit_id: village.id,
      residence_address: '一组3号',
      charge_ids: [charges.find((c) => c.name === '盗窃罪')?.id ?? charges[0].id],
      sentence_type: 'fixed_term',
      sentence_months: 24,
      release_date: cstDate(-40),
      release_kind: 'prison',
      releasing_authority: '重庆市永川监狱',
      family_contact_name: '测试家属',
      family_contact_relation: '父亲',
      family_contact_phone: '13800000002',
    },
    { birth: '19830412' },
  )

  const receiver = await apiSession(base, 'sfs_101')
  await assert.rejects(receiver.get(`/persons/${person.id}`), (e) => e.status === 404 || e.status === 403)

  await withScreenshot('journey6-request', page, async () => {
    await uiLogin(page, base, 'sfs_001')
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=person-detail]').waitFor()
    await page.locator('[data-test=detail-name]', { hasText: NAME }).waitFor()
    await page.locator('[data-test=transfer-add]').click()
    const dialog = page.locator('[data-test=transfer-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=tr-kind-residence]').click()
    // Several villages are called alike: pick the one under the receiving township.
    const picker = page.locator('[data-test=tr-unit]')
    await dropdownsClosed(page)
    await picker.click()
    await picker.locator('input').first().fill(target.name)
    const node = page
      .locator('.el-tree-select__popper:visible .el-tree-node', { has: page.locator(':scope > .el-tree-node__content', { hasText: targetTownship.name }) })
      .locator('.el-tree-node__content', { hasText: target.name })
      .first()
    await node.click()
    await dropdownsClosed(page)
    await page.locator('[data-test=tr-reason]').fill('本人已搬至仁义镇居住')
    await page.locator('[data-test=tr-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-message--success', { hasText: '转移申请已发出' }).waitFor()
  })

  // Nothing moves yet: the receiving township still cannot open the file.
  const { items: pending } = await receiver.get('/transfers?box=incoming&state=pending')
  const transfer = pending.find((t) => t.person_id === person.id)
  assert.ok(transfer, 'the transfer reached 仁义镇')
  assert.equal(transfer.kind, 'residence')
  assert.equal(transfer.to_unit.id, target.id)
  await assert.rejects(receiver.get(`/persons/${person.id}`), (e) => e.status === 404 || e.status === 403)

  await withScreenshot('journey6-accept', page, async () => {
    await page.context().clearCookies()
    await uiLogin(page, base, 'sfs_101')
    await page.locator('[data-test=menu-transfers]').click()
    await page.locator('[data-test=transfers]').waitFor()
    const row = page.locator('[data-test=transfers-table] .el-table__body tr', { hasText: NAME }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /待接收/)
    await page.locator(`[data-test=tr-accept-${transfer.id}]`).click()
    const confirm = page.locator('[data-test=transfer-decision]')
    await confirm.waitFor()
    await page.locator('[data-test=td-note]').fill('同意接收')
    await page.locator('[data-test=td-confirm]').click()
    await confirm.waitFor({ state: 'hidden' })
    await page.locator('.el-message--success', { hasText: NAME }).waitFor()
    await page.locator('[data-test=transfers-table] .el-table__body tr', { hasText: NAME }).waitFor({ state: 'detached' })

    // The receiving township can now open the file; the visit duty is the new village's.
    await page.goto(`${base}/persons/${person.id}`)
    await page.locator('[data-test=detail-name]', { hasText: NAME }).waitFor()
    const { items: tasks } = await receiver.get(`/persons/${person.id}/tasks`)
    const visit = tasks.find((t) => t.rule === 'R-VIS-1' && t.state !== 'not_applicable')
    assert.ok(visit, `an R-VIS-1 task: ${JSON.stringify(tasks.map((t) => [t.key, t.state, t.unit?.name]))}`)
    const cell = page.locator('[data-test=task-table] .el-table__body tr', { has: page.locator(`[data-test="task-due-${visit.key}"]`) }).first()
    await cell.waitFor()
    assert.match(await cell.innerText(), new RegExp(target.name))
    assert.match(await cell.innerText(), new RegExp(targetTownship.name))
  })

  const { items: outgoing } = await officer.get('/transfers?box=outgoing')
  assert.equal(outgoing.find((t) => t.id === transfer.id)?.state, 'accepted')
  assert.deepEqual(errors, [])
})
