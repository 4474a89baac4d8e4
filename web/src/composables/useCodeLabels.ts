import { useI18n } from 'vue-i18n'
import { codeLabel, roleLabel, summaryLabels, type Lookup } from '@/utils/codeLabels'

/** The code-label helpers of utils/codeLabels over the current language. */
export function useCodeLabels() {
  const { t, te } = useI18n()
  const lookup: Lookup = (key) => (te(key) ? t(key) : undefined)
  // Timeline summaries are Chinese text written by the server: their codes are named in Chinese.
  const zhLookup: Lookup = (key) => (te(key, 'zh-CN') ? t(key, {}, { locale: 'zh-CN' }) : undefined)
  return {
    codeLabel: (field: string, value: string) => codeLabel(lookup, field, value),
    roleLabel: (role: { code: string; name: string } | null | undefined) => roleLabel(lookup, role),
    summaryLabels: (summary: string) => summaryLabels(zhLookup, summary),
  }
}
