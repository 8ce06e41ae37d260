/**
 * Sign-in for the console: a password hash per person (argon2id), the run of failed attempts and
 * the lock it leads to, and the sessions, each stored by the hash of its cookie so the table alone
 * opens none.
 */
export default {
  id: '0007-sign-in',
  sql: `
alter table principals
  add column password_hash text,
  add column failed_sign_ins integer not null default 0,
  add column locked_until timestamptz;

create table console_sessions (
  id_hash      text primary key,
  principal_id text not null references principals (id) on delete cascade,
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index console_sessions_principal on console_sessions (principal_id);
`,
};
