/** Input parsing at the edge: a zod failure becomes a 400 naming every field that failed. */
import type { z } from 'zod';
import { invalidInput } from './problem';

export function parse<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'header' | 'path'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(where, parsed.error);
  return parsed.data;
}
