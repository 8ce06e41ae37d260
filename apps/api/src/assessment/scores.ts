/**
 * 考核: each unit's yearly score from its handling figures (the statistics' rows of the session)
 * under the assessment policy. Pure: the unit tests hand-count it. A rate with nothing to count
 * yet leaves its weight to the rates that count, so a co-handler (no replies of its own) is scored
 * on what it did; a unit with no rate at all is listed unscored, last.
 */
import type { AssessedRate, AssessmentPolicy } from '../../../../workflows/domain/assessment-policy';

/** What the score reads of a unit's figures (a row of GET /supervision/stats). */
export interface UnitHandling {
  unitId: string;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  meetingRate: number | null;
  replied: number;
  published: number;
  commitmentsOverdue: number;
}

const RATES: AssessedRate[] = ['onTimeRate', 'satisfactionRate', 'meetingRate', 'publicationRate'];
const round2 = (n: number) => Math.round(n * 100) / 100;

/** 公开率: first replies issued that were published, in full or as a summary. */
export const publicationRate = (u: UnitHandling) => (u.replied === 0 ? null : u.published / u.replied);

export function assess(units: UnitHandling[], escalations: (unitId: string) => number, policy: AssessmentPolicy) {
  const scored = units.map((u) => {
    const rates: Record<AssessedRate, number | null> = {
      onTimeRate: u.onTimeRate,
      satisfactionRate: u.satisfactionRate,
      meetingRate: u.meetingRate,
      publicationRate: publicationRate(u),
    };
    const counted = RATES.filter((k) => rates[k] !== null && policy.weights[k] > 0);
    const weight = counted.reduce((n, k) => n + policy.weights[k], 0);
    // Each rate's points out of 100, its weight scaled to the weights that count: the points add up to the base score.
    const points = Object.fromEntries(RATES.map((k) => [k, counted.includes(k) ? round2((100 * policy.weights[k] * rates[k]!) / weight) : null])) as Record<AssessedRate, number | null>;
    const escalated = escalations(u.unitId);
    const deduction = Math.min(policy.deductions.cap, escalated * policy.deductions.escalation + u.commitmentsOverdue * policy.deductions.commitmentOverdue);
    const base = counted.length === 0 ? null : round2(counted.reduce((n, k) => n + points[k]!, 0));
    return {
      unitId: u.unitId,
      rates,
      points,
      base,
      escalations: escalated,
      commitmentsOverdue: u.commitmentsOverdue,
      deduction,
      score: base === null ? null : round2(Math.max(0, base - deduction)),
    };
  });
  scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unitId.localeCompare(b.unitId));
  // Equal scores share a rank (1, 1, 3); an unscored unit has none.
  return scored.map((s) => ({ ...s, rank: s.score === null ? null : scored.findIndex((o) => o.score === s.score) + 1 }));
}

export type AssessedUnit = ReturnType<typeof assess>[number];
