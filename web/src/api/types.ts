// Shared shapes of api/openapi.yaml (components/schemas), from the generated schema.d.ts
// (`npm run gen:api`; never edit schema.d.ts by hand).
import type { components, operations } from './schema'

/** Every schema of api/openapi.yaml by name: `Schemas['Person']`. */
export type Schemas = components['schemas']

/** The query parameters of an operation of api/openapi.yaml by its operationId: `QueryOf<'listTasks'>`. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>

export type UnitKind = Schemas['UnitKind']
export type UnitRef = Schemas['UnitRef']
export type RoleRef = Schemas['RoleRef']
export type Page = Schemas['Page']

/** A page of a list: Page with its items (PersonPage, UserPage, … in the file). */
export interface PageOf<T> extends Page {
  items: T[]
}

/** A list answered whole: {items: [...]}. */
export interface ItemsOf<T> {
  items: T[]
}

/** Date as YYYY-MM-DD (China Standard Time). */
export type CivilDate = Schemas['CivilDate']
/** Instant as ISO 8601 UTC. */
export type Instant = Schemas['Instant']
