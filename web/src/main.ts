import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './locales'
import { installHttpHooks, router } from './router'
import './styles/index.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
installHttpHooks()
app.use(router)
app.mount('#app')
