/** docker-compose.yml is documentation no engine runs here, so what it must agree with the code on is checked here. */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
