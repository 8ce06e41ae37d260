/**
 * `npm run restore -- <backup folder> <new data folder>`: brings a backup up in another folder and
 * its own database (restore.ts): the read model restored, upgraded and caught up with the
 * proposals, then says how to run the stack there.
 */
import * as path from 'node:path';
import { createPool } from '../../common/database';
import { bringUpStore, catchUpReadModel, restoreBackup } from './restore';
import { ROOT, stackDatabaseUrl } from './stack-paths';

async function main() {
  const [from, into] = process.argv.slice(2);
  if (!from || !into) throw new Error('usage: npm run restore -- <backup folder> <new data folder>');
  const dataDir = path.resolve(into);
  const databaseUrl = stackDatabaseUrl({ ...process.env, DATA_DIR: dataDir });
  const { manifest, applied } = await restoreBackup({ from: path.resolve(from), dataDir, databaseUrl });
  console.log(`restored the backup of ${manifest.takenAt} (${manifest.proposals} proposals) into ${dataDir}; read model ${databaseUrl}${applied.length ? `, upgraded by ${applied.join(', ')}` : ''}`);
  const pool = createPool(databaseUrl, 3);
  const store = await bringUpStore(path.join(dataDir, 'temporal.db'), pool, path.join(ROOT, 'dist/workflow-bundle.js'));
  try {
    const { proposals, projected } = await catchUpReadModel(store.client, pool);
    console.log(`caught the read model up with the store: ${projected} of ${proposals} proposals had moved on since the dump`);
  } finally {
    await store.stop();
    await pool.end();
  }
  console.log(`run it: DATA_DIR=${dataDir} npm start -- --serve`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
