/**
 * The main job (`npm start`): brings up the embedded stack — Temporal dev server with its UI
 * on a local SQLite file, the read-model migrations, a worker process — and runs the reference
 * case, proposal 202, through its whole lifecycle, printing its timeline as it goes.
 *
 *   --once   exit when the case is done (for scripts and CI)
 *   --fresh  start from empty stores (removes the SQLite file and the read-model database)
 */
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { DEFAULT_DATABASE_URL, createPool, ensureDatabase, migrate } from '../../../activities/database';
import { defaultPolicy } from '../../../seeds/policy';
import { personFor, referenceCase } from '../../../seeds/reference-case';
import { referenceSteps } from '../../../seeds/reference-steps';
import { proposalWorkflow } from '../../../workflows';
import { TASK_QUEUE, actUpdate, eventsQuery, intakeOptions, proposalWorkflowId, viewQuery } from '../../../workflows/messages';
import { startDevServer, stopChild } from './embedded-temporal';
import { formatHeader, formatRow, timelineRows } from '../../../workflows/domain/timeline';

const ROOT = path.resolve(__dirname, '../../../..');
const DATA = path.join(ROOT, '.data');

async function main() {
  const once = process.argv.includes('--once');
  const fresh = process.argv.includes('--fresh');
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const port = Number(process.env.TEMPORAL_PORT ?? 7233);
  const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

  // The read model is a projection of this Temporal store: a new store starts a new read model.
  const dbFile = path.join(DATA, 'temporal.db');
  if (fresh || !fs.existsSync(dbFile)) await startOver(databaseUrl);
  console.log('• starting the Temporal dev server (SQLite: .data/temporal.db)');
  const temporal = await startDevServer({
    binary: path.join(ROOT, '.venv/bin/temporal'),
    dbFile,
    ip: '127.0.0.1',
    port,
    uiPort,
    logFile: path.join(DATA, 'temporal.log'),
  });
  const stops: (() => Promise<void>)[] = [temporal.stop];
  const shutdown = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => console.error(err));
  };

  try {
    console.log('• applying read-model migrations');
    await ensureDatabase(databaseUrl);
    const pool = createPool(databaseUrl, 2);
    stops.push(() => pool.end());
    await migrate(pool);

    console.log('• starting the worker process');
    const worker = spawn(process.execPath, [path.join(ROOT, 'dist/apps/worker/src/main.js')], {
      env: { LOG_LEVEL: 'WARN', ...process.env, TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    });
    const workerExited = new Promise((resolve) => worker.once('exit', resolve));
    stops.push(() => stopChild(worker, workerExited));

    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());
    const client = new Client({ connection });

    const c = referenceCase();
    const workflowId = proposalWorkflowId(c.intake.session.id, c.intake.number);
    const handle = client.workflow.getHandle<typeof proposalWorkflow>(workflowId);
    try {
      await client.workflow.start(proposalWorkflow, intakeOptions({ intake: c.intake, filedBy: { role: 'committee', id: personFor('committee').id }, policy: defaultPolicy() }));
      console.log(`\n${c.intake.session.committee} ${c.intake.session.name} 第${c.intake.number}号提案 — ${c.intake.title}\n`);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      console.log(`\nproposal ${c.intake.number} is already in this store (npm start -- --fresh starts over)\n`);
    }

    const { policy } = await handle.query(viewQuery);
    let printed = 0;
    const printNewRows = async () => {
      const rows = timelineRows(await handle.query(eventsQuery), policy);
      if (printed === 0) console.log(formatHeader());
      for (const row of rows.slice(printed)) console.log(formatRow(row));
      printed = rows.length;
    };
    await printNewRows();
    if ((await handle.describe()).status.name === 'RUNNING') {
      // Update IDs are per step, so re-running an interrupted case applies each step once.
      for (const [i, step] of referenceSteps(c, () => new Date().toISOString()).entries()) {
        await handle.executeUpdate(actUpdate, { args: [step.command, {}], updateId: `${workflowId}/step-${i + 1}` });
        await printNewRows();
      }
    }
    const outcome = await handle.result();

    const row = await readModelRow(pool, workflowId, outcome.version);
    console.log(`\nOutcome: ${outcome.status} at version ${outcome.version}`);
    console.log(`Read model (PostgreSQL): proposals.${workflowId} stage=${row.stage} version=${row.version} class=${row.reply_class}; ${row.events} events, ${row.tasks} open tasks`);
    console.log(`Temporal UI:  ${temporal.uiUrl}/namespaces/default/workflows/${workflowId}`);
    console.log(`Workflow ID:  ${workflowId}   (task queue ${TASK_QUEUE}, server ${temporal.address})`);

    if (!once) {
      console.log('\nThe stack keeps running; Ctrl-C stops it.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
  } finally {
    await shutdown();
  }
}

/** The projection runs after each step, so wait until it has caught up with the final version. */
async function readModelRow(pool: ReturnType<typeof createPool>, id: string, version: number) {
  for (let i = 0; i < 100; i++) {
    const { rows } = await pool.query(
      `select p.stage, p.version, p.reply_class,
              (select count(*)::int from proposal_events e where e.proposal_id = p.id) as events,
              (select count(*)::int from unit_tasks t where t.proposal_id = p.id) as tasks
       from proposals p where p.id = $1`,
      [id],
    );
    if (rows[0]?.version === version) return rows[0];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the read model did not reach version ${version} of ${id}`);
}

async function startOver(databaseUrl: string) {
  fs.mkdirSync(DATA, { recursive: true });
  for (const f of fs.readdirSync(DATA).filter((f) => f.startsWith('temporal.db'))) fs.rmSync(path.join(DATA, f));
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new PgClient({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  await admin.end();
}

main().catch((err) => {
  console.error(err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : err);
  process.exit(1);
});
