/**
 * 撤案 and 不立案异议: the lead signer withdraws a proposal or objects to 不立案, and the committee decides.
 * Rules of the decider (lifecycle.ts), each in two parts: `may` and `decide` (rule.ts).
 */
import { isOverdue } from '../calendar';
import type { Actor } from '../commands';
import { type Checked, found, handling } from '../guards';
import { refuse } from '../refusals';
import { type ProposalState, REPLY_OWED, leadSigner } from '../state';
import { rule, nothing, ok } from './rule';

/**
 * 撤案: the proposer (for a joint proposal, the lead signer) withdraws a proposal not yet assigned;
 * an assigned one only with the committee's consent, and only while no reply has gone out.
 */
export const withdraw = rule<'withdraw', 'now' | 'ask'>({
  targets: 'none',
  may: (state, actor) => {
    const signer = signedBy(state, actor, 'withdraws');
    if (!signer.ok) return signer;
    if (state.status === 'filed' || state.status === 'registered') return found('now' as const);
    const h = handling(state);
    if (!h.ok) return h;
    const issued = Object.values(state.tracks).find((t) => !REPLY_OWED.includes(t.stage));
    if (issued) return refuse('wrongStage', `the reply of ${issued.unitId} has been issued; the proposal is no longer withdrawn`);
    if (state.withdrawalRequest) return refuse('alreadyDone', 'a request to withdraw is waiting for the committee');
    return found('ask' as const);
  },
  decide: ({ reason }, when) => ok(when === 'now' ? { type: 'ProposalWithdrawn', reason } : { type: 'WithdrawalRequested', reason }),
});

/** The lead signer, acting: any other proposer, or anyone else, is refused. */
function signedBy(state: ProposalState, actor: Actor, does: string): Checked<null> {
  const proposers = state.intake?.proposers ?? [];
  if (leadSigner(state)?.id === actor.id) return nothing;
  return refuse('forbidden', proposers.some((p) => p.id === actor.id) ? `only the lead signer ${does} a joint proposal` : `${actor.id} is not a proposer of this proposal`);
}

/** 不立案异议: the lead signer objects to 不立案 within the window, once, with a reason. */
export const objectToReview = rule<'objectToReview', { until: string }>({
  targets: 'none',
  may: (state, actor, { now }) => {
    const signer = signedBy(state, actor, 'objects for');
    if (!signer.ok) return signer;
    const o = state.objection;
    if (state.status !== 'notRegistered' || !o) return refuse('wrongStage', `the proposal is ${state.status}; only 不立案 is objected to`);
    if (o.stage !== 'open') return refuse(o.stage === 'lapsed' ? 'windowClosed' : 'alreadyDone', o.stage === 'lapsed' ? `objections closed at the end of ${o.until.date}` : 'the proposer has objected already');
    if (isOverdue(o.until, now)) return refuse('windowClosed', `objections closed at the end of ${o.until.date}`);
    return found({ until: o.until.date });
  },
  decide: ({ reason }) => ok({ type: 'ReviewObjected', reason }),
  offer: ({ until }) => ({ until }),
});

/** The committee reviews the proposal again on the objection: registered after all, or 不立案 kept, with its reason. */
export const decideObjection = rule<'decideObjection', null>({
  targets: 'none',
  may: (state) => (state.status === 'notRegistered' && state.objection?.stage === 'objected' ? nothing : refuse('notFound', 'no objection to 不立案 is waiting')),
  decide: ({ decision, reason }) => ok({ type: 'ObjectionDecided', decision, reason }),
});

/** The committee consents to withdrawing an assigned proposal (its duties let go, counted against no unit), or refuses. */
export const decideWithdrawal = rule<'decideWithdrawal', { reason: string }>({
  targets: 'none',
  may: (state) => {
    const h = handling(state);
    if (!h.ok) return h;
    return state.withdrawalRequest ? found(state.withdrawalRequest) : refuse('notFound', 'no request to withdraw this proposal is waiting');
  },
  decide: ({ decision, reason }, request) =>
    ok(decision === 'consent' ? { type: 'ProposalWithdrawn', reason: request.reason, consent: reason } : { type: 'WithdrawalRefused', reason }),
});
