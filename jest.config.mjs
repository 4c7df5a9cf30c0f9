// jest runs in ESM mode (node --experimental-vm-modules): NestJS 12 is ESM-only and Node 20
// cannot load it from jest's CommonJS sandbox. swc strips types; `tsc --noEmit` type-checks.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/(config|database|sms|common)$': '<rootDir>/libs/$1/src',
    // @fastify/static (CommonJS) requires content-disposition 3, which is ESM-only; Node 20.19
    // loads that natively, jest's sandbox cannot. Version 1 has the same API in CommonJS.
    '^content-disposition$': '<rootDir>/node_modules/content-disposition-cjs',
  },
  testEnvironment: 'node',
};

export default {
  // Per-test budget; end-to-end files boot a whole app and database (projects cannot set it).
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
