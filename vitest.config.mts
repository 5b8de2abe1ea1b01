import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    {
      // electron-vite's `?modulePath` import (a worker's built file) resolves, under vitest, to the
      // source file itself; tests that start the worker run it through tsx.
      name: 'factdesk-module-path',
      enforce: 'pre',
      resolveId(id, importer) {
        if (!id.endsWith('?modulePath') || !importer) return null
        return `\0module-path:${resolve(importer, '..', id.slice(0, -'?modulePath'.length))}.ts`
      },
      load(id) {
        return id.startsWith('\0module-path:')
          ? `export default ${JSON.stringify(id.slice('\0module-path:'.length))}`
          : null
      },
    },
  ],
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'out/**'],
    testTimeout: 30_000,
  },
})
