/** The commands that load a file: read it as JSON and validate it, or say which fields are wrong. */
import * as fs from 'node:fs';
import type { z } from 'zod';

export function readValidated<S extends z.ZodType>(schema: S, file: string | undefined, usage: string): z.infer<S> {
  if (!file) throw new Error(`usage: ${usage}`);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}
