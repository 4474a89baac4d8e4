// src/api/schema.d.ts is generated from api/openapi.yaml (`npm run gen:api`, also run by `npm run
// build`) and committed: this fails while the committed file is not what the yaml generates.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const web = fileURLToPath(new URL('../..', import.meta.url))

describe('the generated API types', () => {
  it('are up to date with api/openapi.yaml (run `npm run gen:api` and commit src/api/schema.d.ts)', () => {
    let out = ''
    let failed = false
    try {
      out = execFileSync('npm', ['run', '--silent', 'check:api'], { cwd: web, encoding: 'utf8', stdio: 'pipe' })
    } catch (e) {
      failed = true
      out = String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '')
    }
    expect(failed, out).toBe(false)
  }, 60_000)
})
