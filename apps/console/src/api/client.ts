/**
 * The console's API client, typed by the paths of the API's own OpenAPI document. The session
 * cookie goes with every request (same origin); a change also carries the CSRF token from the
 * sign-in, and a POST an Idempotency-Key, so a retried submission is applied once.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = { type: string; title: string; status: number; detail?: string; errors?: { path: string; message: string }[] };

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

let sessionEnded: (() => void) | undefined;
/** Called when the API says the session has ended (idle, too old, or signed out elsewhere). */
export const whenSessionEnds = (f: (() => void) | undefined) => {
  sessionEnded = f;
};

/**
 * Read-your-writes: the versions this tab's own actions made, sent with every read, so a list or an
 * inbox opened right after an action shows it (the read model takes it a moment after the answer).
 * Kept for as long as a projection could reasonably lag, and only the latest few.
 */
const seen = new Map<string, { version: number; at: number }>();
const SEEN_FOR_MS = 60_000;
const SEEN_AT_MOST = 20;

function remember(answer: unknown) {
  const { proposalId, version } = (answer ?? {}) as { proposalId?: unknown; version?: unknown };
  if (typeof proposalId !== 'string' || typeof version !== 'number') return;
  seen.delete(proposalId);
  seen.set(proposalId, { version, at: Date.now() });
  while (seen.size > SEEN_AT_MOST) seen.delete(seen.keys().next().value!);
}

function seenVersions(): string | undefined {
  for (const [id, s] of seen) if (Date.now() - s.at > SEEN_FOR_MS) seen.delete(id);
  return seen.size === 0 ? undefined : [...seen].map(([id, s]) => `${id}@${s.version}`).join(',');
}

const security: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    if (request.method === 'POST' && !request.headers.has('Idempotency-Key')) request.headers.set('Idempotency-Key', crypto.randomUUID());
    const versions = request.method === 'GET' ? seenVersions() : undefined;
    if (versions) request.headers.set('Seen-Versions', versions);
    return request;
  },
  async onResponse({ request, response }) {
    // The sign-in's own 401 is a wrong password, not an ended session.
    if (response.status === 401 && new URL(request.url).pathname !== '/session') sessionEnded?.();
    if (request.method === 'POST' && response.ok && response.headers.get('content-type')?.startsWith('application/json')) remember(await response.clone().json());
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(security);

/** The body of a GET's 200 answer, as the document gives it: `Answer<'/tasks'>['items']`. */
export type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;
