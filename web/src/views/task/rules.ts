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
  // Issue 10: the hardship allowance (rules/allowance.cpp): each open step of an application
  // (R-ALW-2) and each payable month that has begun (R-ALW-1).
  'R-ALW-1',
  'R-ALW-2',
] as const

/** Rule ids the engine's sources name that are not tasks: the stops of the allowance's entitlement
 *  (rules/allowance.cpp stop_rule, shown in its explanation). rules.test.ts leaves them out. */
export const ENGINE_NON_TASK_RULE_IDS = ['R-ALW-4', 'R-ALW-5'] as const

/** The 规则说明 page at the section of `rule` ("/rules#R-VIS-1"). */
export function ruleLink(rule: string): RouteLocationRaw {
  return { name: 'rules', hash: `#${rule}` }
}
