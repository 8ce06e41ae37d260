/** docker-compose.yml is documentation no engine runs here, so what it must agree with the code on is checked here. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readApiConfig } from '../../apps/api/src/config';
import { cliSearchAttributes } from '../../workflows/search-attributes';

const compose = fs.readFileSync(path.resolve(__dirname, '../../docker-compose.yml'), 'utf8');

test('docker-compose registers exactly the search attributes the workflow upserts, with their types', () => {
  const names = [...compose.matchAll(/--name=(\w+)/g)].map((m) => m[1]);
  const types = [...compose.matchAll(/--type=(\w+)/g)].map((m) => m[1]);
  expect(names.map((n, i) => `${n}=${types[i]}`)).toEqual(cliSearchAttributes());
});

test('the workers start only after the search attributes are registered', () => {
  const worker = compose.slice(compose.indexOf('\n  worker:'), compose.indexOf('\n  dispatcher:'));
  expect(worker).toMatch(/temporal-search-attributes: \{ condition: service_completed_successfully \}/);
});

test("the API's environment in the compose file is one the API starts with (empty values taken as unset)", () => {
  const api = compose.slice(compose.indexOf('\n  api:'));
  const env = Object.fromEntries(
    [...api.slice(api.indexOf('environment:'), api.indexOf('ports:')).matchAll(/^\s+([A-Z_]+): (.*)$/gm)].map((m) => [m[1]!, m[2]!.replace(/^"|"$/g, '').replace(/\$\{([A-Z_]+):-([^}]*)\}/g, '$2').replace(/\$\{[A-Z_]+:\?[^}]*\}/g, 'a-secret-of-at-least-thirty-two-characters')]),
  );
  const config = readApiConfig(env);
  expect([config.COOKIE_SECURE, config.TEMPORAL_UI_URL, config.OIDC_ISSUER, config.PORT]).toEqual([true, 'http://localhost:8233', undefined, 3000]);
  // The Docker build runs `npm run build`, which generates the console's API types from scripts/.
  expect(fs.readFileSync(path.resolve(__dirname, '../../Dockerfile'), 'utf8')).toMatch(/^COPY scripts scripts$/m);
});
