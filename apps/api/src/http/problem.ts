/**
 * Every error leaves the API as application/problem+json (RFC 9457): a stable type, the status,
 * what went wrong, and for input errors the field paths that failed.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { logger } from './logging';
import { isDatabaseUnavailable } from '../../../common/database';

export interface FieldError {
  path: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    /** Stable, machine-readable: clients branch on it. */
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Seconds after which a retry may succeed (503, 409 in-progress): sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(detail ?? title);
  }
}

/** Not now, but the same request may succeed later: a retry with the same Idempotency-Key is safe. */
export const retryLater = (status: 409 | 429 | 503, type: string, title: string, detail: string, seconds = 1) => new Problem(status, type, title, detail, undefined, seconds);

/**
 * A field name as the client sent it, but with control characters and unpaired surrogates
 * written as escapes: the answer is stored (jsonb takes neither) and shown to people.
 */
const printable = (name: string) =>
  name.replace(/[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const fieldPath = (path: readonly PropertyKey[]) => path.map((k) => printable(String(k))).join('.') || '(body)';

export function invalidInput(where: 'body' | 'query' | 'header' | 'path', error: z.ZodError): Problem {
  // An unknown field is named where it stands, as any other field at fault.
  const errors = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ path: fieldPath([...i.path, k]), message: 'unknown field' })) : [{ path: fieldPath(i.path), message: i.message }],
  );
  return new Problem(400, 'invalid-input', `The request ${where} is not valid`, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

export function sendProblem(res: Response, req: Request, p: Problem): void {
  if (p.retryAfter !== undefined) res.setHeader('Retry-After', String(p.retryAfter));
  res
    .status(p.status)
    .type('application/problem+json')
    .json({
      type: `urn:proposals:problem:${p.type}`,
      title: p.title,
      status: p.status,
      ...(p.detail ? { detail: p.detail } : {}),
      ...(p.errors ? { errors: p.errors } : {}),
      instance: req.originalUrl,
      requestId: req.id,
    });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    sendProblem(res, req, toProblem(err, req));
  }
}

function toProblem(err: unknown, req: Request): Problem {
  if (err instanceof Problem) return err;
  if (err instanceof HttpException) {
    const status = err.getStatus();
    return new Problem(status, status === 404 ? 'not-found' : `http-${status}`, err.message);
  }
  if (isDatabaseUnavailable(err)) {
    logger.warn({ err, reqId: req.id }, 'PostgreSQL unavailable');
    return retryLater(503, 'database-unavailable', 'The database is unavailable', 'PostgreSQL cannot be reached: retry shortly with the same Idempotency-Key', 2);
  }
  logger.error({ err, reqId: req.id }, 'unhandled error');
  return new Problem(500, 'internal', 'Internal error', 'the error was logged with this request id');
}
