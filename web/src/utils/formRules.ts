// Small building blocks of the record forms' client-side rules (the server checks the same).
import type { FormItemRule } from 'element-plus'
import { todayCst } from './idNumber'

/** A required field; `message` is called when shown so that it follows the language. */
export function requiredRule(message: () => string, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return { required: true, trigger, message }
}

/** For el-date-picker's disabled-date: days after today (China Standard Time) cannot be picked. */
export function afterToday(d: Date): boolean {
  return todayCst(d) > todayCst()
}
