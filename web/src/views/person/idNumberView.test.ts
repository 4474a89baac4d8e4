import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { useIdNumberView } from './idNumberView'

describe('the ID number on the person file', () => {
  it('is masked for a user without person:id_full, who is offered no way to unmask it', async () => {
    const fetchFull = vi.fn(async () => '500153198806150013')
    const v = useIdNumberView(() => '5001**********0013', () => false, fetchFull)
    expect(v.shown.value).toBe('5001**********0013')
    expect(v.canUnmask.value).toBe(false)
    await v.unmask()
    expect(fetchFull).not.toHaveBeenCalled()
    expect(v.shown.value).toBe('5001**********0013')
  })

  it('is masked by default with person:id_full too; each unmasking asks the server again', async () => {
    const fetchFull = vi.fn(async () => '500153198806150013')
    const v = useIdNumberView(() => '5001**********0013', () => true, fetchFull)
    expect(v.shown.value).toBe('5001**********0013')
    expect(v.canUnmask.value).toBe(true)
    await v.unmask()
    expect(v.shown.value).toBe('500153198806150013')
    expect(v.unmasked.value).toBe(true)
    expect(v.canUnmask.value).toBe(false)
    v.mask()
    expect(v.shown.value).toBe('5001**********0013')
    await v.unmask()
    expect(fetchFull).toHaveBeenCalledTimes(2)
  })

  it('offers nothing for a file without a number, and stays masked when the server refuses', async () => {
    const none = useIdNumberView(() => null, () => true, vi.fn())
    expect(none.shown.value).toBe('')
    expect(none.canUnmask.value).toBe(false)
    const masked = ref('5001**********0013')
    const refusing = useIdNumberView(() => masked.value, () => true, async () => { throw new Error('403') })
    await expect(refusing.unmask()).rejects.toThrow('403')
    expect(refusing.shown.value).toBe('5001**********0013')
    expect(refusing.loading.value).toBe(false)
  })
})
