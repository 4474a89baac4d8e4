import type { Unit } from '@/api/units'

export interface UnitNode {
  id: number
  /** The unit's name (shown in the tree, under its township). */
  label: string
  /** The unit as named on its own (unitLabel): a village with its township. */
  title: string
  kind: string
  active: boolean
  unit: Unit
  disabled?: boolean
  children?: UnitNode[]
}

/** Area units hold persons (household / residence place): district → township → village. */
export const AREA_KINDS: ReadonlySet<string> = new Set(['district', 'township', 'village'])

export interface TreeOptions {
  /** Keep only units whose kind is accepted. */
  kinds?: ReadonlySet<string>
  /** Start the tree at this unit (e.g. the user's scope unit); the whole tree when absent/unknown. */
  rootId?: number | null
  /** Leave out inactive units. */
  activeOnly?: boolean
  /** Marks nodes that cannot be picked. */
  disable?: (u: Unit) => boolean
}

/** Builds a forest from the flat, code-ordered list of GET /units. */
export function buildUnitTree(units: Unit[], opts: TreeOptions = {}): UnitNode[] {
  const keep = (u: Unit) => (!opts.kinds || opts.kinds.has(u.kind)) && (!opts.activeOnly || u.active)
  const nodes = new Map<number, UnitNode>()
  const byId = new Map(units.map((u) => [u.id, u]))
  for (const u of units) {
    if (!keep(u)) continue
    nodes.set(u.id, { id: u.id, label: u.name, title: unitLabel(byId, u), kind: u.kind, active: u.active, unit: u, disabled: opts.disable?.(u) })
  }
  const roots: UnitNode[] = []
  for (const u of units) {
    const n = nodes.get(u.id)
    if (!n) continue
    const parent = u.parent_id == null ? undefined : nodes.get(u.parent_id)
    // A unit whose parent was filtered out (or is unknown) becomes a root.
    if (parent) (parent.children ??= []).push(n)
    else roots.push(n)
  }
  if (opts.rootId != null) {
    const r = nodes.get(opts.rootId)
    if (r) return [r]
  }
  return roots
}

/** Ids of a unit and everything below it. */
export function subtreeIds(units: Unit[], rootId: number): Set<number> {
  const children = new Map<number, number[]>()
  for (const u of units) {
    if (u.parent_id == null) continue
    const list = children.get(u.parent_id) ?? []
    list.push(u.id)
    children.set(u.parent_id, list)
  }
  const out = new Set<number>([rootId])
  const stack = [rootId]
  while (stack.length) {
    const id = stack.pop()!
    for (const c of children.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c)
        stack.push(c)
      }
    }
  }
  return out
}

/** Names from the root down to the unit, e.g. ["荣昌区", "昌元街道", "…社区"]. */
export function unitPath(units: Unit[], id: number): string[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const path: string[] = []
  let cur = byId.get(id)
  const seen = new Set<number>()
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id)
    path.unshift(cur.name)
    cur = cur.parent_id == null ? undefined : byId.get(cur.parent_id)
  }
  return path
}

/**
 * The nearest unit at or above `id` whose kind is accepted: a judicial office's area is its
 * township. Undefined when there is none.
 */
export function nearestOfKind(units: Unit[], id: number, kinds: ReadonlySet<string>): Unit | undefined {
  const byId = new Map(units.map((u) => [u.id, u]))
  let cur = byId.get(id)
  const seen = new Set<number>()
  while (cur && !seen.has(cur.id)) {
    if (kinds.has(cur.kind)) return cur
    seen.add(cur.id)
    cur = cur.parent_id == null ? undefined : byId.get(cur.parent_id)
  }
  return undefined
}

/** What the pages need to know of a unit to name it: a Unit of GET /units or a UnitRef of an answer. */
export interface UnitLike {
  id: number
  name: string
  kind?: string
  parent_id?: number | null
  /** "昌元街道 / 玉屏社区": names from below the district down to the unit (UnitRef). */
  path?: string
}

/** Between a township and its village in unitLabel. */
export const TOWNSHIP_SEPARATOR = ' / '

/**
 * A unit as named wherever it is shown or picked: a village or community (村居) with its township,
 * "昌元街道 / 玉屏社区" (village names repeat across townships); any other unit by its name. The
 * township comes from the unit tree when the unit is in it, else from the answer's `path`.
 */
export function unitLabel(units: ReadonlyMap<number, UnitLike>, ref: UnitLike | null | undefined): string {
  if (!ref) return ''
  const known = units.get(ref.id)
  const u = known ?? ref
  if ((u.kind ?? ref.kind) !== 'village') return u.name
  let parent = u.parent_id == null ? undefined : units.get(u.parent_id)
  const seen = new Set<number>([u.id])
  // Villages sit below their township; skip anything else in between.
  while (parent && parent.kind !== 'township' && !seen.has(parent.id)) {
    seen.add(parent.id)
    parent = parent.parent_id == null ? undefined : units.get(parent.parent_id)
  }
  if (parent?.kind === 'township') return `${parent.name}${TOWNSHIP_SEPARATOR}${u.name}`
  const path = (ref.path ?? '').split('/').map((x) => x.trim()).filter(Boolean)
  if (path.length >= 2) return `${path[path.length - 2]}${TOWNSHIP_SEPARATOR}${path[path.length - 1]}`
  return u.name
}
