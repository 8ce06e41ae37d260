/** 考核: a unit's yearly score under the assessment policy, counted by hand. */
import { assess, type UnitHandling } from '../../apps/api/src/assessment/scores';
import { assessmentPolicy } from '../../seeds/policy';
import { AssessmentPolicySchema } from '../../workflows/domain/assessment-policy';

const policy = assessmentPolicy(); // weights 40 / 30 / 15 / 15; −1 per escalation, −2 per overdue commitment, at most −20
const unit = (unitId: string, over: Partial<UnitHandling>): UnitHandling => ({
  unitId,
  onTimeRate: null,
  satisfactionRate: null,
  meetingRate: null,
  replied: 0,
  published: 0,
  commitmentsOverdue: 0,
  ...over,
});

describe('assessment (考核)', () => {
  it('given every rate, when scored, then each rate earns its weight and the points add up to the score', () => {
    const [drc] = assess([unit('drc', { onTimeRate: 0.75, satisfactionRate: 1, meetingRate: 0.5, replied: 4, published: 3 })], () => 0, policy);
    // 40×0.75 = 30, 30×1 = 30, 15×0.5 = 7.5, 15×3/4 = 11.25
    expect(drc!.points).toEqual({ onTimeRate: 30, satisfactionRate: 30, meetingRate: 7.5, publicationRate: 11.25 });
    expect(drc!.base).toBe(78.75);
    expect(drc!.score).toBe(78.75);
    expect(drc!.rank).toBe(1);
  });

  it('given a co-handler with no replies or ratings, when scored, then the weights of the rates it has are scaled to 100', () => {
    const [sci] = assess([unit('sci', { onTimeRate: 1, meetingRate: 0 })], () => 0, policy);
    // Weights counted 40 + 15 = 55: on-time 100×40/55 = 72.73, meetings 0.
    expect(sci!.points).toEqual({ onTimeRate: 72.73, satisfactionRate: null, meetingRate: 0, publicationRate: null });
    expect(sci!.score).toBe(72.73);
  });

  it('given escalations to the assessment rung and overdue commitments, when scored, then points come off up to the cap', () => {
    const full = { onTimeRate: 1, satisfactionRate: 1, meetingRate: 1, replied: 1, published: 1 };
    const rows = assess([unit('a', { ...full, commitmentsOverdue: 2 }), unit('b', { ...full, commitmentsOverdue: 9 })], (id) => (id === 'a' ? 3 : 5), policy);
    const a = rows.find((r) => r.unitId === 'a')!;
    const b = rows.find((r) => r.unitId === 'b')!;
    expect(a.deduction).toBe(3 * 1 + 2 * 2); // 7
    expect(a.score).toBe(93);
    expect(b.deduction).toBe(20); // 5 + 18 = 23, capped
    expect(b.score).toBe(80);
  });

  it('given equal scores and a unit with nothing to score, when ranked, then equals share a rank and the unscored one comes last without one', () => {
    const rows = assess(
      [unit('c', {}), unit('b', { onTimeRate: 0.5 }), unit('a', { onTimeRate: 0.5 }), unit('d', { onTimeRate: 1 })],
      () => 0,
      policy,
    );
    expect(rows.map((r) => [r.unitId, r.score, r.rank])).toEqual([
      ['d', 100, 1],
      ['a', 50, 2],
      ['b', 50, 2],
      ['c', null, null],
    ]);
  });

  it('refuses a policy whose weights are all zero, naming the field', () => {
    const parsed = AssessmentPolicySchema.safeParse({ ...policy, weights: { onTimeRate: 0, satisfactionRate: 0, meetingRate: 0, publicationRate: 0 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['weights']);
  });
});
