/**
 * The committee's handling statistics per session and unit (DOMAIN.md, Supervision), computed
 * from the read model's proposal summaries. Each rate is null where its denominator is zero.
 */
import { type Rating, assignedUnits } from '../../../../workflows/domain/contracts';
import type { ProposalSummary } from '../../../../workflows/domain/summary';

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);
const content = (r: Rating) => r === 'satisfied' || r === 'basicallySatisfied';

const emptyTally = (sessionId: string, unitId: string) => ({
  sessionId,
  unitId,
  assigned: 0,
  owed: 0,
  replied: 0,
  repliedOnTime: 0,
  due: 0,
  ratings: [] as Rating[],
  firstRatings: [] as Rating[],
  contacted: 0,
  met: 0,
  commitmentsOpen: 0,
  commitmentsDone: 0,
  commitmentsClosed: 0,
});

export function statistics(summaries: ProposalSummary[], now: string) {
  const tallies = new Map<string, ReturnType<typeof emptyTally>>();
  const tally = (sessionId: string, unitId: string) => {
    const key = JSON.stringify([sessionId, unitId]);
    const t = tallies.get(key) ?? emptyTally(sessionId, unitId);
    tallies.set(key, t);
    return t;
  };

  for (const s of summaries) {
    if (!s.assignment) continue;
    // Every assigned unit, lead or co-handler, has the proposal and may meet the proposers.
    for (const unitId of assignedUnits(s.assignment)) {
      const t = tally(s.sessionId, unitId);
      t.assigned++;
      const contacts = s.contacts.filter((c) => c.unitId === unitId);
      if (contacts.length > 0) t.contacted++;
      if (contacts.some((c) => c.form === 'faceToFace')) t.met++;
    }
    // Replies, ratings and commitments belong to the unit that owes the reply.
    for (const r of s.replies) {
      const t = tally(s.sessionId, r.unitId);
      t.owed++;
      if (r.firstIssuedAt !== null) t.replied++;
      if (r.firstIssuedAt !== null && r.firstIssuedAt < r.firstDueAt) t.repliedOnTime++;
      if (r.firstIssuedAt !== null || r.firstDueAt <= now) t.due++;
      t.ratings.push(...Object.values(r.ratings));
      t.firstRatings.push(...Object.values(r.rounds[0]?.ratings ?? (r.round === 1 ? r.ratings : {})));
      for (const c of r.commitments) {
        if (c.status === 'open') t.commitmentsOpen++;
        else if (c.status === 'done') t.commitmentsDone++;
        else t.commitmentsClosed++;
      }
    }
  }

  return [...tallies.values()]
    .sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.unitId.localeCompare(b.unitId))
    .map((t) => ({
      sessionId: t.sessionId,
      unitId: t.unitId,
      assigned: t.assigned,
      replied: t.replied,
      repliedOnTime: t.repliedOnTime,
      replyRate: ratio(t.repliedOnTime, t.owed),
      onTimeRate: ratio(t.repliedOnTime, t.due),
      rated: t.ratings.length,
      satisfactionRate: ratio(t.ratings.filter(content).length, t.ratings.length),
      firstReplySatisfactionRate: ratio(t.firstRatings.filter(content).length, t.firstRatings.length),
      contactRate: ratio(t.contacted, t.assigned),
      meetingRate: ratio(t.met, t.assigned),
      commitmentsOpen: t.commitmentsOpen,
      commitmentsDone: t.commitmentsDone,
      commitmentsClosed: t.commitmentsClosed,
    }));
}
