// The site: which modules are enabled and how the CMS runs. Environment variables (CMS_*)
// override these values; see README.md.
import { defineConfig } from './core/index.js'

export default defineConfig({
  modules: ['blog', 'editorial', 'pathauto', 'greeting']
})
