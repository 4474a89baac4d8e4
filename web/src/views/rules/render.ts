// Renders docs/rules.md (规则说明) for the web app. The document is the project's own text, but it is
// still treated as untrusted: raw HTML is escaped, except the one form the document uses for its
// stable anchors — a paragraph holding only `<a id="R-VIS-1"></a>` — whose id moves onto the heading
// that follows it (so `/rules#R-VIS-1` scrolls to the heading itself). Links are markdown-it's
// (javascript:, vbscript:, file: and data: other than images are refused by its validateLink).
import MarkdownItCtor, { type MarkdownIt, type Token } from 'markdown-it'

/** An anchor's opening tag as docs/rules.md writes it; the id is letters, digits and hyphens. */
const ANCHOR_OPEN = /^<a id="([A-Za-z][A-Za-z0-9-]*)">$/

/** The id of an inline token that is exactly `<a id="…"></a>`, else null. */
function anchorOnly(inline: Token): string | null {
  const c = (inline.children ?? []).filter((t) => !(t.type === 'text' && t.content.trim() === ''))
  if (c.length !== 2 || c[0]!.type !== 'html_inline' || c[1]!.type !== 'html_inline' || c[1]!.content !== '</a>') return null
  return ANCHOR_OPEN.exec(c[0]!.content)?.[1] ?? null
}

/** True when tokens[i] is an allowed anchor's opening tag followed by its closing tag (or the closing tag of one). */
function isAnchorTag(tokens: Token[], i: number): boolean {
  const t = tokens[i]!
  if (ANCHOR_OPEN.test(t.content)) return tokens[i + 1]?.type === 'html_inline' && tokens[i + 1]!.content === '</a>'
  if (t.content === '</a>') return i > 0 && tokens[i - 1]!.type === 'html_inline' && ANCHOR_OPEN.test(tokens[i - 1]!.content)
  return false
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownItCtor({ html: true, linkify: false, typographer: false })
  const escape = md.utils.escapeHtml

  // A paragraph that is only an anchor gives its id to the heading right after it.
  md.core.ruler.push('anchor_ids', (state): void => {
    const t = state.tokens
    for (let i = 0; i + 3 < t.length; i++) {
      if (t[i]!.type !== 'paragraph_open' || t[i + 1]!.type !== 'inline' || t[i + 2]!.type !== 'paragraph_close') continue
      const id = anchorOnly(t[i + 1]!)
      const heading = t[i + 3]!
      if (!id || heading.type !== 'heading_open' || heading.attrGet('id') != null) continue
      heading.attrSet('id', id)
      t.splice(i, 3)
    }
  })

  md.renderer.rules.html_block = (tokens, idx) => escape(tokens[idx]!.content)
  md.renderer.rules.html_inline = (tokens, idx) => {
    const c = tokens[idx]!.content
    if (!isAnchorTag(tokens, idx)) return escape(c)
    const id = ANCHOR_OPEN.exec(c)?.[1]
    return id ? `<a id="${escape(id)}">` : '</a>'
  }
  return md
}

let renderer: MarkdownIt | null = null

/** The HTML of a markdown text, raw HTML escaped except the rule anchors (see the file comment). */
export function renderRules(markdown: string): string {
  renderer ??= createRenderer()
  return renderer.render(markdown)
}

/** The ids of the document's anchors (`<a id="…"></a>`), in order. */
export function anchorIds(markdown: string): string[] {
  return [...markdown.matchAll(/<a id="([A-Za-z][A-Za-z0-9-]*)"><\/a>/g)].map((m) => m[1]!)
}

/** The rule id of a URL hash ("#R-VIS-1" → "R-VIS-1"), or null. */
export function hashId(hash: string): string | null {
  if (!hash.startsWith('#') || hash.length < 2) return null
  try {
    return decodeURIComponent(hash.slice(1))
  } catch {
    return null
  }
}

/** The rule sections of the document: every heading that starts with a rule id, e.g. "### R-VIS-1 …". */
export function ruleSections(markdown: string): { id: string; title: string }[] {
  return [...markdown.matchAll(/^#{2,4} (R-[A-Z]+-\d+)(?: (.*))?$/gm)].map((m) => ({
    id: m[1]!,
    title: m[2] ? `${m[1]} ${m[2].trim()}` : m[1]!,
  }))
}
