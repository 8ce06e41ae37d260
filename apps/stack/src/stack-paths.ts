/**
 * Where the embedded stack keeps its stores: the data folder (`DATA_DIR`, else `.data` in the
 * clone) with the Temporal store in it, and the read model's database, a pair with that folder
 * (`DATABASE_URL`, else a database named after it, so two clones or a restored copy beside the
 * original never read each other's projections).
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { projectRoot } from '../../common/project-root';

export const ROOT = projectRoot(__dirname);

export const dataDir = (env: NodeJS.ProcessEnv = process.env) => (env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(ROOT, '.data'));

/** The clone's own `.data` keeps the name it always had (from the clone's folder). */
export function stackDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const key = env.DATA_DIR ? dataDir(env) : ROOT;
  return `postgres://postgres@127.0.0.1:5432/proposals_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}
