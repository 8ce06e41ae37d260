/** `npm run migrate`: creates the read-model database if needed and applies pending migrations. */
import { DEFAULT_DATABASE_URL, createPool, ensureDatabase, migrate } from '../../common/database';

async function main() {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await ensureDatabase(url);
  const pool = createPool(url, 1);
  try {
    const applied = await migrate(pool);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the read model is up to date');
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
