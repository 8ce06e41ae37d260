/**
 * 机构改革: a unit merged into, or renamed as, its successor from a date. The unit keeps its row and
 * name: its history and past figures are shown under it.
 */
export default {
  id: '0012-unit-successions',
  sql: `
create table unit_successions (
  unit_id      text primary key references units (id),
  successor_id text not null references units (id),
  kind         text not null check (kind in ('merged', 'renamed')),
  effective_on date not null,
  reason       text not null,
  recorded_by  text not null,
  recorded_at  timestamptz not null default now()
);
`,
};
