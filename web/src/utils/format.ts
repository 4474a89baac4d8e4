import { serverNow } from './clock'

export { formatInstant } from './clock'

/** True while `locked_until` is in the future (by the server's clock). */
export function isLocked(lockedUntil: string | null | undefined, now: Date = serverNow()): boolean {
  if (!lockedUntil) return false
  const t = new Date(lockedUntil).getTime()
  return !Number.isNaN(t) && t > now.getTime()
}

/** Saves a Blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
