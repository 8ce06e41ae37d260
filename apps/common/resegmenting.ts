/**
 * Words stored are cut with the policy terms of their time. When the terms change, every
 * proposal's search words and fingerprint are dropped, with the word counts, in the transaction
 * that records the new version; the worker's backfills then give them again, cut with the new
 * terms. Two workers starting at once: the second waits on the row, finds the version recorded,
 * and drops nothing.
 */
import type { Pool } from 'pg';
import { inTransaction } from './database';
import { VOCABULARY_VERSION } from './search-words';

/** Whether the stored words were of an older vocabulary (and are now dropped, to be cut again). */
export function dropWordsOfAnOlderVocabulary(pool: Pool): Promise<boolean> {
  return inTransaction(pool, async (db) => {
    const { rowCount } = await db.query('update vocabulary set version = $1 where version <> $1', [VOCABULARY_VERSION]);
    if (!rowCount) return false;
    // The fingerprints' tables first: a projection takes them after the proposal's row, and a
    // projection already holding them would otherwise wait on our rows while we wait on it.
    await db.query('lock table proposal_fingerprints, word_frequencies in access exclusive mode');
    await db.query('update proposals set search_words = null where search_words is not null');
    await db.query('truncate proposal_fingerprints, word_frequencies');
    return true;
  });
}
