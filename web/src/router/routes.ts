import type { RouteRecordRaw } from 'vue-router'
import { PAYMENT_PERMISSIONS, REPORT_PERMISSIONS, STANDARDS_PERMISSIONS, WORK_PERMISSIONS } from '@/views/allowance/data'

declare module 'vue-router' {
  interface RouteMeta {
    /** Pages reachable without a session. */
    public?: boolean
    /** Permission code needed to open the page (e.g. "person:read"); a list: any one of them (issue 10). */
    permission?: string | readonly string[]
    /** i18n key of the page title (also the menu label). */
    title?: string
    /** Menu group i18n key; pages without `menu` are not in the sidebar. */
    menu?: 'root' | 'menu.persons' | 'menu.documents' | 'menu.admin'
    /** Issue 9: the page is in the menu only for users of a unit of this subkind (human resources). */
    unitSubkind?: string
    icon?: string
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/index.vue'), meta: { public: true, title: 'login.title' } },
  { path: '/change-password', name: 'change-password', component: () => import('@/views/change-password/index.vue'), meta: { title: 'changePassword.title' } },
  {
    path: '/',
    component: () => import('@/components/layout/AppLayout.vue'),
    redirect: '/workbench',
    children: [
      { path: 'workbench', name: 'workbench', component: () => import('@/views/workbench/index.vue'), meta: { title: 'menu.workbench', menu: 'root', icon: 'House' } },
      { path: 'persons', name: 'person-list', component: () => import('@/views/person/list.vue'), meta: { title: 'menu.personList', permission: 'person:read', menu: 'menu.persons', icon: 'User' } },
      { path: 'persons/new', name: 'person-create', component: () => import('@/views/person/form.vue'), meta: { title: 'person.form.createTitle', permission: 'person:create' } },
      { path: 'persons/:id(\\d+)', name: 'person-detail', component: () => import('@/views/person/detail.vue'), props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'person.detail.title', permission: 'person:read' } },
      { path: 'persons/:id(\\d+)/edit', name: 'person-edit', component: () => import('@/views/person/form.vue'), props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'person.form.editTitle', permission: 'person:update' } },
      { path: 'documents/send', name: 'document-send', component: () => import('@/views/document/send.vue'), meta: { title: 'menu.sendForm', permission: 'document:send', menu: 'menu.documents', icon: 'Promotion' } },
      { path: 'documents/sent', name: 'document-sent', component: () => import('@/views/document/sent.vue'), meta: { title: 'menu.sent', permission: 'document:send', menu: 'menu.documents', icon: 'Tickets' } },
      { path: 'documents/inbox', name: 'document-inbox', component: () => import('@/views/document/inbox.vue'), meta: { title: 'menu.inbox', permission: 'document:read', menu: 'menu.documents', icon: 'Message' } },
      { path: 'documents/mail', name: 'document-mail', component: () => import('@/views/document/mail.vue'), meta: { title: 'menu.mailForm', permission: 'document:verify', menu: 'menu.documents', icon: 'Postcard' } },
      { path: 'help/mine', name: 'help-mine', component: () => import('@/views/help/mine.vue'), meta: { title: 'menu.helpMine', permission: 'person:read', menu: 'menu.persons', icon: 'User' } },
      { path: 'help/incomplete', name: 'help-incomplete', component: () => import('@/views/help/incomplete.vue'), meta: { title: 'menu.helpIncomplete', permission: 'person:read', menu: 'menu.persons', icon: 'Files' } },
      { path: 'transfers', name: 'transfers', component: () => import('@/views/transfer/index.vue'), meta: { title: 'menu.transfers', permission: 'person:update', menu: 'menu.persons', icon: 'Switch' } },
      { path: 'meetings', name: 'meetings', component: () => import('@/views/meeting/index.vue'), meta: { title: 'menu.meetings', permission: 'task:read', menu: 'root', icon: 'Calendar' } },
      { path: 'org-groups', name: 'org-groups', component: () => import('@/views/unitwork/OrgGroups.vue'), meta: { title: 'menu.orgGroups', permission: 'task:read', menu: 'root', icon: 'OfficeBuilding' } },
      { path: 'education', name: 'education', component: () => import('@/views/unitwork/Education.vue'), meta: { title: 'menu.education', permission: 'task:read', menu: 'root', icon: 'Notebook' } },
      { path: 'publicity', name: 'publicity', component: () => import('@/views/unitwork/Publicity.vue'), meta: { title: 'menu.publicity', permission: 'task:read', menu: 'root', icon: 'Trophy' } },
      // Issue 9, helper C: transitional bases (R-BASE-1), human resources' skills trainings (R-EMP-2).
      { path: 'bases', name: 'bases', component: () => import('@/views/bases/index.vue'), meta: { title: 'menu.bases', permission: 'base:manage', menu: 'root', icon: 'House' } },
      { path: 'bases/:id(\\d+)', name: 'base-detail', component: () => import('@/views/bases/detail.vue'), props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'menu.bases', permission: 'base:manage' } },
      { path: 'trainings', name: 'trainings', component: () => import('@/views/bases/Trainings.vue'), meta: { title: 'menu.trainings', permission: 'training:manage', menu: 'root', icon: 'Reading', unitSubkind: 'hr_social_security' } },
      { path: 'assistance/referrals', name: 'assistance-referrals', component: () => import('@/views/assistance/Referrals.vue'), meta: { title: 'menu.assistanceReferrals', permission: 'assistance:decide', menu: 'root', icon: 'Tickets' } },
      // Issue 10: the transitional hardship allowance (R-ALW-1..6).
      { path: 'allowance/work', name: 'allowance-work', component: () => import('@/views/allowance/Work.vue'), meta: { title: 'menu.allowanceWork', permission: WORK_PERMISSIONS, menu: 'root', icon: 'Stamp' } },
      { path: 'allowance/payments', name: 'allowance-payments', component: () => import('@/views/allowance/Payments.vue'), meta: { title: 'menu.allowancePayments', permission: PAYMENT_PERMISSIONS, menu: 'root', icon: 'Wallet' } },
      { path: 'allowance/report', name: 'allowance-report', component: () => import('@/views/allowance/Report.vue'), meta: { title: 'menu.allowanceReport', permission: REPORT_PERMISSIONS, menu: 'root', icon: 'DataAnalysis' } },
      { path: 'allowance/standards', name: 'allowance-standards', component: () => import('@/views/allowance/Standards.vue'), meta: { title: 'menu.allowanceStandards', permission: STANDARDS_PERMISSIONS, menu: 'root', icon: 'Coin' } },
      { path: 'admin/users', name: 'admin-users', component: () => import('@/views/admin/users.vue'), meta: { title: 'menu.users', permission: 'user:manage', menu: 'menu.admin', icon: 'Avatar' } },
      { path: 'admin/roles', name: 'admin-roles', component: () => import('@/views/admin/roles.vue'), meta: { title: 'menu.roles', permission: 'role:manage', menu: 'menu.admin', icon: 'Lock' } },
      { path: 'admin/units', name: 'admin-units', component: () => import('@/views/admin/units.vue'), meta: { title: 'menu.units', permission: 'unit:manage', menu: 'menu.admin', icon: 'OfficeBuilding' } },
      { path: 'admin/policy', name: 'admin-policy', component: () => import('@/views/admin/policy.vue'), meta: { title: 'menu.policy', permission: 'policy:manage', menu: 'menu.admin', icon: 'Operation' } },
      { path: 'admin/education-calendar', name: 'admin-education-calendar', component: () => import('@/views/admin/EducationCalendar.vue'), meta: { title: 'menu.eduCalendar', permission: 'policy:manage', menu: 'menu.admin', icon: 'Calendar' } },
      { path: 'rules', name: 'rules', component: () => import('@/views/rules/index.vue'), meta: { title: 'menu.rules', menu: 'root', icon: 'Reading' } },
      { path: 'audit', name: 'audit', component: () => import('@/views/audit/list.vue'), meta: { title: 'menu.audit', permission: 'audit:read', menu: 'root', icon: 'Document' } },
      // Issue 9 (helper D): the unit's open needs by category.
      { path: 'needs/open', name: 'needs-open', component: () => import('@/views/needs/open.vue'), meta: { title: 'menu.openNeeds', permission: 'needs:record', menu: 'menu.persons', icon: 'Files' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/error/forbidden.vue'), meta: { title: 'error.forbidden' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/error/not-found.vue'), meta: { title: 'error.notFound' } },
    ],
  },
]
