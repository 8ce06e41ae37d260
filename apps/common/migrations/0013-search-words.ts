/**
 * Search by words (`search-words.ts`): a proposal's title, category, number and text segmented by
 * jieba into a `tsvector('simple', …)`, in a GIN index, ranked by relevance. It replaces the one-
 * and two-character pieces of 0005, which found substrings of the title only and slowed as the
 * store grew. Rows projected before it are given their words by the worker as it starts.
 */
export default {
  id: '0013-search-words',
  sql: `
alter table proposals add column search_words tsvector;
create index proposals_search_words on proposals using gin (search_words);
drop index proposals_search;
alter table proposals drop column search_grams, drop column search_text;
drop function text_grams(text, integer);
`,
};
