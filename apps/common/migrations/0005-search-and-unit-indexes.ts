/**
 * Reads that stay fast at a hundred thousand proposals. Search: every one- and two-character
 * piece of a proposal's title, category and number, in a GIN index, so that a search for two
 * Chinese characters (养老) finds its candidates by index (a trigram index needs three) before
 * the exact substring test.
 */
export default {
  id: '0005-search-and-unit-indexes',
  sql: `
create function text_grams(t text, n integer) returns text[]
  language sql immutable parallel safe
  return array(select distinct substr(t, i, n) from generate_series(1, greatest(length(t) - n + 1, 0)) as i);

alter table proposals
  add column search_text text generated always as (lower(title || ' ' || category || ' ' || number::text)) stored,
  add column search_grams text[] generated always as (
    text_grams(lower(title || ' ' || category || ' ' || number::text), 1) || text_grams(lower(title || ' ' || category || ' ' || number::text), 2)
  ) stored;
create index proposals_search on proposals using gin (search_grams);
create index unit_tasks_due on unit_tasks (due_at) where not is_window;
`,
};
