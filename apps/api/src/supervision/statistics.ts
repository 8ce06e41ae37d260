/**
 * The committee's handling statistics per session and unit, with DOMAIN.md's definitions
 * (Supervision), computed from the read model's proposal summaries. Each rate is null where its
 * denominator is zero. The definitions are written once, in the response schema's descriptions.
 */
import { assignedUnits } from '../../../../workflows/domain/contracts';
import type { ProposalSummary } from '../../../../workflows/domain/summary';
import { ON_TIME_DUTIES, type Rating } from '../../../../workflows/domain/vocabulary';

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);
const content = (r: Rating | null) => r === 'satisfied' || r === 'basicallySatisfied';
/** 见面: a face-to-face contact, and a site visit with the proposers. */
const MEETING_FORMS = ['faceToFace', 'siteVisit'];

const emptyTally = (sessionId: string, unitId: string) => ({
  sessionId,
  unitId,
  assigned: 0,
  owed: 0,
  replied: 0,
  repliedOnTime: 0,
  dutiesDue: 0,
  dutiesOnTime: 0,
  rated: 0,
  ratedContent: 0,
  firstRated: 0,
  firstRatedContent: 0,
  contacted: 0,
  met: 0,
  commitmentsOpen: 0,
  commitmentsDelivered: 0,
  commitmentsOverdue: 0,
  commitmentsUndeliverable: 0,
});

export function statistics(summaries: ProposalSummary[], now: string) {
  const tallies = tallyByUnit(summaries, now);
  const rows = [...tallies].sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.unitId.localeCompare(b.unitId));
  // A session's total is the sum of its units' counts, each rate worked out from the summed counts
  // (a proposal with a lead and a co-handler counts once for each, as the units report it).
  const totals = new Map<string, Tally>();
  for (const t of rows) {
    const sum = totals.get(t.sessionId) ?? emptyTally(t.sessionId, '');
    for (const k of Object.keys(sum) as (keyof Tally)[]) if (typeof sum[k] === 'number') (sum[k] as number) += t[k] as number;
    totals.set(t.sessionId, sum);
  }
  return {
    rows: rows.map((t) => ({ sessionId: t.sessionId, unitId: t.unitId, ...figures(t) })),
    totals: [...totals.values()].map((t) => ({ sessionId: t.sessionId, ...figures(t) })),
  };
}

function tallyByUnit(summaries: ProposalSummary[], now: string): Tally[] {
  const tallies = new Map<string, Tally>();
  const tally = (sessionId: string, unitId: string) => {
    const key = JSON.stringify([sessionId, unitId]);
    const t = tallies.get(key) ?? emptyTally(sessionId, unitId);
    tallies.set(key, t);
    return t;
  };
  const past = (at: string) => Date.parse(at) <= Date.parse(now);

  for (const s of summaries) {
    if (!s.assignment) continue;
    const units = assignedUnits(s.assignment);
    // Every assigned unit, lead or co-handler, has the proposal and may meet the proposers.
    for (const unitId of units) {
      const t = tally(s.sessionId, unitId);
      t.assigned++;
      const contacts = s.contacts.filter((c) => c.unitId === unitId);
      if (contacts.length > 0) t.contacted++;
      if (contacts.some((c) => MEETING_FORMS.includes(c.form))) t.met++;
    }
    // Every duty a unit owes: settled ones count when due or done, open ones once past due.
    for (const d of s.duties.settled) {
      if (!d.unitId || !ON_TIME_DUTIES.includes(d.kind) || !units.includes(d.unitId)) continue;
      const t = tally(s.sessionId, d.unitId);
      t.dutiesDue++;
      if (d.doneAt !== null && Date.parse(d.doneAt) < Date.parse(d.dueAt)) t.dutiesOnTime++;
    }
    for (const d of s.duties.open) {
      if (d.unitId && ON_TIME_DUTIES.includes(d.kind) && units.includes(d.unitId) && past(d.dueAt)) tally(s.sessionId, d.unitId).dutiesDue++;
    }
    // Replies, ratings and commitments belong to the unit that owes the reply.
    for (const r of s.replies) {
      const t = tally(s.sessionId, r.unitId);
      t.owed++;
      if (r.firstIssuedAt !== null) t.replied++;
      if (r.firstIssuedAt !== null && r.firstIssuedAt < r.firstDueAt) t.repliedOnTime++;
      if (r.rating !== null) {
        t.rated++;
        if (content(r.rating)) t.ratedContent++;
      }
      if (r.firstRating !== null) {
        t.firstRated++;
        if (content(r.firstRating)) t.firstRatedContent++;
      }
      for (const c of r.commitments) {
        if (c.status === 'delivered') t.commitmentsDelivered++;
        else if (c.status === 'undeliverable') t.commitmentsUndeliverable++;
        // Open past the follow-up limit, or lapsed under the legacy rules: neither delivered nor explained.
        else if (c.status === 'lapsed' || past(c.deliveryDueAt)) t.commitmentsOverdue++;
        else t.commitmentsOpen++;
      }
    }
  }

  return [...tallies.values()];
}

type Tally = ReturnType<typeof emptyTally>;

function figures(t: Tally) {
  return {
    assigned: t.assigned,
    replied: t.replied,
    repliedOnTime: t.repliedOnTime,
    replyRate: ratio(t.repliedOnTime, t.owed),
    dutiesDue: t.dutiesDue,
    dutiesOnTime: t.dutiesOnTime,
    onTimeRate: ratio(t.dutiesOnTime, t.dutiesDue),
    rated: t.rated,
    satisfactionRate: ratio(t.ratedContent, t.rated),
    firstReplySatisfactionRate: ratio(t.firstRatedContent, t.firstRated),
    contactRate: ratio(t.contacted, t.assigned),
    meetingRate: ratio(t.met, t.assigned),
    commitmentsOpen: t.commitmentsOpen,
    commitmentsDelivered: t.commitmentsDelivered,
    commitmentsOverdue: t.commitmentsOverdue,
    commitmentsUndeliverable: t.commitmentsUndeliverable,
  };
}
