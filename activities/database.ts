/** PostgreSQL access: the pool, creating the database, and applying migrations. */
import { Client, Pool } from 'pg';
import { migrations } from './migrations';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/proposals';

export function createPool(url: string, max = 10): Pool {
  return new Pool({ connectionString: url, max });
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

/** Applies the migrations not yet applied, each in its own transaction, one migrator at a time. */
export async function migrate(pool: Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock(7270001)');
    await client.query('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())');
    const { rows } = await client.query<{ id: string }>('select id from schema_migrations');
    const done = new Set(rows.map((r) => r.id));
    for (const m of migrations.filter((m) => !done.has(m.id))) {
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
