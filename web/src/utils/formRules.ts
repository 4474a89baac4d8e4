// Small building blocks of the record forms' client-side rules (the server checks the same).
import type { FormItemRule } from 'element-plus'
import { pickerDate, todayCST } from './clock'

/** A required field; `message` is called when shown so that it follows the language. */
export function requiredRule(message: () => string, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return { required: true, trigger, message }
}

/** For el-date-picker's disabled-date: days after the server's today cannot be picked. */
export function afterToday(d: Date): boolean {
  return pickerDate(d) > todayCST()
}
