import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project's root, from the sources (tests) or from dist/ alike: the nearest folder with package.json. */
export function projectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  return from;
}
