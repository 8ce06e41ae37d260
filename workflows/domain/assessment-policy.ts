/**
 * An assessment policy (考核办法): how a year's handling is scored per unit (DOMAIN.md, the
 * committee's year; weights [config]). It is a place's rule like the handling policy, but of the
 * whole year, not pinned by a proposal: the committee scores a session with the policy in force.
 */
import { z } from 'zod';

const Weight = z.number().min(0).max(100);

export const AssessmentPolicySchema = z.strictObject({
  $comment: z.string().optional(),
  id: z.string().min(1),
  name: z.string().min(1),
  /** Each rate's weight; a rate with nothing to count yet (no rating, no reply) leaves its weight to the others. */
  weights: z
    .strictObject({ onTimeRate: Weight, satisfactionRate: Weight, meetingRate: Weight, publicationRate: Weight })
    .refine((w) => Object.values(w).some((v) => v > 0), 'at least one weight must be above zero'),
  /** Points taken off the weighted score, up to `cap`. */
  deductions: z.strictObject({
    /** Per duty whose escalation reached the assessment rung (督办 → 考核). */
    escalation: z.number().min(0).max(100),
    /** Per commitment neither delivered nor explained by the follow-up limit. */
    commitmentOverdue: z.number().min(0).max(100),
    cap: z.number().min(0).max(100),
  }),
});

export type AssessmentPolicy = z.infer<typeof AssessmentPolicySchema>;
export type AssessedRate = keyof AssessmentPolicy['weights'];
