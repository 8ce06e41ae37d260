/** PostgreSQL access: the pool, creating the database, and applying migrations. */
import { Client, Pool, type PoolClient } from 'pg';
import { migrations } from './migrations';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/proposals';

/**
 * A pool that rides through a database restart: an idle connection the server drops is an
 * 'error' event (which, unhandled, would end the process); the pool replaces it on next use.
 */
export function createPool(url: string, max = 10): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', (err) => console.error(JSON.stringify({ level: 'warn', msg: 'an idle database connection was lost; the pool reconnects', err: err.message })));
  return pool;
}

/**
 * Whether an error says the database cannot be reached right now (restarting, shutting down,
 * the connection cut), rather than that the query was wrong: the caller may retry the same thing.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  // 57P01-03: admin shutdown, crash shutdown, cannot connect now; class 08: connection exceptions.
  if (/^57P0[123]$/.test(code) || code.startsWith('08') || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  return typeof e?.message === 'string' && /^Connection terminated|timeout exceeded when trying to connect/.test(e.message);
}

/**
 * Runs `work` in one transaction on one connection: committed when it returns, rolled back when
 * it throws. A connection that failed on the way (a restarting server) is destroyed rather than
 * handed to the next caller.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, begin = 'begin'): Promise<T> {
  const client = await pool.connect();
  // A checked-out connection the server drops emits 'error' on the client, which, unheard, ends
  // the process; the failure reaches `work` anyway, as its next query's rejection.
  const heard = () => undefined;
  client.on('error', heard);
  let failure: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (err) {
    failure = err as Error;
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.off('error', heard);
    client.release(failure);
  }
}

export interface Listening {
  close(): Promise<void>;
}

/**
 * LISTEN on a channel, for as long as it is needed: when the connection is lost (a database
 * restart, 57P01) it connects again with backoff and LISTENs again, then calls `resumed` so the
 * caller can catch up on the notifications it may have missed meanwhile.
 */
export function listen(url: string, channel: string, onNotify: (payload: string) => void, resumed: () => void): Listening {
  let client: Client | undefined;
  let closed = false;
  let delay = 250;
  const connect = async (): Promise<void> => {
    while (!closed) {
      const c = new Client({ connectionString: url });
      // A lost connection is an 'error' then an 'end': the 'end' reconnects.
      c.on('error', () => undefined);
      c.on('notification', (n) => n.payload && onNotify(n.payload));
      try {
        await c.connect();
        await c.query(`listen ${channel}`);
        client = c;
        delay = 250;
        c.once('end', () => {
          client = undefined;
          if (closed) return;
          console.error(JSON.stringify({ level: 'warn', msg: `lost the database connection listening on ${channel}; reconnecting` }));
          void connect().then(resumed);
        });
        return;
      } catch (err) {
        await c.end().catch(() => undefined);
        console.error(JSON.stringify({ level: 'warn', msg: `cannot listen on ${channel} yet; retrying in ${delay} ms`, err: (err as Error).message }));
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10_000);
      }
    }
  };
  const ready = connect();
  return {
    async close() {
      closed = true;
      await ready;
      await client?.end().catch(() => undefined);
    },
  };
}

/** Creates the database named in `url` if it does not exist (connecting to the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } catch (err) {
    // Another process may have created it between the check and the create.
    if ((err as { code?: string }).code !== '42P04') throw err;
  } finally {
    await client.end();
  }
}

/**
 * Applies the migrations not yet applied, in order, each in its own transaction, one migrator at a
 * time; `upTo` stops after that one (an earlier schema, as the upgrade tests make).
 */
export async function migrate(pool: Pool, upTo?: string): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock(7270001)');
    await client.query('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())');
    const { rows } = await client.query<{ id: string }>('select id from schema_migrations');
    const done = new Set(rows.map((r) => r.id));
    const last = upTo === undefined ? migrations.length : migrations.findIndex((m) => m.id === upTo) + 1;
    if (last === 0) throw new Error(`no migration ${upTo}`);
    for (const m of migrations.slice(0, last).filter((m) => !done.has(m.id))) {
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migrations (id) values ($1)', [m.id]);
        await client.query('commit');
        applied.push(m.id);
      } catch (err) {
        await client.query('rollback');
        throw new Error(`migration ${m.id} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock(7270001)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/**
 * Reads in one snapshot: a page and its counts agree although the workflows project while they are
 * read. The reads may be sent together; they run one after another on the snapshot's connection.
 */
export const inSnapshot = <T>(pool: Pool, read: (db: Pick<PoolClient, 'query'>) => Promise<T>): Promise<T> =>
  inTransaction(
    pool,
    (client) => {
      let previous: Promise<unknown> = Promise.resolve();
      const query = (...args: unknown[]) => {
        const next = previous.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
        previous = next.catch(() => undefined);
        return next;
      };
      return read({ query: query as unknown as PoolClient['query'] });
    },
    'begin isolation level repeatable read read only',
  );
