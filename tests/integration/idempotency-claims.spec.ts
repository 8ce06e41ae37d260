/**
 * An Idempotency-Key's claim does not outlive its request: when PostgreSQL goes away while the
 * request runs (a restart under load), the claim is let go as soon as the server is back, so a
 * retry gets its answer within seconds rather than `409 in-progress` for the rest of the claim.
 * On a PostgreSQL server of the test's own, stopped and started again.
 */
import { once } from '../../apps/api/src/proposals/idempotency';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { type OwnPostgres, startOwnPostgres } from '../support/own-postgres';

let pg: OwnPostgres;
let db: TestDatabase;

beforeAll(async () => {
  pg = await startOwnPostgres();
  db = await createTestDatabase(pg.server);
}, 60_000);
afterAll(async () => {
  await db?.drop().catch(() => undefined);
  pg?.stop();
});

test('a request whose PostgreSQL went away lets its claim go once the server is back; the retry runs and keeps its answer', async () => {
  const claimMs = 60_000;
  const gone = once(db.pool, 'committee-clerk', 'key-1', 'POST', '/proposals/x/registration', {}, async () => {
    pg.down();
    throw new Error('the database went away under the request');
  }, claimMs);
  await expect(gone).rejects.toThrow('the database went away under the request');
  pg.up();
  // Retried as a client would, for a quarter of the claim: the claim lapsing by itself would take the whole minute.
  const end = Date.now() + claimMs / 4;
  let answer: unknown;
  while (answer === undefined) {
    answer = await once(db.pool, 'committee-clerk', 'key-1', 'POST', '/proposals/x/registration', {}, async () => ({ status: 200, body: { version: 2 } }), claimMs).catch((err: Error) => {
      if (Date.now() > end) throw err;
      return new Promise<undefined>((r) => setTimeout(() => r(undefined), 250));
    });
  }
  expect(answer).toEqual({ status: 200, body: { version: 2 } });
  // The answer is kept: a further retry is answered alike without running.
  const again = await once(db.pool, 'committee-clerk', 'key-1', 'POST', '/proposals/x/registration', {}, () => Promise.reject(new Error('ran twice')), claimMs);
  expect(again).toEqual({ status: 200, body: { version: 2 } });
}, 90_000);
