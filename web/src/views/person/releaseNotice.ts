// Pure helpers of the R-PCK-1 notification (释放前通报) on the person's file and of the police
// station's list of coming releases.
import type { NotificationMethod, NotificationRecipient, ReleaseNotificationInput, UpcomingRelease } from '@/api/tasks'

/** The request body, or null while incomplete (no date, no method or no recipient). */
export function notificationInput(f: {
  notified_on: string
  method: NotificationMethod | ''
  recipients: NotificationRecipient[]
  contact: string
  note: string
}): ReleaseNotificationInput | null {
  const recipients = [...new Set(f.recipients)]
  if (!f.notified_on || !f.method || recipients.length === 0) return null
  const body: ReleaseNotificationInput = { notified_on: f.notified_on, method: f.method, recipients }
  if (f.contact.trim()) body.contact = f.contact.trim()
  if (f.note.trim()) body.note = f.note.trim()
  return body
}

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** The tag of the notification task's state on the list of coming releases. */
export function upcomingStateTag(s: UpcomingRelease['task_state']): TagType {
  return s === 'done' ? 'success' : s === 'overdue' ? 'danger' : 'warning'
}

/** Days from `today` to the release (both YYYY-MM-DD). */
export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000)
}
