// Pure helpers of the transfer views (转移接收 page, the person file's 转移 dialog).
import type { Transfer, TransferInput, TransferState } from '@/api/transfers'
import type { Unit } from '@/api/units'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const TRANSFER_STATE_TAG: Record<TransferState, TagType> = { pending: 'warning', accepted: 'success', rejected: 'danger' }

export function transferStateTag(s: string): TagType {
  return TRANSFER_STATE_TAG[s as TransferState] ?? 'info'
}

/** Only a pending transfer can still be accepted or sent back. */
export function canDecide(t: Pick<Transfer, 'state'>): boolean {
  return t.state === 'pending'
}

/** Units a person can be transferred to: villages and townships. */
export const TRANSFER_TARGET_KINDS: ReadonlySet<string> = new Set(['township', 'village'])
/** What the picker shows (the district keeps the tree's shape). */
export const TRANSFER_TREE_KINDS: ReadonlySet<string> = new Set(['district', 'township', 'village'])

/** True when `u` may be chosen as the receiving unit (an active village or township). */
export function isTransferTarget(u: Pick<Unit, 'kind' | 'active'>): boolean {
  return u.active && TRANSFER_TARGET_KINDS.has(u.kind)
}

/** The request body, or null while incomplete (no unit or no reason). */
export function transferToInput(f: { kind: TransferInput['kind']; to_unit_id: number | null; reason: string }): TransferInput | null {
  const reason = f.reason.trim()
  if (f.to_unit_id == null || !reason) return null
  return { kind: f.kind, to_unit_id: f.to_unit_id, reason }
}
