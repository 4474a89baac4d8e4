import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cstDate, formatInstant, pickerDate, resetServerClock, serverNow, syncServerClock, todayCST, todayOverridden } from './clock'
import { afterToday } from './formRules'
import { isLocked } from './format'

// Node applies a new TZ at once: these tests run the browser in zones far from China's.
const ZONES = ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai']
const savedTz = process.env.TZ

describe('China Standard Time, whatever the browser zone', () => {
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ
    else process.env.TZ = savedTz
  })

  for (const zone of ZONES) {
    it(`shows instants and dates in China Standard Time (browser in ${zone})`, () => {
      process.env.TZ = zone
      if (zone === 'America/Los_Angeles') expect(new Date('2026-11-26T00:00:00Z').getHours()).toBe(16) // TZ is in force
      expect(formatInstant('2026-06-30T16:30:05Z')).toBe('2026-07-01 00:30:05')
      expect(formatInstant('2026-06-30T15:59:59Z')).toBe('2026-06-30 23:59:59')
      expect(cstDate(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26')
      expect(cstDate(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25')
      expect(todayCST(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
    })

    it(`reads a date picker's day as the day shown (browser in ${zone})`, () => {
      process.env.TZ = zone
      // Element Plus gives disabled-date the cell's day at local midnight.
      expect(pickerDate(new Date(2026, 10, 27))).toBe('2026-11-27')
      expect(pickerDate(new Date(2027, 0, 1))).toBe('2027-01-01')
    })
  }

  it('keeps instants that are not ISO text as they are', () => {
    expect(formatInstant('')).toBe('')
    expect(formatInstant(null)).toBe('')
    expect(formatInstant('soon')).toBe('soon')
  })
})

describe("the server's today", () => {
  beforeEach(() => resetServerClock())
  afterEach(() => {
    resetServerClock()
    if (savedTz === undefined) delete process.env.TZ
    else process.env.TZ = savedTz
  })

  it('follows the server clock, not the browser clock', () => {
    // The server runs with --today 2027-01-15 (10:00 China Standard Time) whatever the browser says.
    syncServerClock({ now: '2027-01-15T02:00:00Z', today: '2027-01-15', today_overridden: true }, Date.now())
    expect(Math.abs(serverNow().getTime() - Date.parse('2027-01-15T02:00:00Z'))).toBeLessThan(5_000)
    expect(todayOverridden.value).toBe(true)
  })

  it("gives today's date by the server", () => {
    const now = Date.now()
    syncServerClock({ now: '2027-01-15T02:00:00Z', today: '2027-01-15', today_overridden: true }, now)
    expect(todayCST()).toBe('2027-01-15')
    syncServerClock({ now: '2026-11-26T15:59:00Z', today: '2026-11-26', today_overridden: false }, Date.now())
    expect(['2026-11-26', '2026-11-27']).toContain(todayCST()) // a minute before midnight
    expect(todayOverridden.value).toBe(false)
  })

  it('forbids picking days after the server today in any browser zone', () => {
    syncServerClock({ now: '2027-01-15T02:00:00Z', today: '2027-01-15', today_overridden: true }, Date.now())
    for (const zone of ZONES) {
      process.env.TZ = zone
      expect(afterToday(new Date(2027, 0, 15)), zone).toBe(false)
      expect(afterToday(new Date(2027, 0, 16)), zone).toBe(true)
      expect(afterToday(new Date(2026, 11, 31)), zone).toBe(false)
    }
  })

  it('tells a lock in force by the server clock', () => {
    syncServerClock({ now: '2027-01-15T02:00:00Z', today: '2027-01-15', today_overridden: true }, Date.now())
    expect(isLocked('2027-01-15T02:05:00Z')).toBe(true)
    expect(isLocked('2027-01-15T01:55:00Z')).toBe(false)
  })
})
