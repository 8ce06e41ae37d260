/**
 * Holiday calendars loaded by operators, a version per load of a year, so a year's notice (and a
 * correction of it) takes effect without a deploy and the earlier versions stay on record. The
 * outbox also carries operator alerts that belong to no proposal (a calendar running out).
 */
export default {
  id: '0004-calendar-years',
  sql: `
create table calendar_years (
  calendar          text not null,
  year              integer not null,
  version           integer not null,
  holidays          date[] not null,
  working_weekends  date[] not null,
  loaded_by         text not null,
  loaded_at         timestamptz not null default now(),
  primary key (calendar, year, version)
);

alter table alert_outbox alter column proposal_id drop not null;
create unique index alert_outbox_operator_key on alert_outbox (alert_key) where proposal_id is null;
`,
};
