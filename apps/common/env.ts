/** Reads configuration from the environment once, at start, naming every bad variable. */
import type { z } from 'zod';

export function parseEnv<S extends z.ZodType>(schema: S, what: string, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  // An empty variable is an unset one (`${X:-}` in a compose file): its default applies.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid ${what} configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
