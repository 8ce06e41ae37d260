/**
 * `npm run backup -- [folder]`: a consistent backup of the embedded stack (running or not) into a
 * new folder (default .data/../backups/<time>): see backup.ts. Production backs up its Temporal
 * cluster's and PostgreSQL's databases with their own tools instead (README).
 */
import * as path from 'node:path';
import { takeBackup } from './backup';
import { ROOT, dataDir, stackDatabaseUrl } from './stack-paths';

async function main() {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
  const manifest = await takeBackup({ databaseUrl: stackDatabaseUrl(), temporalDb: path.join(dataDir(), 'temporal.db'), out });
  console.log(`backed up ${manifest.proposals} proposals (read model at ${manifest.migrations.at(-1)}) into ${out}`);
  console.log(`restore it beside this one: npm run restore -- ${out} <new folder>`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
