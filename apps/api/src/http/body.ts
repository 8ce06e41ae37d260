/**
 * JSON bodies: parsed by express with a size limit, as UTF-8 that must be well formed, and only
 * when they say they are JSON; a failure is a problem, not a 500 and not a guess.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { Problem, sendProblem } from './problem';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes that are not UTF-8 (a lone ff fe, an overlong c0 af, a CESU ed a0 80) would be stored as U+FFFD: refuse them. */
function verifyUtf8(_req: Request, _res: Response, buf: Buffer) {
  try {
    strictUtf8.decode(buf);
  } catch {
    throw Object.assign(new Error('the body is not well-formed UTF-8'), { type: 'encoding.invalid' });
  }
}

export function jsonBody(limit: string) {
  return express.json({ limit, strict: true, type: () => true, verify: verifyUtf8 });
}

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

/** A body that is not declared JSON is refused with 415 rather than parsed as JSON anyway. */
export function jsonOnly(req: Request, res: Response, next: NextFunction) {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
  const type = req.header('content-type');
  if (hasBody && !(type && JSON_TYPE.test(type))) {
    return sendProblem(res, req, new Problem(415, 'unsupported-media-type', 'The request body must be JSON', `send Content-Type: application/json, not ${type ?? 'no content type'}`));
  }
  next();
}

/** Express error middleware for what the body parser refuses. */
export function bodyErrors(err: unknown, req: Request, res: Response, next: NextFunction) {
  const e = err as { type?: string; status?: number; message?: string } | undefined;
  if (e?.type === 'entity.too.large') return sendProblem(res, req, new Problem(413, 'payload-too-large', 'The request body is too large', e.message));
  if (e?.type === 'entity.parse.failed') return sendProblem(res, req, new Problem(400, 'malformed-json', 'The request body is not valid JSON', e.message));
  if (e?.type === 'encoding.invalid') return sendProblem(res, req, new Problem(400, 'invalid-encoding', 'The request body is not UTF-8', e.message));
  if (e?.status && e.status >= 400 && e.status < 500) return sendProblem(res, req, new Problem(e.status, 'bad-request', 'The request body could not be read', e.message));
  next(err);
}
