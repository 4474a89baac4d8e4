import type { RouteRecordRaw } from 'vue-router'
import { routes } from '@/router/routes'
import { allowed } from '@/router/guard'

export interface MenuItem {
  name: string
  path: string
  title: string
  icon?: string
}

export interface MenuGroup {
  /** i18n key of the group, or '' for top-level items. */
  title: string
  icon?: string
  items: MenuItem[]
}

const GROUP_ICONS: Record<string, string> = { 'menu.persons': 'User', 'menu.documents': 'Files', 'menu.admin': 'Setting' }

function layoutChildren(): RouteRecordRaw[] {
  return routes.find((r) => r.path === '/')?.children ?? []
}

/** The sidebar: only the pages whose permission the user holds; empty groups are dropped. */
export function buildMenu(can: (permission: string | undefined) => boolean, unitSubkind = ''): MenuGroup[] {
  const groups: MenuGroup[] = []
  for (const r of layoutChildren()) {
    const m = r.meta
    if (!m?.menu || !allowed(can, m.permission) || typeof r.name !== 'string') continue
    if (m.unitSubkind && m.unitSubkind !== unitSubkind) continue  // issue 9: human resources' trainings
    const item: MenuItem = { name: r.name, path: `/${r.path}`, title: m.title ?? r.name, icon: m.icon }
    const key = m.menu === 'root' ? `root:${r.name}` : m.menu
    let g = groups.find((x) => (x.title || `root:${x.items[0]?.name}`) === key)
    if (!g) {
      g = m.menu === 'root' ? { title: '', items: [] } : { title: m.menu, icon: GROUP_ICONS[m.menu], items: [] }
      groups.push(g)
    }
    g.items.push(item)
  }
  return groups
}
