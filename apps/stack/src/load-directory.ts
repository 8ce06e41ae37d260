/**
 * `npm run directory -- <file.json>`: loads units and people (principals) into the read model,
 * validated by the same schema as the seed directory; loading again updates them in place.
 */
import * as fs from 'node:fs';
import { DEFAULT_DATABASE_URL, createPool } from '../../../activities/database';
import { loadDirectory } from '../../api/src/auth/principals';
import { DirectorySchema } from '../../../seeds/reference-case';

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run directory -- <directory.json>   (see seeds/directory.json)');
  const parsed = DirectorySchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  const pool = createPool(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 1);
  try {
    await loadDirectory(pool, parsed.data);
    console.log(`loaded ${parsed.data.units.length} units and ${parsed.data.people.length} people`);
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
