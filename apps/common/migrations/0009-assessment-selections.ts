/**
 * 考核评选: the committee's selections of a session's 优秀提案 and 先进承办单位. Every change is a
 * new version, so who selected what, and when, stays on record.
 */
export default {
  id: '0009-assessment-selections',
  sql: `
create table assessment_selections (
  session_id          text not null,
  version             integer not null,
  excellent_proposals jsonb not null,
  advanced_units      jsonb not null,
  recorded_by         text not null,
  recorded_at         timestamptz not null default now(),
  primary key (session_id, version)
);
`,
};
