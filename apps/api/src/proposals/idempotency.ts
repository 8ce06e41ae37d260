/**
 * Exactly once under retries. For an action the Idempotency-Key becomes the Temporal Update ID,
 * so the workflow applies it once however often it is sent, also across API restarts; a filing
 * starts a workflow, which Temporal does not deduplicate by key, and is claimed here.
 */
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { Problem, retryLater } from '../http/problem';

export interface Outcome {
  status: number;
  body: unknown;
}

/** Key order does not change what a request means. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export const requestHash = (method: string, path: string, body: unknown) =>
  createHash('sha256').update(JSON.stringify([method, path, canonical(body)])).digest('hex');

/** The ID Temporal deduplicates on: one key space per principal. */
export const updateIdOf = (principalId: string, key: string) => `${principalId}/${key}`;

/**
 * An action's key, recorded before its Update is sent, in one statement. Temporal applies an
 * Update ID once and answers every repeat, concurrent ones too, with the first outcome, so an
 * action needs no claim; the record adds what Temporal cannot: a key reused for a different
 * request (on this proposal or another) is refused, and a retry finds the answer the proposal's
 * projection stored (also once the proposal has closed and takes no Update). Returns that answer.
 */
export async function recordKey(pool: Pool, principalId: string, key: string, method: string, path: string, body: unknown): Promise<Outcome | undefined> {
  const hash = requestHash(method, path, body);
  const { rows } = await pool.query<{ body_hash: string; status: number | null; response: unknown }>(
    `with fresh as (
       insert into idempotency_keys (principal_id, key, method, path, body_hash) values ($1, $2, $3, $4, $5)
       on conflict (principal_id, key) do nothing returning 1
     )
     select body_hash, status, response from idempotency_keys where principal_id = $1 and key = $2 and not exists (select 1 from fresh)`,
    [principalId, key, method, path, hash],
  );
  const earlier = rows[0];
  if (!earlier) return undefined;
  if (earlier.body_hash !== hash) throw keyReused();
  return earlier.status === null ? undefined : { status: earlier.status, body: earlier.response };
}

/** The answer the proposal's projection stored for an action's key, if it has. */
export async function storedAnswer(pool: Pool, principalId: string, key: string): Promise<Outcome | undefined> {
  const { rows } = await pool.query<{ status: number; response: unknown }>('select status, response from idempotency_keys where principal_id = $1 and key = $2 and status is not null', [principalId, key]);
  return rows[0] && { status: rows[0].status, body: rows[0].response };
}

const keyReused = () => new Problem(422, 'idempotency-key-reused', 'Idempotency-Key already used for another request', 'send a new key for a different request');

/**
 * Runs `run` once per key and answers every request with the same key alike. One request per key
 * runs at a time: it claims the key for `claimMs`, the longest the request may take (so a claim
 * whose API process died lapses with it); a concurrent duplicate does not run the action
 * itself (Temporal deduplicates Updates, but not the start of a workflow) and is told to retry,
 * so the answer stored for a key is always the first request's. No connection is held meanwhile.
 */
export async function once(pool: Pool, principalId: string, key: string, method: string, path: string, body: unknown, run: () => Promise<Outcome>, claimMs: number): Promise<Outcome> {
  const hash = requestHash(method, path, body);
  const ids = [principalId, key];
  await pool.query(
    `insert into idempotency_keys (principal_id, key, method, path, body_hash) values ($1, $2, $3, $4, $5)
     on conflict (principal_id, key) do nothing`,
    [...ids, method, path, hash],
  );
  const claimed = await pool.query(
    `update idempotency_keys set claimed_until = now() + $4 * interval '1 millisecond'
     where principal_id = $1 and key = $2 and body_hash = $3 and status is null and (claimed_until is null or claimed_until < now())
     returning 1`,
    [...ids, hash, claimMs],
  );
  const claimLapses = Date.now() + claimMs;
  if (claimed.rowCount === 0) {
    const { rows } = await pool.query<{ body_hash: string; status: number | null; response: unknown }>(
      'select body_hash, status, response from idempotency_keys where principal_id = $1 and key = $2',
      ids,
    );
    const record = rows[0]!;
    if (record.body_hash !== hash) throw keyReused();
    if (record.status !== null) return { status: record.status, body: record.response };
    throw retryLater(409, 'in-progress', 'The same request is being handled', 'a request with this Idempotency-Key is in progress: retry it shortly for its answer');
  }
  try {
    const outcome = await answerOf(run);
    await pool.query('update idempotency_keys set status = $3, response = $4, claimed_until = null where principal_id = $1 and key = $2 and status is null', [
      ...ids,
      outcome.status,
      JSON.stringify(outcome.body),
    ]);
    return outcome;
  } catch (err) {
    // No answer kept (a failure, a "retry later", or PostgreSQL gone while it was stored): the
    // next retry may claim the key at once, and runs to the same outcome (the Update ID is the key).
    release(pool, ids, claimLapses);
    throw err;
  }
}

/**
 * Lets a claim go. PostgreSQL may be down (a restart under load): tried again every half second
 * until it is back or the claim has lapsed by itself, so a retry after the restart is not kept
 * waiting for the whole claim.
 */
function release(pool: Pool, ids: string[], claimLapses: number): void {
  const attempt = () =>
    pool.query('update idempotency_keys set claimed_until = null where principal_id = $1 and key = $2 and status is null', ids).catch(() => {
      if (Date.now() < claimLapses) setTimeout(attempt, 500).unref();
    });
  void attempt();
}

/** A refusal is the answer to this request; a server-side failure, or a "retry later", is not. */
async function answerOf(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof Problem) || err.status >= 500 || err.retryAfter !== undefined) throw err;
    return { status: err.status, body: { problem: { type: err.type, title: err.title, detail: err.detail, errors: err.errors } } };
  }
}

/** Turns a stored refusal back into the problem it was. */
export function replay(outcome: Outcome): unknown {
  const stored = outcome.body as { problem?: { type: string; title: string; detail?: string; errors?: { path: string; message: string }[] } };
  if (outcome.status >= 400 && stored?.problem) {
    const p = stored.problem;
    throw new Problem(outcome.status, p.type, p.title, p.detail, p.errors);
  }
  return outcome.body;
}
