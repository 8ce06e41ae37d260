/** 督查室: the government's supervision office is a person of the directory too. */
export default {
  id: '0011-supervision-office',
  sql: `
alter table principals drop constraint if exists principals_role_check;
alter table principals add constraint principals_role_check check (role in ('committee', 'officer', 'proposer', 'leader', 'supervisionOffice'));
`,
};
