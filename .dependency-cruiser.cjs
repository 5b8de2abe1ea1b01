/**
 * Import circles in src fail `npm run lint` (and so `npm test`). Type-only imports count
 * (tsPreCompilationDeps): a type circle still ties two modules together and is the first step to a
 * runtime one. Which folder may import which is eslint's job (LAYERS in eslint.config.mjs).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other in a circle (type-only imports included). See docs/architecture.md.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-is-a-leaf',
      severity: 'error',
      comment:
        'core/db (the review file, schema, migrations, rows, query helper) imports no feature of core, only core/lib.',
      from: { path: '^src/core/db/' },
      to: { path: '^src/core/', pathNot: '^src/core/(db|lib)/' },
    },
    {
      name: 'lib-is-a-leaf',
      severity: 'error',
      comment: 'core/lib (names, temporary files, serving rules) is below everything else in core.',
      from: { path: '^src/core/lib/' },
      to: { path: '^src/core/', pathNot: '^src/core/lib/' },
    },
    {
      name: 'handlers-only-through-registry',
      severity: 'error',
      comment:
        "Only a feature's handlers.ts (and the composition) may import the handler registry; features never import the service or the app.",
      from: { path: '^src/core/', pathNot: '^src/core/([^/]+/handlers|service|app|registry)\\.ts$' },
      to: { path: '^src/core/(registry|service|app)\\.ts$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
  },
}
