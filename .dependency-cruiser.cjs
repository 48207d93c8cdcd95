/**
 * The dependency rules of docs/architecture.md, checked in CI (npm run deps):
 * domain → nothing of ours; contract → domain; app → domain, contract, store; http → app, contract (types
 * of the store only); cli → anything but web;
 * web → contract only; no cycles anywhere, not even between folders: app areas (src/app/<area>/) and the
 * folders of the domain (src/domain/<folder>/) depend on each other in one direction only.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-folder-cycles',
      comment:
        'No loop between the app areas (src/app/<area>/) nor between the folders of the domain: a module-level ' +
        'cycle is not needed for two folders to depend on each other (episodes → worklist → episodes). With ' +
        "scope 'folder' dependency-cruiser collapses the graph to folders (a folder holds everything below it; " +
        'a dependency points at the folder of the imported module) and looks for cycles there.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/(app|domain)/' },
      to: { circular: true },
    },
    {
      name: 'folders-entered-at-the-top',
      comment:
        'Another app area or domain folder is imported through the modules at its top (src/app/<area>/x.ts), ' +
        'never a subfolder of it: folder dependencies point at the folder of the imported module, so an ' +
        'import of src/app/b/sub/x.ts from src/app/a would hide a loop a → b → a from no-folder-cycles.',
      severity: 'error',
      from: { path: '^src/(app|domain)/([^/]+)/' },
      to: { path: '^src/$1/[^/]+/[^/]+/', pathNot: '^src/$1/$2/' },
    },
    {
      name: 'app-shared-below-areas',
      comment:
        "The app's shared modules (actor, errors, services, evaluate-case, policy-catalog, records/) are " +
        'what areas build on: they never import an area.',
      severity: 'error',
      from: { path: '^src/app/(records/|[^/]+$)' },
      to: { path: '^src/app/(?!records/)[^/]+/' },
    },
    {
      name: 'domain-pathway-on-top',
      comment: 'pathway/ uses policy/ and the rest of the core; nothing in the core uses pathway/.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '^src/domain/pathway/' },
      to: { path: '^src/domain/pathway/' },
    },
    {
      name: 'domain-policy-below-pathway',
      comment: 'policy/ uses diary/, coding/, spine/ …; of the core only pathway/ uses policy/.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '^src/domain/(pathway|policy)/' },
      to: { path: '^src/domain/policy/' },
    },
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
