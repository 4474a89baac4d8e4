// Checks of the pages' text, used by the locale tests: Chinese text uses Chinese punctuation, and
// English text has no Chinese in it.

/** Han characters and CJK / full-width punctuation. */
export const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/
const ASCII_PUNCT = new Set([',', ':', ';', '(', ')', '?', '!'])

/** Every string of a message tree as [dotted key, text]. */
export function leaves(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]]
  if (typeof o !== 'object' || o === null) return []
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

/**
 * The ASCII , : ; ( ) ? ! of a text that contains Han characters, outside {placeholders}; empty
 * for text without Han characters (English, codes).
 */
export function asciiPunctuationInChinese(text: string): string[] {
  if (!HAN.test(text)) return []
  const out: string[] = []
  let depth = 0
  for (const c of text) {
    if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    else if (depth === 0 && ASCII_PUNCT.has(c)) out.push(c)
  }
  return out
}

/**
 * Places in a single-file component's template where ASCII punctuation is written right next to an
 * interpolation ("{{ label }}:", "({{ name }})"): such punctuation does not follow the language
 * and belongs in a message.
 */
export function templatePunctuation(sfc: string): string[] {
  const start = sfc.indexOf('<template')
  const end = sfc.lastIndexOf('</template>')
  const tpl = start >= 0 && end > start ? sfc.slice(start, end) : sfc
  return [...tpl.matchAll(/\}\}[ \t]*[,:;()]|[,:;()][ \t]*\{\{/g)].map((m) => {
    const i = m.index ?? 0
    return tpl.slice(Math.max(0, i - 30), i + m[0].length + 30).replace(/\s+/g, ' ')
  })
}
