// Small building blocks of the record forms' client-side rules (the server checks the same).
import type { FormItemRule } from 'element-plus'
import { t } from '@/locales'
import { pickerDate, todayCST } from './clock'

/**
 * How a required field is filled in: 'blur' for what is typed (checked when the input loses focus,
 * "请填写…"), 'change' for what is picked — drop-downs, dates, unit trees ("请选择…").
 */
export type RequiredTrigger = 'blur' | 'change'

/** The message of an empty required field named `field`. */
export function requiredMessage(field: string, trigger: RequiredTrigger = 'blur'): string {
  return t(trigger === 'change' ? 'form.pick' : 'form.fill', { field })
}

/** A required field; `field` (its label) is called when shown so that it follows the language. */
export function requiredRule(field: () => string, trigger: RequiredTrigger = 'blur'): FormItemRule {
  return { required: true, trigger, message: () => requiredMessage(field(), trigger) }
}

/** For el-date-picker's disabled-date: days after the server's today cannot be picked. */
export function afterToday(d: Date): boolean {
  return pickerDate(d) > todayCST()
}
