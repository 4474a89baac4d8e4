// docs/rules.md (规则说明) against the rule ids: every id of docs/rule-ids.txt (all rules of the
// policy) has a section, every rule the engine makes tasks of — the web app's ENGINE_RULE_IDS, which
// must match the ids in the engine's source — has an anchor, the document's own links land on an
// anchor, and the renderer escapes raw HTML other than the rule anchors.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { asciiPunctuationInChinese } from '@/locales/punctuation'
import { ENGINE_NON_TASK_RULE_IDS, ENGINE_RULE_IDS } from '@/views/task/rules'
import { anchorIds, hashId, renderRules, ruleSections } from './render'
import { RULES_MD } from './source'

const repo = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url))

/** docs/rule-ids.txt: one id a line, # comments. */
const ALL_IDS = readFileSync(repo('docs/rule-ids.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))

/** Rule ids written as string literals in the engine's sources (src/rules/*.cpp, tests aside). */
function engineIds(): string[] {
  const dir = repo('src/rules')
  const ids = new Set<string>()
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.cpp') && !f.endsWith('_test.cpp'))) {
    for (const m of readFileSync(`${dir}/${f}`, 'utf8').matchAll(/"(R-[A-Z]+-\d+)"/g)) ids.add(m[1]!)
  }
  return [...ids].sort()
}

const html = renderRules(RULES_MD)

describe('docs/rule-ids.txt', () => {
  it('lists rule ids, each once', () => {
    for (const id of ALL_IDS) expect(id).toMatch(/^R-[A-Z]+-\d+$/)
    expect(new Set(ALL_IDS).size).toBe(ALL_IDS.length)
    expect(ALL_IDS.length).toBeGreaterThanOrEqual(58)
  })

  it('holds every rule the engine makes tasks of', () => {
    for (const id of ENGINE_RULE_IDS) expect(ALL_IDS).toContain(id)
  })
})

describe('ENGINE_RULE_IDS', () => {
  it('are the rule ids of the engine’s tasks (src/rules)', () => {
    const others: readonly string[] = ENGINE_NON_TASK_RULE_IDS
    expect([...ENGINE_RULE_IDS].sort()).toEqual(engineIds().filter((id) => !others.includes(id)))
  })
})

describe('docs/rules.md', () => {
  it('has a section for every rule id: an anchor and a heading starting with the id', () => {
    const anchors = anchorIds(RULES_MD)
    const headings = ruleSections(RULES_MD).map((s) => s.id)
    const missing = ALL_IDS.filter((id) => !anchors.includes(id) || !headings.includes(id))
    expect(missing).toEqual([])
  })

  it('has sections only for known rule ids, each once', () => {
    const ruleAnchors = anchorIds(RULES_MD).filter((id) => id.startsWith('R-'))
    expect(new Set(ruleAnchors).size).toBe(ruleAnchors.length)
    expect(ruleAnchors.filter((id) => !ALL_IDS.includes(id))).toEqual([])
    expect(ruleSections(RULES_MD).map((s) => s.id).filter((id) => !ALL_IDS.includes(id))).toEqual([])
  })

  it('renders an anchor for every rule the engine makes tasks of, on the rule’s heading', () => {
    for (const id of ENGINE_RULE_IDS) expect(html).toMatch(new RegExp(`<h[23] id="${id}">${id} `))
  })

  it('renders every rule id as a heading id', () => {
    const ids = [...html.matchAll(/<h[1-6] id="([^"]+)">/g)].map((m) => m[1])
    for (const id of ALL_IDS) expect(ids).toContain(id)
  })

  it('links only within itself, to anchors it has', () => {
    const anchors = new Set(anchorIds(RULES_MD))
    const links = [...RULES_MD.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]!)
    expect(links.length).toBeGreaterThan(0)
    expect(links.filter((l) => !l.startsWith('#') || !anchors.has(l.slice(1)))).toEqual([])
  })

  it('says plainly which rules are not built yet', () => {
    const planned = ['R-ARC-1', 'R-KPI-2', 'R-WRN-1', 'R-OUT-1', 'R-INF-2']
    for (const id of planned) expect(section(id), id).toMatch(/尚未实现/)
  })

  it('names a clause of the 2015 opinion in every section', () => {
    const noClause = ALL_IDS.filter((id) => id !== 'R-ALW-6' && !/§\d/.test(section(id)))
    expect(noClause).toEqual([])
  })

  it('uses Chinese punctuation in Chinese text (code, links and anchors aside)', () => {
    const bad = RULES_MD.split('\n')
      .map((line) => line.replace(/`[^`]*`/g, '').replace(/\]\([^)]*\)/g, ']').replace(/<a id="[^"]*"><\/a>/g, ''))
      .filter((line) => asciiPunctuationInChinese(line).length > 0)
    expect(bad).toEqual([])
  })

  it('does not point outside the repository’s product (DOMAIN.md is not part of it)', () => {
    expect(RULES_MD).not.toMatch(/DOMAIN\.md|https?:\/\//)
  })
})

/** The text of one rule's section: from its anchor to the next anchor. */
function section(id: string): string {
  const start = RULES_MD.indexOf(`<a id="${id}"></a>`)
  if (start < 0) return ''
  const next = RULES_MD.indexOf('<a id="', start + 1)
  return RULES_MD.slice(start, next < 0 ? undefined : next)
}

describe('renderRules', () => {
  it('moves an anchor paragraph’s id onto the next heading', () => {
    expect(renderRules('<a id="R-VIS-1"></a>\n\n### R-VIS-1 走访\n\n正文')).toBe('<h3 id="R-VIS-1">R-VIS-1 走访</h3>\n<p>正文</p>\n')
  })

  it('keeps an anchor that no heading follows', () => {
    expect(renderRules('<a id="x-1"></a>\n\n正文')).toBe('<p><a id="x-1"></a></p>\n<p>正文</p>\n')
  })

  it('escapes any other raw HTML', () => {
    const out = renderRules('<script>alert(1)</script>\n\n文字 <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a>\n\n<a id="bad" onclick="x()"></a>')
    expect(out).not.toMatch(/<script|<img|<a href|onclick="x/)
    expect(out).toContain('&lt;script&gt;')
    expect(out).toContain('&lt;img')
  })

  it('refuses javascript: links', () => {
    expect(renderRules('[x](javascript:alert(1))')).not.toContain('href="javascript')
    expect(renderRules('[见 R-JUR-1](#R-JUR-1)')).toContain('<a href="#R-JUR-1">见 R-JUR-1</a>')
  })
})

describe('hashId', () => {
  it('reads the id of a URL hash', () => {
    expect(hashId('#R-VIS-1')).toBe('R-VIS-1')
    expect(hashId('')).toBeNull()
    expect(hashId('#')).toBeNull()
    expect(hashId('#%E0%A4%A')).toBeNull()
  })
})
