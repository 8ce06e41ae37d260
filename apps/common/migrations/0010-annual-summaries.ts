/** 办理工作总结: one row per unit and year the committee asked for, with the summary once sent. */
export default {
  id: '0010-annual-summaries',
  sql: `
create table annual_summaries (
  unit_id      text not null,
  year         integer not null,
  due_date     date not null,
  due_at       timestamptz not null,
  requested_at timestamptz not null,
  requested_by text not null,
  submitted_at timestamptz,
  submitted_by text,
  text         text,
  primary key (year, unit_id)
);
create index annual_summaries_unit on annual_summaries (unit_id, year);
`,
};
