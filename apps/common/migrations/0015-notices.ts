/**
 * Reaching people outside the console. Each person's contact details and preferences; each
 * unit's head, whom the 催办通知书 reaches. An alert is fanned out once into a notice per person
 * and channel, keyed (source, recipient, channel) like the outbox, so a retried fan-out or a
 * second dispatcher adds none; a notice carries its own delivery state, attempts and last error.
 * `source` is `alert:<outbox id>` or `digest:<date>` (每日待办). A digest run is asked for by the
 * daily Temporal Schedule on each working day and fanned out once, like an alert.
 */
export default {
  id: '0015-notices',
  sql: `
alter table principals
  add column email text,
  add column mobile text,
  add column channels text[] not null default '{email}',
  add column quiet_hours jsonb;
alter table units
  add column head_name text,
  add column head_email text,
  add column head_mobile text;
alter table alert_outbox add column notified_at timestamptz;
-- Alerts raised before people could be reached were read in the console: none is sent late.
update alert_outbox set notified_at = raised_at;
create index alert_outbox_unnotified on alert_outbox (id) where notified_at is null;

create table notices (
  id              bigserial primary key,
  source          text not null,
  proposal_id     text references proposals (id) on delete cascade,
  recipient       text not null,
  recipient_name  text not null,
  channel         text not null check (channel in ('email', 'sms')),
  address         text not null,
  urgent          boolean not null,
  content         jsonb not null,
  created_at      timestamptz not null default now(),
  next_attempt_at timestamptz not null default now(),
  attempts        integer not null default 0,
  delivered_at    timestamptz,
  last_error      text,
  unique (source, recipient, channel)
);
create index notices_due on notices (next_attempt_at) where delivered_at is null;

create table digest_runs (
  date          date primary key,
  requested_at  timestamptz not null default now(),
  fanned_out_at timestamptz
);
`,
};
