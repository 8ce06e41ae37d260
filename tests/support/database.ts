/** Each test file gets its own real PostgreSQL database, migrated, and drops it afterwards. */
import { Client, type Pool } from 'pg';
import { randomBytes } from 'node:crypto';
import { createPool, ensureDatabase, migrate } from '../../apps/common/database';

const SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A new database, migrated to the latest schema or, with `upTo`, to an earlier one. */
export async function createTestDatabase(server = SERVER, upTo?: string): Promise<TestDatabase> {
  const name = `proposals_test_${randomBytes(5).toString('hex')}`;
  const url = `${server}/${name}`;
  await ensureDatabase(url);
  const pool = createPool(url, 5);
  await migrate(pool, upTo);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await dropDatabase(url, server);
    },
  };
}

/** Drops a test's database by its URL, whoever is still connected. */
export async function dropDatabase(url: string, server = SERVER): Promise<void> {
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists "${decodeURIComponent(new URL(url).pathname.slice(1)).replace(/"/g, '""')}" with (force)`);
  await admin.end();
}
