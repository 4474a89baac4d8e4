import { describe, expect, it } from 'vitest'
import { daysUntil, notificationInput, upcomingStateTag } from './releaseNotice'

describe('R-PCK-1 notification helpers', () => {
  const base = { notified_on: '2026-11-20', method: 'phone' as const, recipients: ['township', 'police_station'] as ('township' | 'police_station')[], contact: ' 张主任 ', note: '' }

  it('builds the body only when complete', () => {
    expect(notificationInput({ ...base, method: '' })).toBeNull()
    expect(notificationInput({ ...base, notified_on: '' })).toBeNull()
    expect(notificationInput({ ...base, recipients: [] })).toBeNull()
    expect(notificationInput(base)).toEqual({ notified_on: '2026-11-20', method: 'phone', recipients: ['township', 'police_station'], contact: '张主任' })
  })

  it('names each recipient once', () => {
    expect(notificationInput({ ...base, recipients: ['township', 'township'] })?.recipients).toEqual(['township'])
  })

  it('colours the task state and counts the days to the release', () => {
    expect(upcomingStateTag('done')).toBe('success')
    expect(upcomingStateTag('overdue')).toBe('danger')
    expect(upcomingStateTag('open')).toBe('warning')
    expect(daysUntil('2026-11-26', '2026-12-01')).toBe(5)
    expect(daysUntil('2026-12-31', '2027-01-01')).toBe(1)
  })
})
