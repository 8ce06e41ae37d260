/**
 * 智能交办: the lead and co-handling units suggested for a proposal, each with why. Two sources,
 * both read as they stand, so every final assignment and accepted reassignment is learnt from
 * the moment it is projected (no training step to forget):
 * - the past proposals most like it (`rankSimilar`) and the units that finally handled them —
 *   their lead and co-handlers in the read model, a unit since merged or renamed counted as its
 *   successor;
 * - each unit's responsibilities (职责), matched against the proposal's words and the shorter
 *   words inside them, with the same rarity weights.
 * A suggestion assigns nothing; the committee decides.
 */
import type { Pool } from 'pg';
import { type SearchOptions, rankSimilar } from './similar-proposals';
import { distinctiveWords, likeness, withPieces } from './similarity';

/** The past proposals whose units vote. */
const NEIGHBOURS = 15;
/** How much the units of similar past proposals weigh against the responsibilities' words. */
const PRECEDENT = 0.65;
/** A unit that led a similar proposal, as a co-handler of this one: half a co-handler's vote. */
const LED_AS_CO = 0.5;
/** Below it a unit is suggested on a word or two its responsibilities share by chance, which helps nobody choose. */
const MIN_SCORE = 0.05;
const LEADS = 3;
const CO_HANDLERS = 5;
const SHOWN_PROPOSALS = 3;
const SHOWN_WORDS = 8;

export interface Precedent {
  proposalId: string;
  sessionName: string | null;
  number: number;
  title: string;
  score: number;
}

export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  score: number;
  /** The similar past proposals this unit handled (led, for a lead suggestion), the most alike first. */
  precedents: Precedent[];
  /** The words of the proposal its responsibilities name, the rarest first. */
  responsibilityWords: string[];
}

/** The words of each responsibilities text, segmented once per process (texts change rarely). */
const segmented = new Map<string, string[]>();
const wordsOf = (text: string) => {
  let words = segmented.get(text);
  if (!words) segmented.set(text, (words = withPieces(distinctiveWords({ title: '', content: text }))));
  return words;
};

const round = (x: number) => Math.round(x * 1000) / 1000;

export async function suggestUnits(pool: Pool, proposalId: string, options: SearchOptions = {}): Promise<{ lead: UnitSuggestion[]; coHandlers: UnitSuggestion[] } | undefined> {
  const found = await rankSimilar(pool, proposalId, { ...options, assignedOnly: true });
  if (!found) return undefined;
  const { rows: units } = await pool.query<{ id: string; name: string; responsibilities: string | null; successor_id: string | null }>(
    `select u.id, u.name, u.responsibilities, s.successor_id from units u left join unit_successions s on s.unit_id = u.id where u.kind = 'bureau'`,
  );
  const successor = new Map(units.flatMap((u) => (u.successor_id ? [[u.id, u.successor_id] as const] : [])));
  const final = (unitId: string) => {
    for (let u = unitId, hops = 0; ; hops++) {
      const next = successor.get(u);
      if (!next || hops > units.length) return u;
      u = next;
    }
  };
  const neighbours = found.ranked
    .slice(0, NEIGHBOURS)
    .map(({ row, likeness: l }) => ({ row, score: l.score, lead: final(row.lead_unit_id!), co: [...new Set(row.unit_ids.map(final))].filter((u) => u !== final(row.lead_unit_id!)) }));
  const votes = neighbours.reduce((sum, n) => sum + n.score, 0) || 1;
  const me = { words: withPieces(found.words), simHash: 0n };
  const live = units.filter((u) => !u.successor_id);
  const matched = new Map(live.map((u) => [u.id, u.responsibilities ? likeness(me, { words: wordsOf(u.responsibilities), simHash: -1n }, found.weight) : undefined]));
  const best = Math.max(...[...matched.values()].map((m) => m?.score ?? 0), 0) || 1;
  const precedentsOf = (unitId: string, asLead: boolean): Precedent[] =>
    neighbours
      .filter((n) => n.lead === unitId || (!asLead && n.co.includes(unitId)))
      .slice(0, SHOWN_PROPOSALS)
      .map(({ row, score }) => ({ proposalId: row.proposal_id, sessionName: row.session_name, number: row.number, title: row.title, score: round(score) }));
  const suggestion = (unitId: string, name: string, score: number, asLead: boolean): UnitSuggestion => ({
    unitId,
    unitName: name,
    score: round(score),
    precedents: precedentsOf(unitId, asLead),
    responsibilityWords: matched.get(unitId)?.shared.slice(0, SHOWN_WORDS) ?? [],
  });
  const led = (u: string) => neighbours.filter((n) => n.lead === u).reduce((s, n) => s + n.score, 0) / votes;
  const coHandled = (u: string) => neighbours.filter((n) => n.co.includes(u)).reduce((s, n) => s + n.score, 0) / votes;
  const fit = (u: string) => (matched.get(u)?.score ?? 0) / best;
  const ranked = (score: (u: string) => number, asLead: boolean, except: Set<string>) =>
    live
      .filter((u) => !except.has(u.id))
      .map((u) => ({ u, score: score(u.id) }))
      .filter((x) => x.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.u.id.localeCompare(b.u.id))
      .map(({ u, score: s }) => suggestion(u.id, u.name, s, asLead));
  const lead = ranked((u) => PRECEDENT * led(u) + (1 - PRECEDENT) * fit(u), true, new Set()).slice(0, LEADS);
  const coHandlers = ranked((u) => PRECEDENT * (coHandled(u) + LED_AS_CO * led(u)) + (1 - PRECEDENT) * fit(u), false, new Set(lead.slice(0, 1).map((s) => s.unitId))).slice(0, CO_HANDLERS);
  return { lead, coHandlers };
}
