/**
 * The dependency rules of docs/architecture.md, checked in CI (npm run deps):
 * domain → nothing of ours; contract → domain; app → domain, contract, store; http → app, contract (types
 * of the store only); cli → anything but web;
 * web → contract only; no cycles anywhere.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      comment:
        'The clinical core imports nothing of ours outside src/domain, and no Node built-ins (no I/O).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node_modules/zod'] },
    },
    {
      name: 'contract-depends-on-domain-only',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '^src/domain/', '^node_modules/zod'] },
    },
    {
      name: 'app-not-on-delivery',
      comment: 'Use cases never import the CLI, HTTP or web layers.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(cli|http|web)/' },
    },
    {
      name: 'http-through-use-cases',
      comment: 'Routes call use cases; they never query the store themselves.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/store/', dependencyTypes: ['local', 'npm'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-not-on-app-or-delivery',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(app|cli|http|web)/' },
    },
    {
      name: 'web-uses-contract-only',
      comment:
        'The browser code imports the contract (and, through it, pure domain functions) and libraries only.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { pathNot: ['^src/web/', '^src/contract/', '^node_modules/'] },
    },
    {
      name: 'no-orm-in-business-logic',
      severity: 'error',
      from: { path: '^src/(domain|app|contract)/' },
      to: { path: 'node_modules/(drizzle-orm|pg|@electric-sql)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
