/**
 * The whole stack for HTTP tests: a real Temporal dev server (from the venv), a real PostgreSQL
 * database, a real worker, and the API listening on a free loopback port.
 */
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createApi } from '../../apps/api/src/app';
import { loadDirectory } from '../../apps/api/src/auth/principals';
import { mintToken } from '../../apps/api/src/auth/tokens';
import { type ApiConfig, readApiConfig } from '../../apps/api/src/config';
import { TASK_QUEUE } from '../../workflows/messages';
import { createProposalWorker } from '../../apps/worker/src/worker';
import { seedDirectory } from '../../seeds/reference-case';
import { type TestDatabase, createTestDatabase } from './database';
import { devServerEnv } from './temporal';

export const SECRET = 'test-secret-test-secret-test-secret-0123';

export interface Stack {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  config: ApiConfig;
  app: INestApplication;
  base: string;
  token(principalId: string): string;
  /** Stops the API and starts a new one on the same stores: "across API restarts". */
  restartApi(): Promise<void>;
  /** Stops the worker (as a crash would leave the task queue: nobody polling), and starts a new one. */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  /** Stops the Temporal server for good (it keeps its state in memory). */
  stopTemporal(): Promise<void>;
  stop(): Promise<void>;
}

/** The API as tests run it: on a free port, quiet, tokens signed with `secret`. */
export function testApiConfig(temporalAddress: string, databaseUrl: string, overrides: Partial<ApiConfig> = {}, secret = SECRET): ApiConfig {
  // The service's own defaults, as it reads its environment; errors logged, so a 500 in a test names its cause.
  const config = readApiConfig({ HOST: '127.0.0.1', PORT: '0', TEMPORAL_ADDRESS: temporalAddress, DATABASE_URL: databaseUrl, API_TOKEN_SECRET: secret, LOG_LEVEL: 'error' });
  return { ...config, ...overrides };
}

export async function startStack(overrides: Partial<ApiConfig> = {}): Promise<Stack> {
  const [env, db] = await Promise.all([devServerEnv(), createTestDatabase()]);
  const directory = {
    ...seedDirectory(),
    units: [...seedDirectory().units, { id: 'smx-edu', name: '三门峡市教育局', kind: 'bureau' as const }, { id: 'smx-fgw', name: '三门峡市发展改革和数据局', kind: 'bureau' as const }],
    people: [
      ...seedDirectory().people,
      { id: 'edu-officer', name: '市教育局经办人', role: 'officer' as const, unitId: 'smx-edu' },
      // The unit a reorganisation (机构改革) merges the DRC into.
      { id: 'fgw-officer', name: '新发改委经办人', role: 'officer' as const, unitId: 'smx-fgw' },
      { id: 'another-member', name: '另一位委员', role: 'proposer' as const },
    ],
  };
  await loadDirectory(db.pool, directory);
  // Signed once here (jose signs asynchronously), so tests can write a header in one expression.
  const tokens = new Map(await Promise.all(directory.people.map(async (p) => [p.id, await mintToken(p.id, SECRET)] as const)));
  const newWorker = () => createProposalWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: TASK_QUEUE, activities: createActivities(db.pool, env.client) });
  let worker: Worker | undefined = await newWorker();
  let running = worker.run();
  let temporalStopped: Promise<void> | undefined;
  const config = testApiConfig(env.address, db.url, overrides);
  const stack: Stack = {
    env,
    db,
    config,
    app: await createApi(config),
    base: '',
    token: (id) => tokens.get(id) ?? fail(`no token for ${id}: not in the test directory`),
    async restartApi() {
      await stack.app.close();
      stack.app = await createApi(config);
      await stack.app.listen(0, '127.0.0.1');
      stack.base = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    async stopWorker() {
      worker?.shutdown();
      await running;
      worker = undefined;
    },
    async startWorker() {
      worker = await newWorker();
      running = worker.run();
    },
    async stopTemporal() {
      await stack.stopWorker();
      temporalStopped ??= env.teardown();
      await temporalStopped;
    },
    async stop() {
      // A client the test left connected (a browser's keep-alive) must not hold the close: cut it after a grace.
      const server = stack.app.getHttpServer() as import('node:http').Server;
      const cut = setTimeout(() => server.closeAllConnections(), 3000);
      await stack.app.close();
      clearTimeout(cut);
      await stack.stopTemporal();
      await db.drop();
    },
  };
  await stack.app.listen(0, '127.0.0.1');
  stack.base = await stack.app.getUrl();
  return stack;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

let keys = 0;
/** A fresh Idempotency-Key per call unless one is given. */
export const newKey = () => `test-key-${process.pid}-${Date.now()}-${keys++}`;

/** The versions each principal's own actions made on each stack: sent with their reads, as a client of the API does (read-your-writes). */
const seenBy = new WeakMap<Stack, Map<string, Map<string, number>>>();

function seenVersions(stack: Stack, as: string): Map<string, number> {
  const byPrincipal = seenBy.get(stack) ?? new Map<string, Map<string, number>>();
  seenBy.set(stack, byPrincipal);
  const seen = byPrincipal.get(as) ?? new Map<string, number>();
  byPrincipal.set(as, seen);
  return seen;
}

export async function http(stack: Stack, method: string, path: string, o: { as?: string; body?: unknown; rawBody?: string; key?: string | null; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.as) headers.authorization = `Bearer ${stack.token(o.as)}`;
  const seen = o.as ? seenVersions(stack, o.as) : undefined;
  if (method === 'GET' && seen && seen.size > 0 && !('seen-versions' in headers)) headers['seen-versions'] = [...seen].map(([id, v]) => `${id}@${v}`).join(',');
  if (method === 'POST' && o.key !== null) headers['idempotency-key'] = o.key ?? newKey();
  if (o.body !== undefined || o.rawBody !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${stack.base}${path}`, { method, headers, body: o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  const answer = (body ?? {}) as { proposalId?: unknown; version?: unknown };
  if (seen && method === 'POST' && res.ok && typeof answer.proposalId === 'string' && typeof answer.version === 'number') {
    seen.delete(answer.proposalId);
    seen.set(answer.proposalId, answer.version);
    if (seen.size > 20) seen.delete(seen.keys().next().value!);
  }
  return { status: res.status, body, headers: res.headers };
}

/** Reads until the answer is as expected (a projection or a signal lands a moment later), or gives up after ten seconds. */
export async function waitFor<T>(probe: () => Promise<T>, ok: (t: T) => boolean, ms = 10_000): Promise<T> {
  let last = await probe();
  for (let i = 0; i < ms / 100 && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

/** One stack for a whole test file, started before its tests and stopped after them. */
export function useStack(overrides: Partial<ApiConfig> = {}): { readonly current: Stack } {
  const holder = { current: undefined as unknown as Stack };
  beforeAll(async () => {
    holder.current = await startStack(overrides);
  });
  afterAll(async () => {
    await holder.current?.stop();
  });
  return holder;
}

function fail(message: string): never {
  throw new Error(message);
}
