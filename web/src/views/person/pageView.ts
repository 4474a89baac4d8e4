// One page view of a person file is one access record (ARCHITECTURE.md, "Page views"): the file page
// makes a view id when it opens and every read it or its sections make carries it (header X-View-Id,
// never in the URL); the server keeps the first read of each view of a file.
import type { InjectionKey } from 'vue'

export const PERSON_VIEW: InjectionKey<string> = Symbol('personView')

/** A fresh view id: 24 hex digits (crypto.getRandomValues also works on plain http, unlike randomUUID). */
export function newViewId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
