/**
 * The read model: what Temporal is not good at (lists, search, statistics across proposals).
 * Temporal stays the source of truth; these rows are projections keyed by proposal and version.
 */
export default {
  id: '0001-read-model',
  sql: `
create table proposals (
  id              text primary key,
  session_id      text not null,
  number          integer not null,
  title           text not null,
  category        text not null,
  key_proposal    boolean not null,
  proposers       jsonb not null,
  status          text not null,
  stage           text not null,
  assignment_mode text,
  lead_unit_id    text,
  unit_ids        text[] not null default '{}',
  reply_class     text,
  filed_at        timestamptz not null,
  assigned_at     timestamptz,
  replied_at      timestamptz,
  closed_at       timestamptz,
  version         integer not null,
  summary         jsonb not null,
  updated_at      timestamptz not null default now(),
  unique (session_id, number)
);
create index proposals_stage on proposals (stage);
create index proposals_units on proposals using gin (unit_ids);

create table proposal_events (
  proposal_id text not null references proposals (id) on delete cascade,
  seq         integer not null,
  type        text not null,
  at          timestamptz not null,
  unit_id     text,
  actor       jsonb not null,
  payload     jsonb not null,
  primary key (proposal_id, seq)
);

create table unit_tasks (
  proposal_id   text not null references proposals (id) on delete cascade,
  duty_key      text not null,
  kind          text not null,
  unit_id       text,
  proposer_id   text,
  commitment_no integer,
  started_at    timestamptz not null,
  due_date      date not null,
  due_at        timestamptz not null,
  is_window     boolean not null,
  is_optional   boolean not null,
  version       integer not null,
  primary key (proposal_id, duty_key)
);
create index unit_tasks_unit on unit_tasks (unit_id, due_at);
`,
};
