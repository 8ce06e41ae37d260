/**
 * A backup (backup.ts) brought up in another folder and database: the Temporal store copied in,
 * the read model restored with `pg_restore` and upgraded by the migrations that came after it,
 * then caught up with the proposals: every proposal whose workflow moved on after the dump is
 * projected again from its Queries (idempotent by version, as every projection is). The catch-up
 * needs the proposals answering, so it runs with a dev server and a worker on the restored store.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Pool } from 'pg';
import { createActivities } from '../../../activities';
import { createProjectionActivities } from '../../../activities/projection';
import { createProposalWorker } from '../../worker/src/worker';
import { startDevServer } from './embedded-temporal';
import { freePort } from './processes';
import { createPool, ensureDatabase, migrate } from '../../common/database';
import { summarize } from '../../../workflows/domain/summary';
import { eventsQuery, viewQuery } from '../../../workflows/messages';
import { BACKUP_FILES, type Manifest } from './backup';
import { projectRoot } from '../../common/project-root';

export async function restoreBackup(o: { from: string; dataDir: string; databaseUrl: string }): Promise<{ manifest: Manifest; applied: string[] }> {
  const file = (name: string) => path.join(o.from, name);
  if (!fs.existsSync(file(BACKUP_FILES.manifest))) throw new Error(`${o.from} holds no complete backup (no ${BACKUP_FILES.manifest})`);
  const manifest = JSON.parse(fs.readFileSync(file(BACKUP_FILES.manifest), 'utf8')) as Manifest;
  const store = path.join(o.dataDir, 'temporal.db');
  if (fs.existsSync(store)) throw new Error(`${store} exists: restore into a folder of its own`);
  await ensureDatabase(o.databaseUrl);
  const pool = createPool(o.databaseUrl, 1);
  try {
    const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    if (rows[0]!.n > 0) throw new Error(`the database of ${o.databaseUrl} is not empty: restore into a new one`);
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${o.databaseUrl}`, file(BACKUP_FILES.readModel)]);
    fs.mkdirSync(o.dataDir, { recursive: true });
    fs.copyFileSync(file(BACKUP_FILES.temporal), store);
    return { manifest, applied: await migrate(pool) };
  } finally {
    await pool.end();
  }
}

/** Projects again every proposal the read model is behind (those that moved on between the dump and the store's backup). */
export async function catchUpReadModel(client: Client, pool: Pool): Promise<{ proposals: number; projected: number }> {
  // Outside an activity: the catch-up says what it did in its answer, not line by line.
  const { projectProposal } = createProjectionActivities(pool, { info: () => undefined, error: (message, attrs) => console.error(JSON.stringify({ level: 'error', msg: message, ...attrs })) });
  const ids = new Set<string>();
  for await (const w of client.workflow.list({ query: `WorkflowType = 'proposalWorkflow'` })) ids.add(w.workflowId);
  let projected = 0;
  for (const proposalId of ids) {
    const handle = client.workflow.getHandle(proposalId);
    const view = await handle.query(viewQuery);
    const { rows } = await pool.query<{ version: number }>('select version from proposals where id = $1', [proposalId]);
    if ((rows[0]?.version ?? 0) >= view.state.version) continue;
    const events = await handle.query(eventsQuery);
    await projectProposal({ proposalId, summary: summarize(view.state, view.policy, view.settled, view.duties), events, duties: view.duties, policy: view.policy });
    projected++;
  }
  return { proposals: ids.size, projected };
}

export interface RunningStore {
  client: Client;
  address: string;
  stop(): Promise<void>;
}

/** The dev server on a store and a worker projecting into `pool`, on ports of their own, until stopped. */
export async function bringUpStore(dbFile: string, pool: Pool, workflowBundlePath?: string): Promise<RunningStore> {
  const binary = path.join(projectRoot(__dirname), '.venv/bin/temporal');
  const server = await startDevServer({ binary, dbFile, ip: '127.0.0.1', port: await freePort(), uiPort: await freePort(), logFile: `${dbFile}.log` }, (err) => console.error(err.message));
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const connection = await NativeConnection.connect({ address: server.address });
  const worker = await createProposalWorker({ connection, namespace: 'default', activities: createActivities(pool, client), workflowBundlePath });
  const running = worker.run();
  return {
    client,
    address: server.address,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await client.connection.close();
      await server.stop();
    },
  };
}
