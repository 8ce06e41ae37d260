/**
 * A PostgreSQL server of a test's own (initdb in a temporary folder, its own port, Debian's
 * server binaries), so a test may restart it: never the machine's shared server.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { freePort } from './processes';
import * as os from 'node:os';
import * as path from 'node:path';

export interface OwnPostgres {
  /** postgres://… of the server, without a database. */
  server: string;
  /** Stops it fast (every connection is terminated, 57P01) and starts it again on the same folder and port. */
  restart(): void;
  /** Stops it fast, to be started again with `up`: down for as long as the test wants. */
  down(): void;
  up(): void;
  stop(): void;
}

const binDir = () => {
  const root = '/usr/lib/postgresql';
  const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return path.join(root, version, 'bin');
};

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  // The server refuses to run as root: as root, run it as the postgres user that owns the folder.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    execFileSync(cmd as string, argv as string[], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return {
    server: `postgres://postgres@127.0.0.1:${port}`,
    restart: () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-m', 'fast', '-w', 'restart']),
    down: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    up: () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
