/**
 * The accounts' audit trail: sign-ins and their failures, lockouts, password resets, people
 * deactivated and reactivated, each with when, from which address and by whom. Only appended to.
 */
export default {
  id: '0016-audit-log',
  sql: `
create table audit_log (
  id      bigserial primary key,
  at      timestamptz not null default now(),
  kind    text not null,
  account text not null,
  actor   text,
  address text,
  detail  jsonb not null default '{}'
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_account on audit_log (account, at desc);
`,
};
