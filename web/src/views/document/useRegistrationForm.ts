// The state and the submit of a 基本情况登记表 page (发送登记表, 录入邮寄登记表): the models, the
// server errors placed under their fields, the saving flag, and the "leave without sending?" guard.
import { onMounted, reactive, ref, useTemplateRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { onBeforeRouteLeave } from 'vue-router'
import type { FormInstance, FormRules } from 'element-plus'
import { ApiError } from '@/api/http'
import type { RegistrationFormInput } from '@/api/documents'
import { useDictStore } from '@/stores/dicts'
import { errorMessage, showError } from '@/utils/errors'
import { requiredRule } from '@/utils/formRules'
import { emptyPersonForm, formToInput } from '@/views/person/formModel'
import type RegistrationFields from './modules/RegistrationFields.vue'
import { emptyRegistrationForm, formDataToInput, registrationErrorProp } from './data'

/**
 * `own` is the page's own part of the model (e.g. the mail sender and dates) with `ownProps`, the
 * server field names that belong to it → their form props.
 */
export function useRegistrationForm<O extends object>(own: O, ownProps: Record<string, string> = {}) {
  const { t } = useI18n()
  const dicts = useDictStore()
  // The page's template refs `form` (el-form) and `fields` (RegistrationFields).
  const formRef = useTemplateRef<FormInstance>('form')
  const fieldsRef = useTemplateRef<InstanceType<typeof RegistrationFields>>('fields')
  const person = reactive(emptyPersonForm())
  const extra = reactive(emptyRegistrationForm())
  const custody = reactive({ received_into_custody: '' })
  /** One model for el-form (rules and props address its parts by name). */
  const model = reactive({ person, extra, custody, own })
  const serverErrors = reactive<Record<string, string>>({})
  const saving = ref(false)
  const dirty = ref(false)

  const rules: FormRules = {
    'custody.received_into_custody': [requiredRule(() => t('document.send.receivedIntoCustody'), 'change')],
  }

  /** The request body; the release kind is left to the server (the sender's kind) unless asked. */
  function body(withKind = false): RegistrationFormInput {
    const { release_kind, ...p } = formToInput(person)
    return {
      person: withKind && release_kind ? { ...p, release_kind } : p,
      received_into_custody: custody.received_into_custody,
      form: formDataToInput(extra),
    }
  }

  /** Validates, then runs `send`; a server error naming a field goes under it (and as a toast). */
  async function submit(send: () => Promise<void>): Promise<void> {
    if (!formRef.value || saving.value) return
    for (const k of Object.keys(serverErrors)) delete serverErrors[k]
    fieldsRef.value?.touchId()
    if (!(await formRef.value.validate().catch(() => false))) {
      ElMessage.warning(t('person.form.fixErrors'))
      return
    }
    saving.value = true
    try {
      await send()
      dirty.value = false
    } catch (e) {
      const prop = e instanceof ApiError ? registrationErrorProp(e.code, e.field, ownProps) : ''
      if (prop) {
        serverErrors[prop] = ''
        // el-form-item only shows `error` when it changes: clear, then set on the next tick.
        queueMicrotask(() => (serverErrors[prop] = errorMessage(e)))
      }
      showError(e)
    } finally {
      saving.value = false
    }
  }

  watch(model, () => (dirty.value = true), { deep: true })

  onBeforeRouteLeave(async () => {
    if (!dirty.value || saving.value) return true
    try {
      await ElMessageBox.confirm(t('document.send.leaveConfirm'), t('msg.confirmTitle'), {
        type: 'warning',
        confirmButtonText: t('action.confirm'),
        cancelButtonText: t('action.cancel'),
      })
      return true
    } catch {
      return false
    }
  })

  onMounted(() => {
    void Promise.all([dicts.loadEthnicGroups(), dicts.loadEducationLevels(), dicts.loadCharges(), dicts.loadUnits()]).catch(showError)
    setTimeout(() => (dirty.value = false))
  })

  return { person, extra, custody, model, rules, serverErrors, saving, body, submit }
}
