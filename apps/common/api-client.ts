/**
 * A client's request to the API, retried under its Idempotency-Key while the API says to retry
 * (503 with Retry-After: Temporal or PostgreSQL unavailable, or an action not completed in time;
 * 409 in-progress: the same key still being answered), as the API asks every client to. Given
 * several replicas, requests take turns among them, and one whose replica does not answer (its
 * connection refused or cut) goes to the next, under the same key, as a load balancer sends it.
 */
export interface ApiClient {
  base: string;
  /** Every replica's base, `base` among them; without it, `base` alone. */
  replicas?: string[];
  /** Told of each request a replica left unanswered before it was sent to the next. */
  onLost?: (base: string) => void;
  /** The bearer token for this request. */
  token: () => string | Promise<string>;
  /** Told of every answer, retried ones included (the fault runs check what clients saw). */
  onAnswer?: (status: number, retryAfter: string | null) => void;
}

/** Gives up on a request still answered "retry later" after this long: something is down for good. */
const RETRY_FOR_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Which replica the next request starts with. */
let turns = 0;

export async function callApi(api: ApiClient, method: string, path: string, body?: unknown, key?: string): Promise<Record<string, unknown>> {
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  const replicas = api.replicas ?? [api.base];
  let turn = turns++;
  for (;;) {
    const base = replicas[turn % replicas.length]!;
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await api.token()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      // No answer from this replica (fetch fails only on the connection): the next one, if any.
      if (replicas.length === 1 || Date.now() >= giveUpAt) throw err;
      api.onLost?.(base);
      turn++;
      await sleep(100);
      continue;
    }
    const retryAfter = res.headers.get('retry-after');
    api.onAnswer?.(res.status, retryAfter);
    const json = (await res.json()) as Record<string, unknown>;
    if (res.ok) return json;
    if (retryAfter !== null && (res.status === 503 || res.status === 409) && Date.now() < giveUpAt) {
      await sleep(Math.min(Number(retryAfter) || 1, 5) * 1000);
      continue;
    }
    const faults = Array.isArray(json.errors) ? `\n${(json.errors as { path: string; message: string }[]).map((e) => `  ${e.path}: ${e.message}`).join('\n')}` : '';
    throw new Error(`${method} ${path}: ${res.status} ${json.title}: ${json.detail ?? ''}${faults}`);
  }
}
