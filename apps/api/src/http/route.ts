import type { Request } from 'express';

/**
 * The route as Nest declared it (/proposals/:id/assignment), so one proposal is not one metric
 * series nor one span name; anything else (the console's files, 404s) is "other". Any request
 * object: the tracer sees Node's, which Express has made its own.
 */
export const routeOf = (req: object): string => {
  const { route, baseUrl } = req as Partial<Request>;
  return route?.path ? `${baseUrl ?? ''}${route.path as string}` : 'other';
};
