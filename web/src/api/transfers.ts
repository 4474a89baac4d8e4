// Transfers of a person between units (R-JUR-1, R-JUR-2): requested by the sending side
// (person:update), decided by the receiving side; nothing moves until accepted. api/openapi.yaml:
// /persons/{id}/transfers, /transfers, /transfers/{id}/accept, /transfers/{id}/reject.
import { http } from './http'
import type { ItemsOf, UnitRef } from './types'

export type TransferKind = 'residence' | 'household' | 'identity_established'
export const TRANSFER_KINDS: TransferKind[] = ['residence', 'household', 'identity_established']
export type TransferState = 'pending' | 'accepted' | 'rejected'
export const TRANSFER_STATES: TransferState[] = ['pending', 'accepted', 'rejected']
export type TransferBox = 'incoming' | 'outgoing'

/** Body of POST /persons/{id}/transfers. */
export interface TransferInput {
  kind: TransferKind
  /** A village or township. */
  to_unit_id: number
  reason: string
}

export interface Transfer {
  id: number
  person_id: number
  person_name: string
  id_number_masked: string
  kind: TransferKind | string
  from_unit: UnitRef
  to_unit: UnitRef
  state: TransferState | string
  reason: string
  decision_note: string
  /** RFC 3339 instants. */
  requested_at: string
  decided_at: string | null
}

export interface TransferQuery {
  box: TransferBox
  state?: TransferState | ''
}

export const transfersApi = {
  request: (personId: number, body: TransferInput) => http.post<Transfer>(`/persons/${personId}/transfers`, body),
  list: (q: TransferQuery) => http.get<ItemsOf<Transfer>>('/transfers', { ...q }),
  accept: (id: number, note: string) => http.post<Transfer>(`/transfers/${id}/accept`, { note }),
  reject: (id: number, note: string) => http.post<Transfer>(`/transfers/${id}/reject`, { note }),
}
