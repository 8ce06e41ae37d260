/**
 * The vocabulary (policy terms) the stored search words and fingerprints were cut with: none yet,
 * so the first worker with terms cuts every proposal's words again.
 */
export default {
  id: '0019-vocabulary',
  sql: `
    create table vocabulary (
      only_row boolean primary key default true check (only_row),
      version text not null
    );
    insert into vocabulary (version) values ('');`,
};
