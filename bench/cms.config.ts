// The site the benchmark seeds and serves: the blog and its editorial workflow (pathauto and the
// greeting example are left out: they add nothing to the measured pages). The response cache is
// on (the default) unless CMS_BENCH_CACHE=off, which the harness sets for the uncached scenarios.
import { defineConfig } from '../core/index.js'

export default defineConfig({
  modules: ['blog', 'editorial'],
  cache: { enabled: process.env.CMS_BENCH_CACHE !== 'off' }
})
