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

const security: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    if (request.method === 'POST' && !request.headers.has('Idempotency-Key')) request.headers.set('Idempotency-Key', crypto.randomUUID());
    return request;
  },
  onResponse({ request, response }) {
    // The sign-in's own 401 is a wrong password, not an ended session.
    if (response.status === 401 && new URL(request.url).pathname !== '/session') sessionEnded?.();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(security);

/** The body of a GET's 200 answer, as the document gives it: `Answer<'/tasks'>['items']`. */
export type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;
