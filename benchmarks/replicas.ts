/**
 * Throughput with one API process and with two (`API_REPLICAS=2`), each the compiled API as
 * production runs it, on the stack's Temporal server, PostgreSQL and worker: the same lifecycles
 * through one replica, then spread over both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SECRET, type Stack, waitFor } from '../tests/support/api';
import { freePort } from '../tests/support/processes';
import { type Throughput, throughApi } from './lifecycle';

async function apiProcess(stack: Stack): Promise<{ replica: Stack; child: ChildProcess }> {
  const main = path.resolve(__dirname, '../dist/apps/api/src/main.js');
  if (!fs.existsSync(main)) throw new Error('no build in dist/: run `npm run build` first');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), TEMPORAL_ADDRESS: stack.env.address, DATABASE_URL: stack.db.url, API_TOKEN_SECRET: SECRET, LOG_LEVEL: 'error', TEMPORAL_TIMEOUT_MS: '60000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const up = await waitFor(() => fetch(`${base}/healthz`).then((r) => r.ok, () => false), (ok) => ok, 30_000);
  if (!up) throw new Error(`the API process on ${port} did not answer`);
  return { replica: { ...stack, base }, child };
}

export async function replicaThroughput(stack: Stack, clients: number, proposals: number, firstNumber: number): Promise<{ one: Throughput; two: Throughput }> {
  const started = await Promise.all([apiProcess(stack), apiProcess(stack)]);
  try {
    const [a, b] = started.map((s) => s.replica) as [Stack, Stack];
    const one = await throughApi(a, clients, proposals, firstNumber);
    const two = await throughApi([a, b], clients, proposals, firstNumber + proposals);
    return { one, two };
  } finally {
    for (const { child } of started) child.kill('SIGTERM');
    await Promise.all(started.map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
  }
}
