/**
 * 答复公开: each issued reply's publication, decided by its unit. Rules of the decider (lifecycle.ts),
 * each in two parts: `may` and `decide` (rule.ts).
 */
import { ownTrack } from '../guards';
import { refuse } from '../refusals';
import type { Track } from '../state';
import { rule, ok } from './rule';

/** 答复公开: the replying unit decides, once per issued reply, whether and how it is published. */
export const decidePublication = rule<'decidePublication', Track>({
  targets: 'none',
  may: (state, actor, { policy }) => {
    if (!policy.periods.publicationDecision) return refuse('forbidden', 'under this handling policy replies are not published through the system');
    const t = ownTrack(state, actor);
    if (!t.ok) return t;
    if (!t.value.issued) return refuse('notReady', `the reply of ${t.value.unitId} has not been issued`);
    return t.value.publication ? refuse('alreadyDone', `the publication of ${t.value.unitId}'s reply is decided`) : t;
  },
  decide: ({ publication }, track) => ok({ type: 'PublicationDecided', unitId: track.unitId, ...publication }),
});
