/** The default handling policy (DOMAIN.md's defaults) with mainland China's holiday calendar. */
import { HandlingPolicySchema, type HandlingPolicy } from '../workflows/domain/policy';
import policy from './handling-policy.json';
import cnMainland from './calendars/cn-mainland.json';

const calendars: Record<string, unknown> = { 'calendars/cn-mainland.json': cnMainland };

export function defaultPolicy(): HandlingPolicy {
  return HandlingPolicySchema.parse({ ...policy, calendar: calendars[policy.calendar] });
}
