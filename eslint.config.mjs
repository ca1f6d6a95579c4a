import nx from '@nx/eslint-plugin';

// Things no domain, application or contracts code may import: they are I/O and belong in adapters/handlers.
const infrastructureImports = ['dynamoose', '@aws-sdk/*', '@middy/*', '@aws-lambda-powertools/*', 'aws-lambda'];

// Node's I/O modules are not packages, so the boundary rule cannot ban them; no-restricted-imports does.
const nodeIoModules = ['fs', 'fs/promises', 'http', 'https', 'net', 'child_process', 'dgram'].flatMap((m) => [
  m,
  `node:${m}`,
]);

// Which scope may depend on which; services only ever reach shared and platform code.
const services = ['orders', 'inventory', 'notifications', 'catalog'];
const scopeConstraints = [
  ...services.map((service) => ({
    sourceTag: `scope:${service}`,
    onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared', 'scope:platform'],
  })),
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
  {
    sourceTag: 'scope:local-cloud',
    onlyDependOnLibsWithTags: ['scope:local-cloud', 'scope:platform', 'scope:shared'],
  },
];

// A service's tests may start DynamoDB Local (the local cloud's DynamoDB project is tagged role:test-database);
// its production code may not reach the local cloud.
const testScopeConstraints = scopeConstraints.map((constraint) =>
  services.some((service) => constraint.sourceTag === `scope:${service}`)
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'role:test-database'] }
    : constraint,
);

const moduleBoundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    banTransitiveDependencies: false,
    checkDynamicDependenciesExceptions: [],
    allow: [],
    depConstraints: [...constraints, ...typeConstraints],
  },
];

// The hexagon: handler -> application -> domain, adapters implement application ports.
const typeConstraints = [
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
    bannedExternalImports: infrastructureImports,
  },
  {
    sourceTag: 'type:application',
    onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contracts'],
    bannedExternalImports: infrastructureImports,
  },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:contracts'],
    bannedExternalImports: infrastructureImports,
  },
  {
    sourceTag: 'type:adapter',
    onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contracts', 'type:platform'],
  },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts'],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:application',
      'type:adapter',
      'type:domain',
      'type:contracts',
      'type:platform',
      'type:tooling',
    ],
  },
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: ['type:tooling', 'type:platform', 'type:contracts', 'type:domain'],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', 'tmp', '**/.terraform', '**/.data'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(scopeConstraints),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'libs/*/domain/src/**/*.ts',
      'libs/*/application/src/**/*.ts',
      'libs/contracts/src/**/*.ts',
      'libs/shared/kernel/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeIoModules.map((name) => ({
            name,
            message: 'Domain, application and contracts code does no I/O: use a port.',
          })),
        },
      ],
    },
  },
  // The API Gateway's three API types share its core and never reach into each other (nor the core into them).
  ...['core', 'rest', 'http', 'websocket'].map((part) => ({
    files: [`libs/local-cloud/api-gateway/src/${part}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['rest', 'http', 'websocket'].filter((other) => other !== part).map((other) => `**/${other}/**`),
              message: 'The API types import only the shared core (../core), never each other; the core none of them.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': moduleBoundaries(testScopeConstraints),
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
