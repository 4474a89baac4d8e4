// Major changes to the person's family during the sentence, reported both ways, and the help given
// to families and minor children in difficulty (R-LNK-3). api/openapi.yaml:
// /persons/{id}/family-changes, /documents/{id}/family-help.
import { http } from './http'
import type { Schemas } from './types'
import type { LinkageDocument } from './documents'

/** Body of POST /persons/{id}/family-changes. */
export type FamilyChangeInput = Required<Schemas['FamilyChangeInput']>

/** data of a family_change document (Document.data is an open object in api/openapi.yaml). */
export interface FamilyChangeData extends FamilyChangeInput {
  /** A family or minor children in difficulty: the household township owes help. */
  needs_help: boolean
}

/** Body of POST /documents/{id}/family-help. */
export type FamilyHelpInput = Required<Schemas['FamilyHelpInput']>

/** A family_change document with the help recorded for it (family_help documents). */
export type FamilyChange = Schemas['FamilyChange']

export const familyApi = {
  /** Newest first. */
  list: (personId: number, viewId?: string) =>
    http.get<Schemas['FamilyChangeList']>(`/persons/${personId}/family-changes`, undefined, { viewId }),
  report: (personId: number, body: FamilyChangeInput) => http.post<LinkageDocument>(`/persons/${personId}/family-changes`, body),
  help: (documentId: number, body: FamilyHelpInput) => http.post<LinkageDocument>(`/documents/${documentId}/family-help`, body),
}
