/**
 * `npm run directory -- <file.json>`: loads units and people (principals) into the read model,
 * validated by the same schema as the seed directory; loading again updates them in place.
 */
import { DEFAULT_DATABASE_URL, createPool } from '../../common/database';
import { loadDirectory } from '../../api/src/auth/principals';
import { DirectorySchema } from '../../../seeds/reference-case';
import { readValidated } from './json-file';

async function main() {
  const directory = readValidated(DirectorySchema, process.argv[2], 'npm run directory -- <directory.json>   (see seeds/directory.json)');
  const pool = createPool(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 1);
  try {
    await loadDirectory(pool, directory);
    console.log(`loaded ${directory.units.length} units and ${directory.people.length} people`);
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
