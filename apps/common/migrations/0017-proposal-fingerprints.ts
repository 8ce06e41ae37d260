/**
 * 提案查重 (`similarity.ts`): each proposal's distinctive words and the SimHash of its word pairs,
 * written once as its filing is projected, in a GIN index so the proposals sharing its rarest
 * words are found without reading the rest; and how many proposals use each word, which makes a
 * word rare or common. Proposals projected before it are fingerprinted by the worker as it starts.
 */
export default {
  id: '0017-proposal-fingerprints',
  sql: `
create table proposal_fingerprints (
  proposal_id text primary key,
  session_id  text not null,
  words       text[] not null,
  sim_hash    bigint not null
);
create index proposal_fingerprints_words on proposal_fingerprints using gin (words);
create table word_frequencies (
  word      text primary key,
  proposals integer not null
);
`,
};
