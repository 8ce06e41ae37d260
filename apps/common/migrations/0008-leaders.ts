/** 领衔督办: leaders who supervise key proposals are people of the directory too. */
export default {
  id: '0008-leaders',
  sql: `
alter table principals drop constraint if exists principals_role_check;
alter table principals add constraint principals_role_check check (role in ('committee', 'officer', 'proposer', 'leader'));
`,
};
