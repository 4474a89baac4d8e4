// The web app's clock: China Standard Time computed in one function (cstParts), and "now" / "today"
// taken from the server, never from the browser's clock or time zone. The server tells its time on
// GET /auth/me and POST /auth/login (`now`, `today`, `today_overridden`: `--today` for tests and
// demonstrations); until then the browser's clock stands in.
import { ref } from 'vue'
import type { CivilDate } from '@/api/types'

/** Fixed UTC+8, no summer time, as the server counts days (DOMAIN.md §2 "Dates"). */
const CST_OFFSET_MS = 8 * 3600_000

export interface CstParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** The one conversion of an instant to China Standard Time, whatever the browser's zone. */
export function cstParts(instant: Date): CstParts {
  const d = new Date(instant.getTime() + CST_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
}

const p2 = (n: number) => String(n).padStart(2, '0')

/** The civil date (YYYY-MM-DD) of an instant in China Standard Time. */
export function cstDate(instant: Date): CivilDate {
  const p = cstParts(instant)
  return `${String(p.year).padStart(4, '0')}-${p2(p.month)}-${p2(p.day)}`
}

/** An instant (ISO 8601) in China Standard Time, "YYYY-MM-DD HH:mm:ss"; '' for none, the text itself
 *  if it is not an instant. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = cstParts(d)
  return `${cstDate(d)} ${p2(p.hour)}:${p2(p.minute)}:${p2(p.second)}`
}

/** The civil date a date picker cell stands for. Element Plus hands disabled-date the cell's day at
 *  local midnight, so its local fields are the date (no time zone conversion). */
export function pickerDate(d: Date): CivilDate {
  return `${String(d.getFullYear()).padStart(4, '0')}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`
}

/** Server time minus browser time, in milliseconds (0 until the server has told its time). */
let offsetMs = 0
/** True while the server runs with a chosen today (`--today`); the header shows a badge. */
export const todayOverridden = ref(false)

/** What the server says about its time (fields of GET /auth/me, GET /healthz). */
export interface ServerTime {
  now?: string
  today?: CivilDate
  today_overridden?: boolean
}

/** Takes the server's time as the app's: `receivedAt` is the browser's clock when it arrived. */
export function syncServerClock(t: ServerTime, receivedAt: number = Date.now()): void {
  const serverMs = t.now ? new Date(t.now).getTime() : Number.NaN
  if (!Number.isNaN(serverMs)) offsetMs = serverMs - receivedAt
  todayOverridden.value = t.today_overridden === true
}

/** Forgets the server's time (tests). */
export function resetServerClock(): void {
  offsetMs = 0
  todayOverridden.value = false
}

/** The server's current instant. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs)
}

/** Today (YYYY-MM-DD) by the server, in China Standard Time. */
export function todayCST(now: Date = serverNow()): CivilDate {
  return cstDate(now)
}
