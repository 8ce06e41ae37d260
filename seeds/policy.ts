/** The handling policies: DOMAIN.md's defaults with mainland China's holiday calendar, and the same on compressed time; the assessment policy. */
import { HandlingPolicySchema, type HandlingPolicy } from '../workflows/domain/policy';
import policy from './handling-policy.json';
import demo from './handling-policy-demo.json';
import cnMainland from './calendars/cn-mainland.json';
import assessment from './assessment-policy.json';
import { AssessmentPolicySchema, type AssessmentPolicy } from '../workflows/domain/assessment-policy';

const calendars: Record<string, unknown> = { 'calendars/cn-mainland.json': cnMainland };

export function defaultPolicy(): HandlingPolicy {
  return HandlingPolicySchema.parse({ ...policy, calendar: calendars[policy.calendar] });
}

/** The default rules with every period and alert offset in seconds (demonstrations, tests of the clock). */
export function compressedPolicy(): HandlingPolicy {
  return HandlingPolicySchema.parse({ ...defaultPolicy(), ...demo });
}

/** The policies a proposal can be filed under, by id; the default first. */
export function policies(): Record<string, HandlingPolicy> {
  const all = [defaultPolicy(), compressedPolicy()];
  return Object.fromEntries(all.map((p) => [p.id, p]));
}

/** The assessment policy in force: how units are scored each year. */
export function assessmentPolicy(): AssessmentPolicy {
  return AssessmentPolicySchema.parse(assessment);
}
