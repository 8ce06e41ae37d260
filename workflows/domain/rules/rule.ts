/**
 * What a rule of the decider is made of, and what every rule file shares: the context it decides
 * in, its two parts, and the shorthand for answers.
 */
import type { Actor, Command, CommandType, OfferDetails } from '../commands';
import type { EventBody } from '../events';
import { type Checked, found } from '../guards';
import type { HandlingPolicy } from '../policy';
import type { Decision } from '../refusals';
import type { ProposalState } from '../state';

export interface Context {
  now: string;
  policy: HandlingPolicy;
  /**
   * Deadline alerts and the follow-up limit. Off only when replaying workflows begun before
   * they existed (the workflow decides with `patched`), so those keep the timers they had.
   */
  deadlineAlerts?: boolean;
}

/**
 * One command's rule in two parts. `may` makes every check that reads only the state, who acts,
 * which unit the command names and when: whether the action is open now at all. `decide` checks
 * what the command carries and says what happens. The decider runs both; `allowedActions` runs
 * `may` alone, so what a person is offered comes from the same guards that judge the action.
 */
export interface Rule<T extends CommandType, X> {
  /** The units an offer of this action names: none, each reply, each unit asking for reassignment, each co-handler. */
  targets: Target;
  may: (state: ProposalState, actor: Actor, ctx: Context, unitId: string | undefined) => Checked<X>;
  decide: (command: Extract<Command, { type: T }>, found: X, state: ProposalState, ctx: Context) => Decision<EventBody>;
  /**
   * The choices the rule accepts now, for the form that offers the action; null when nothing the
   * command could carry would be accepted (no commitment left to name).
   */
  offer?: (found: X, state: ProposalState, ctx: Context) => OfferDetails | null;
}
export type Target = 'none' | 'reply' | 'requester' | 'coHandler';
export type AnyRule = Rule<CommandType, unknown>;

export const rule = <T extends CommandType, X>(r: Rule<T, X>) => r as unknown as Rule<T, unknown>;
export const nothing = found(null);

export const ok = (...events: EventBody[]): Decision<EventBody> => ({ ok: true, events });
