/**
 * schemathesis (from the project's venv) against the served OpenAPI document, as the committee,
 * a bureau officer and a member: no answer is a 5xx, every answer is one the document lists with
 * the schema it gives, schema-valid data is never refused as malformed, and malformed data always
 * is. Bounded: a few examples per operation and phase, and a time budget.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { type Stack, startStack } from '../support/api';

const here = __dirname;
const schemathesis = path.resolve(here, '../../.venv/bin/schemathesis');
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(schemathesis, args, { env: { ...process.env, SCHEMATHESIS_HOOKS: path.join(here, 'schemathesis_hooks.py'), NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function failuresOf(output: string): string {
  const failures = /={3,} FAILURES ={3,}[\s\S]*?(?=={3,} SUMMARY)/.exec(output)?.[0] ?? output.slice(-4000);
  return `${failures}\n${/^\s*Seed: .*$/m.exec(output)?.[0] ?? ''}`;
}

const ALL_CHECKS = 'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection,positive_data_acceptance';

async function schemathesisRun(principalId: string, phases: string, checks: string, seconds: number, workers = 2) {
  const { code, output } = await run([
    ...['--config-file', path.join(here, 'schemathesis.toml'), 'run', `${stack.base}/openapi.json`],
    ...['-H', `Authorization: Bearer ${stack.token(principalId)}`, '--phases', phases, '--checks', checks],
    ...['--max-examples', process.env.SCHEMATHESIS_EXAMPLES ?? '8', '--max-time', String(seconds), '--workers', String(workers), '--request-timeout', '20', '--no-color'],
  ]);
  // On failure the whole report, and the failing cases (each with a curl line to reproduce it)
  // and the seed again in the assertion, the end of the log, which a log cut short still shows.
  if (code !== 0) console.log(output);
  expect({ code, failures: code === 0 ? '' : failuresOf(output) }).toEqual({ code: 0, failures: '' });
}

test.each([
  ['the committee', 'committee-clerk', 120],
  ['a bureau officer', 'drc-officer', 60],
  ['a member', 'wang-fengjie', 60],
])('schemathesis as %s: no 5xx, every answer as documented, valid data taken and invalid refused', async (_who, principalId, seconds) => {
  await schemathesisRun(principalId, 'examples,fuzzing,stateful', ALL_CHECKS, seconds);
}, 300_000);

// The coverage phase draws boundary values without the hooks' filters, so the rules no schema
// keyword can say (unique ids inside a list) would count as valid data refused: every other check.
test('schemathesis coverage phase as the committee: boundary values, no 5xx, answers as documented', async () => {
  // One worker: hypothesis describes the coverage phase's strategies by parsing their source, and
  // two threads doing it at once fail inside hypothesis ("AST constructor recursion depth mismatch").
  await schemathesisRun('committee-clerk', 'coverage', ALL_CHECKS.replace(',positive_data_acceptance', ''), 120, 1);
}, 300_000);
