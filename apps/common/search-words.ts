/**
 * The words a proposal is found by: Chinese has no spaces, so titles and texts are segmented by
 * jieba (its search mode also gives the shorter words inside longer ones: 进一步 and 一步) and
 * indexed as a `tsvector('simple', …)` of those words. The query is segmented the same way, so a
 * search for 新材料 finds 新材料产业. The directory's unit names and the policy terms
 * (seeds/policy-terms.json) are words of their own.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { terms as policyTerms } from '../../seeds/policy-terms.json';

/**
 * What the policy terms are, as a version: words stored were cut with the terms of their time,
 * and are cut again when it changes (`resegmenting`), so a query and the index cut alike.
 */
export const VOCABULARY_VERSION = createHash('sha256').update(JSON.stringify([...policyTerms].sort())).digest('hex').slice(0, 16);

let jieba: Jieba | undefined;
const segmenter = () => jieba ?? (jieba = withWords(Jieba.withDict(dict), policyTerms));

/** Adds words jieba's dictionary lacks (policy terms, unit names), each kept whole. */
function withWords(segmenter: Jieba, words: string[]): Jieba {
  const lines = words.map((w) => w.replace(/\s+/g, '')).filter(Boolean);
  if (lines.length > 0) segmenter.loadDict(Buffer.from(lines.map((w) => `${w} 100000 n`).join('\n')));
  return segmenter;
}

let unitNames: Promise<void> | undefined;

/**
 * The directory's unit names as words, read once by a process that indexes or searches (a unit
 * added since is found by the words of its name until the process starts again).
 */
export function withUnitNames(pool: Pool): Promise<void> {
  unitNames ??= pool.query<{ name: string }>('select name from units').then(
    ({ rows }) => void withWords(segmenter(), rows.map((r) => r.name)),
    (err) => {
      unitNames = undefined;
      throw err;
    },
  );
  return unitNames;
}

/** A text's words in order, as jieba's precise mode cuts it (no shorter words inside longer ones). */
export const segment = (text: string): string[] => segmenter().cut(text, true);

/** The words of a text, lower-cased, without punctuation or spaces, each once. */
export function searchWords(text: string): string[] {
  return [...new Set(segmenter().cutForSearch(text, true).map((w) => w.trim().toLowerCase()))].filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** What a proposal is indexed by, as `WORDS_VECTOR` takes them: its number, title and category first, then its text. */
export const proposalWords = (p: { number: number; title: string; category: string; content: string }) => ({
  title: searchWords(`${p.number} ${p.title} ${p.category}`).join(' '),
  text: searchWords(p.content).join(' '),
});

/** The `tsvector` of a proposal's words (SQL parameters or columns): a match in the title ranks above one in the text. */
export const WORDS_VECTOR = (title: string, text: string) => `setweight(to_tsvector('simple', ${title}), 'A') || to_tsvector('simple', ${text})`;

/**
 * Gives their words to proposals projected without them (before the index existed), from the
 * intake of each one's filing event, a few hundred at a time.
 */
export async function indexUnindexedProposals(pool: Pool): Promise<number> {
  await withUnitNames(pool);
  let indexed = 0;
  for (;;) {
    const { rows } = await pool.query<{ id: string; intake: { number: number; title: string; category: string; content: string } }>(
      `select p.id, e.payload->'intake' as intake from proposals p
       join proposal_events e on e.proposal_id = p.id and e.type = 'ProposalFiled'
       where p.search_words is null limit 500`,
    );
    if (rows.length === 0) return indexed;
    await pool.query(
      `update proposals p set search_words = ${WORDS_VECTOR('x.title', 'x.text')} from jsonb_to_recordset($1::jsonb) as x(id text, title text, text text) where p.id = x.id`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, ...proposalWords(r.intake) })))],
    );
    indexed += rows.length;
  }
}
