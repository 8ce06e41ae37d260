/**
 * Who may act (principals and the units they act for) and the record of actions taken under
 * an Idempotency-Key, so a retry returns the first answer even after the proposal has closed.
 */
export default {
  id: '0002-principals-and-idempotency',
  sql: `
create table units (
  id   text primary key,
  name text not null,
  kind text not null check (kind in ('committee', 'bureau'))
);

create table principals (
  id      text primary key,
  name    text not null,
  role    text not null check (role in ('committee', 'officer', 'proposer')),
  unit_id text references units (id),
  active  boolean not null default true,
  check ((role = 'officer') = (unit_id is not null))
);

create table idempotency_keys (
  principal_id text not null,
  key          text not null,
  method       text not null,
  path         text not null,
  body_hash    text not null,
  status       integer,
  response     jsonb,
  created_at   timestamptz not null default now(),
  primary key (principal_id, key)
);
`,
};
