/** Jest runs the TypeScript sources through SWC; type checking is `npm run typecheck`. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } }];
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  // jose ships only ES modules: SWC turns them into CommonJS for Jest's module system.
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testMatch: [`<rootDir>/tests/${name}/**/*.spec.ts`],
  ...extra,
});
module.exports = {
  // Two cores: server-backed suites each start their own Temporal server.
  maxWorkers: 2,
  testTimeout: 120000,
  projects: [project('unit'), project('workflow'), project('integration'), project('api'), project('replay'), project('console'), project('slow')],
};
