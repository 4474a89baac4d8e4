// Transfers of a person between units (R-JUR-1, R-JUR-2): requested by the sending side
// (person:update), decided by the receiving side; nothing moves until accepted. api/openapi.yaml:
// /persons/{id}/transfers, /transfers, /transfers/{id}/accept, /transfers/{id}/reject,
// /transfers/{id}/withdraw (the sending side, while pending).
import { http } from './http'
import type { QueryOf, Schemas } from './types'

export type TransferKind = Schemas['TransferKind']
export const TRANSFER_KINDS: TransferKind[] = ['residence', 'household', 'identity_established']
export type TransferState = Schemas['TransferState']
export const TRANSFER_STATES: TransferState[] = ['pending', 'accepted', 'rejected', 'withdrawn']
export type TransferBox = NonNullable<QueryOf<'listTransfers'>['box']>

/** Body of POST /persons/{id}/transfers. */
export type TransferInput = Schemas['TransferInput']
export type Transfer = Schemas['Transfer']

/** GET /transfers: the box always named; state '' for every state. */
export type TransferQuery = Omit<QueryOf<'listTransfers'>, 'box' | 'state'> & { box: TransferBox; state?: TransferState | '' }

export const transfersApi = {
  request: (personId: number, body: TransferInput) => http.post<Transfer>(`/persons/${personId}/transfers`, body),
  list: (q: TransferQuery) => http.get<Schemas['TransferList']>('/transfers', { ...q }),
  accept: (id: number, note: string) => http.post<Transfer>(`/transfers/${id}/accept`, { note }),
  reject: (id: number, note: string) => http.post<Transfer>(`/transfers/${id}/reject`, { note }),
  withdraw: (id: number, note = '') => http.post<Transfer>(`/transfers/${id}/withdraw`, { note }),
  ofPerson: (personId: number, viewId?: string) =>
    http.get<Schemas['TransferList']>(`/persons/${personId}/transfers`, undefined, { viewId }),
}
