// The rules the obligation engine (src/rules) makes tasks of, and the link from a task to its rule's
// section in docs/rules.md (the 规则说明 page). rules.test.ts checks this list against the engine's
// source and the document.
import type { RouteLocationRaw } from 'vue-router'

/** Rule ids of the engine's tasks: person tasks (engine.cpp) and unit tasks (meetings.cpp, education.cpp). */
export const ENGINE_RULE_IDS = [
  'R-LNK-1',
  'R-LNK-2',
  'R-LNK-3',
  'R-LNK-4',
  'R-PCK-1',
  'R-PCK-2',
  'R-REG-1',
  'R-VIS-1',
  'R-VIS-2',
  'R-REV-1',
  'R-ORG-3',
  'R-ORG-4',
  'R-MTG-1',
  'R-MTG-2',
  'R-MTG-3',
  'R-EDU-1',
  // Issue 9, helper C: unit tasks of rules/bases.cpp.
  'R-BASE-1',
  'R-EMP-2',
] as const

/** The 规则说明 page at the section of `rule` ("/rules#R-VIS-1"). */
export function ruleLink(rule: string): RouteLocationRaw {
  return { name: 'rules', hash: `#${rule}` }
}
