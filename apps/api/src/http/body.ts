/** JSON bodies: parsed by express with a size limit; a parse failure or an oversized body is a problem, not a 500. */
import express, { type NextFunction, type Request, type Response } from 'express';
import { Problem, sendProblem } from './problem';

export function jsonBody(limit: string) {
  return express.json({ limit, strict: true, type: () => true });
}

/** Express error middleware for what the body parser refuses. */
export function bodyErrors(err: unknown, req: Request, res: Response, next: NextFunction) {
  const e = err as { type?: string; status?: number; message?: string } | undefined;
  if (e?.type === 'entity.too.large') return sendProblem(res, req, new Problem(413, 'payload-too-large', 'The request body is too large', e.message));
  if (e?.type === 'entity.parse.failed') return sendProblem(res, req, new Problem(400, 'malformed-json', 'The request body is not valid JSON', e.message));
  if (e?.status && e.status >= 400 && e.status < 500) return sendProblem(res, req, new Problem(e.status, 'bad-request', 'The request body could not be read', e.message));
  next(err);
}
