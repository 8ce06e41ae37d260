/**
 * The alert outbox: one row per alert key, written in the same transaction as the events that
 * raised it, so a retried activity, a restarted worker or a replayed workflow never adds a
 * second. Delivery state lives on the row; who has read an alert, beside it.
 */
export default {
  id: '0003-alert-outbox',
  sql: `
create table alert_outbox (
  id              bigserial primary key,
  proposal_id     text not null references proposals (id) on delete cascade,
  alert_key       text not null,
  kind            text not null,
  level           integer not null,
  audience        text not null,
  duty_kind       text not null,
  unit_id         text,
  proposer_id     text,
  commitment_no   integer,
  due_date        date not null,
  raised_at       timestamptz not null,
  payload         jsonb not null,
  delivered_at    timestamptz,
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  unique (proposal_id, alert_key)
);
create index alert_outbox_undelivered on alert_outbox (next_attempt_at) where delivered_at is null;
create index alert_outbox_unit on alert_outbox (unit_id, id);

create table alert_reads (
  alert_id     bigint not null references alert_outbox (id) on delete cascade,
  principal_id text not null,
  read_at      timestamptz not null default now(),
  primary key (alert_id, principal_id)
);
`,
};
