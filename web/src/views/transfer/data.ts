// Pure helpers of the transfer views (转移接收 page, the person file's 转移 dialog).
import type { Transfer, TransferInput, TransferState } from '@/api/transfers'
import type { Unit } from '@/api/units'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const TRANSFER_STATE_TAG: Record<TransferState, TagType> = { pending: 'warning', accepted: 'success', rejected: 'danger', withdrawn: 'info' }

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

/** A move of the household registration (household, identity established) asks for the new address. */
export function needsNewAddress(kind: TransferInput['kind']): boolean {
  return kind !== 'residence'
}

/** The request body, or null while incomplete (no unit, no reason, or no address where one is needed). */
export function transferToInput(f: { kind: TransferInput['kind']; to_unit_id: number | null; reason: string; new_address?: string }): TransferInput | null {
  const reason = f.reason.trim()
  const address = (f.new_address ?? '').trim()
  if (f.to_unit_id == null || !reason) return null
  if (needsNewAddress(f.kind) && !address) return null
  return address ? { kind: f.kind, to_unit_id: f.to_unit_id, reason, new_address: address } : { kind: f.kind, to_unit_id: f.to_unit_id, reason }
}

/** Only the sending side withdraws, and only while pending; the caller passes whether it may. */
export function canWithdraw(t: Pick<Transfer, 'state'>, mayUpdate: boolean): boolean {
  return mayUpdate && t.state === 'pending'
}

/** The person's pending transfer, if any (the file shows it with 撤回). */
export function pendingOf<T extends Pick<Transfer, 'state'>>(list: T[]): T | undefined {
  return list.find((t) => t.state === 'pending')
}
