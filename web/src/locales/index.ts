import { createI18n } from 'vue-i18n'
import zhCommon from './zh-CN/common'
import zhPerson from './zh-CN/person'
import zhAdmin from './zh-CN/admin'
import zhAudit from './zh-CN/audit'
import zhTask from './zh-CN/task'
import zhDocument from './zh-CN/document'
import zhTransfer from './zh-CN/transfer'
import zhMeeting from './zh-CN/meeting'
import zhPolicy from './zh-CN/policy'
import zhPeriod from './zh-CN/period'
import zhFamily from './zh-CN/family'
import zhTimeline from './zh-CN/timeline'
import zhRules from './zh-CN/rules'
import zhHelp from './zh-CN/help'
import zhWarning from './zh-CN/warning'
import zhVisit from './zh-CN/visit'
import zhUnitwork from './zh-CN/unitwork'
import zhBases from './zh-CN/bases'
import zhExport from './zh-CN/export.json'
import zhNeeds from './zh-CN/needs'
import zhEmployment from './zh-CN/employment'
import zhAssistance from './zh-CN/assistance'
import zhAllowance from './zh-CN/allowance'
import enCommon from './en/common'
import enPerson from './en/person'
import enAdmin from './en/admin'
import enAudit from './en/audit'
import enTask from './en/task'
import enDocument from './en/document'
import enTransfer from './en/transfer'
import enMeeting from './en/meeting'
import enPolicy from './en/policy'
import enPeriod from './en/period'
import enWarning from './en/warning'
import enFamily from './en/family'
import enTimeline from './en/timeline'
import enRules from './en/rules'
import enHelp from './en/help'
import enVisit from './en/visit'
import enUnitwork from './en/unitwork'
import enBases from './en/bases'
import enExport from './en/export.json'
import enNeeds from './en/needs'
import enEmployment from './en/employment'
import enAssistance from './en/assistance'
import enAllowance from './en/allowance'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
/** Each language by its own name, whatever the current language (not translated). */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' }

const zhCN = { ...zhCommon, person: zhPerson, admin: zhAdmin, audit: zhAudit, task: zhTask, document: zhDocument, transfer: zhTransfer, meeting: zhMeeting, policy: zhPolicy, period: zhPeriod, family: zhFamily, timeline: zhTimeline, rules: zhRules, help: zhHelp, visit: zhVisit, warning: zhWarning, unitwork: zhUnitwork, export: zhExport, needs: zhNeeds, employment: zhEmployment, bases: zhBases, assistance: zhAssistance, allowance: zhAllowance }
export type MessageSchema = typeof zhCN

export const messages: Record<Locale, MessageSchema> = {
  'zh-CN': zhCN,
  en: { ...enCommon, person: enPerson, admin: enAdmin, audit: enAudit, task: enTask, document: enDocument, transfer: enTransfer, meeting: enMeeting, policy: enPolicy, period: enPeriod, family: enFamily, timeline: enTimeline, rules: enRules, help: enHelp, visit: enVisit, warning: enWarning, unitwork: enUnitwork, export: enExport, needs: enNeeds, employment: enEmployment, bases: enBases, assistance: enAssistance, allowance: enAllowance },
}

const STORAGE_KEY = 'anbang.locale'

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages,
})

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l
  document.documentElement.lang = l
  try {
    localStorage.setItem(STORAGE_KEY, l)
  } catch {
    /* storage unavailable */
  }
}

/** t() for code outside components (stores, http error mapping). */
export const t = i18n.global.t
