// A section of the person file that a link opens by its hash (/persons/1#consent from 宣传材料,
// #education from a session's attendees): once the section has loaded, it scrolls into view.
import { nextTick, type Ref } from 'vue'
import { useRoute } from 'vue-router'

export function useHashTarget(hash: string, root: Ref<HTMLElement | undefined>): () => Promise<void> {
  const route = useRoute()
  return async () => {
    if (route.hash !== hash) return
    await nextTick()
    root.value?.scrollIntoView({ block: 'start' })
  }
}
