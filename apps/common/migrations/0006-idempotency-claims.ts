/**
 * One request per Idempotency-Key at a time, without holding a database connection while it
 * runs: the request that claims the key runs the action; a claim left by a request that died
 * expires, so a retry can take it over.
 */
export default {
  id: '0006-idempotency-claims',
  sql: `alter table idempotency_keys add column claimed_until timestamptz;`,
};
