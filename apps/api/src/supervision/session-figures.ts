/**
 * A session's figures as the committee reports them to the plenary (提案工作情况报告) and the
 * government in its 办理情况通报: what was received and how it was reviewed, who proposed (members
 * or collectives) and on what, how many units handled it, and the classes of the replies. Counted
 * from every proposal of the session in the read model; the handling rates are `statistics`'.
 */
import { assignedUnits, replyingUnits } from '../../../../workflows/domain/roles';
import type { ProposalSummary } from '../../../../workflows/domain/summary';

const count = <K extends string>(keys: K[]) => {
  const tally = new Map<K, number>();
  for (const k of keys) tally.set(k, (tally.get(k) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

export function sessionFigures(summaries: ProposalSummary[]) {
  const bySession = new Map<string, ProposalSummary[]>();
  for (const s of summaries) bySession.set(s.sessionId, [...(bySession.get(s.sessionId) ?? []), s]);
  return [...bySession].sort(([a], [b]) => a.localeCompare(b)).map(([sessionId, all]) => {
    const status = (...st: ProposalSummary['status'][]) => all.filter((s) => st.includes(s.status)).length;
    // A proposal is a member's unless its lead proposer is a party group or a committee.
    const collective = all.filter((s) => {
      const lead = s.proposers.find((p) => p.leadSigner) ?? s.proposers[0];
      return lead?.kind !== undefined && lead.kind !== 'member';
    }).length;
    const handled = all.filter((s) => s.assignment && s.status !== 'withdrawn');
    const units = new Set(handled.flatMap((s) => assignedUnits(s.assignment!)));
    const leadUnits = new Set(handled.flatMap((s) => replyingUnits(s.assignment!)));
    const issued = handled.flatMap((s) => s.replies.filter((r) => r.issuedAt !== null && r.replyClass !== null).map((r) => r.replyClass!));
    return {
      sessionId,
      sessionName: all[0]!.sessionName,
      received: all.length,
      registered: status('registered', 'handling', 'closed'),
      merged: status('merged'),
      notRegistered: status('notRegistered'),
      convertedToReport: status('convertedToReport'),
      withdrawn: status('withdrawn'),
      awaitingReview: status('filed'),
      byMembers: all.length - collective,
      collective,
      byCategory: count(all.map((s) => s.category)).map(([category, n]) => ({ category, count: n })),
      units: units.size,
      leadUnits: leadUnits.size,
      repliesByClass: count(issued).map(([replyClass, n]) => ({ replyClass, count: n })),
      keyProposals: all.filter((s) => s.key).length,
    };
  });
}
