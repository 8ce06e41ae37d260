/**
 * The committee's handling statistics per session and unit, with DOMAIN.md's definitions
 * (Supervision), computed from the read model's proposal summaries. Each rate is null where its
 * denominator is zero. The definitions are written once, in the response schema's descriptions.
 */
import { assignedUnits } from '../../../../workflows/domain/roles';
import type { ProposalSummary } from '../../../../workflows/domain/summary';
import { ON_TIME_DUTIES, type Rating, lowestRating } from '../../../../workflows/domain/vocabulary';

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
  keyProposals: 0,
  keyRepliedOnTime: 0,
  publicationDecided: 0,
  published: 0,
});

export function statistics(summaries: ProposalSummary[], now: string) {
  const tallies = tallyByUnit(summaries, now);
  const rows = [...tallies].sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.unitId.localeCompare(b.unitId));
  return {
    rows: rows.map((t) => ({ sessionId: t.sessionId, unitId: t.unitId, ...figures(t) })),
    totals: sessionTotals(summaries, rows).map((t) => ({ sessionId: t.sessionId, ...figures(t) })),
  };
}


/**
 * A session's totals count proposals, as DOMAIN.md defines the rates: a proposal with a lead and a
 * co-handler is one proposal assigned, met if either unit met the proposers, replied when every
 * reply it owes went out. Duties, commitments and published replies are each a unit's, so they are the units' sums.
 */
function sessionTotals(summaries: ProposalSummary[], unitRows: Tally[]): Tally[] {
  const totals = new Map<string, Tally>();
  const total = (sessionId: string) => {
    const t = totals.get(sessionId) ?? emptyTally(sessionId, '');
    totals.set(sessionId, t);
    return t;
  };
  const SUMMED = ['dutiesDue', 'dutiesOnTime', 'commitmentsOpen', 'commitmentsDelivered', 'commitmentsOverdue', 'commitmentsUndeliverable', 'publicationDecided', 'published'] as const;
  for (const u of unitRows) {
    const t = total(u.sessionId);
    for (const k of SUMMED) t[k] += u[k];
  }
  for (const s of summaries) {
    if (!s.assignment) continue;
    const t = total(s.sessionId);
    t.assigned++;
    if (s.key) t.keyProposals++;
    if (s.contacts.length > 0) t.contacted++;
    if (s.contacts.some((c) => MEETING_FORMS.includes(c.form))) t.met++;
    if (s.replies.length === 0) continue;
    t.owed++;
    if (s.replies.every((r) => r.firstIssuedAt !== null)) t.replied++;
    if (s.replies.every((r) => r.firstIssuedAt !== null && r.firstIssuedAt < r.firstDueAt)) {
      t.repliedOnTime++;
      if (s.key) t.keyRepliedOnTime++;
    }
    // A proposal with several replies (分办) counts on its lowest, as one reply counts on its proposers' lowest.
    const rating = lowestRating(s.replies.map((r) => r.rating));
    if (rating !== null) {
      t.rated++;
      if (content(rating)) t.ratedContent++;
    }
    const first = lowestRating(s.replies.map((r) => r.firstRating));
    if (first !== null) {
      t.firstRated++;
      if (content(first)) t.firstRatedContent++;
    }
  }
  return [...totals.values()].sort((a, b) => a.sessionId.localeCompare(b.sessionId));
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
    // Every assigned unit, lead or co-handler, has the proposal and may meet the proposers; a unit
    // that passed its part to a successor (机构改革) keeps what it did.
    const units = [...assignedUnits(s.assignment), ...(s.formerUnits ?? [])];
    for (const unitId of units) {
      const t = tally(s.sessionId, unitId);
      t.assigned++;
      if (s.key) t.keyProposals++;
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
    // Replies and their ratings belong to the unit that issued them (or owes them); commitments to the unit that follows them up.
    for (const r of s.replies) {
      const t = tally(s.sessionId, r.issuedBy ?? r.unitId);
      t.owed++;
      if (r.firstIssuedAt !== null) t.replied++;
      if (r.firstIssuedAt !== null && r.firstIssuedAt < r.firstDueAt) {
        t.repliedOnTime++;
        if (s.key) t.keyRepliedOnTime++;
      }
      if (r.rating !== null) {
        t.rated++;
        if (content(r.rating)) t.ratedContent++;
      }
      if (r.firstRating !== null) {
        t.firstRated++;
        if (content(r.firstRating)) t.firstRatedContent++;
      }
      if (r.publication) {
        t.publicationDecided++;
        if (r.publication.decision !== 'withheld') t.published++;
      }
      const follower = tally(s.sessionId, r.unitId);
      for (const c of r.commitments) {
        if (c.status === 'delivered') follower.commitmentsDelivered++;
        else if (c.status === 'undeliverable') follower.commitmentsUndeliverable++;
        // Open past the follow-up limit, or lapsed under the rules before the audit: neither delivered nor explained.
        else if (c.status === 'lapsed' || past(c.deliveryDueAt)) follower.commitmentsOverdue++;
        else follower.commitmentsOpen++;
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
    keyProposals: t.keyProposals,
    keyRepliedOnTime: t.keyRepliedOnTime,
    publicationDecided: t.publicationDecided,
    published: t.published,
  };
}
