/**
 * The checks the rules share, each written once: who is acting for which unit, which reply an
 * action concerns, in which stage. Each returns what it found, or the refusal.
 */
import type { Actor } from './commands';
import { assignedUnits } from './roles';
import { type Refusal, type RefusalCode, refuse } from './refusals';
import { type CommitmentState, type ProposalState, type Track, type TrackStage, opinionGivers } from './state';
import type { CommitmentStatus } from './vocabulary';

export type Checked<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const found = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = (code: RefusalCode, message: string, path?: (string | number)[]): Checked<never> => refuse(code, message, path);

export const unitOf = (actor: Actor): string => (actor.role === 'officer' ? actor.unitId : '');

export function handling(state: ProposalState): Checked<ProposalState> {
  return state.status === 'handling' ? found(state) : no('wrongStage', `the proposal is ${state.status}, not being handled`);
}

/** The officer's unit, which must be assigned this proposal (as lead, co-handler or separate unit). */
export function assignedUnit(state: ProposalState, actor: Actor): Checked<string> {
  const h = handling(state);
  if (!h.ok) return h;
  const unitId = unitOf(actor);
  return assignedUnits(state.assignment!).includes(unitId) ? found(unitId) : no('wrongUnit', `${unitId} is not assigned this proposal`);
}

function inStage(track: Track, stages: TrackStage[]): Checked<Track> {
  return stages.length === 0 || stages.includes(track.stage)
    ? found(track)
    : no('wrongStage', `the reply of ${track.unitId} is ${track.stage}; this needs ${stages.join(' or ')}`);
}

/** The reply the officer's unit owes: only a lead or separately handling unit has one. */
export function ownTrack(state: ProposalState, actor: Actor, ...stages: TrackStage[]): Checked<Track> {
  const unit = assignedUnit(state, actor);
  if (!unit.ok) return unit;
  const track = state.tracks[unit.value];
  return track ? inStage(track, stages) : no('wrongUnit', `${unit.value} is a co-handling unit; only the lead unit replies`);
}

/** The reply a committee member or proposer names; may be left out when there is one reply. */
export function namedTrack(state: ProposalState, unitId: string | undefined, ...stages: TrackStage[]): Checked<Track> {
  const h = handling(state);
  if (!h.ok) return h;
  const tracks = Object.values(state.tracks);
  if (unitId === undefined) {
    return tracks.length === 1 ? inStage(tracks[0]!, stages) : no('invalid', 'units handle this proposal separately: name the unit', ['unitId']);
  }
  const track = state.tracks[unitId];
  return track ? inStage(track, stages) : no('notFound', `${unitId} owes no reply on this proposal`, ['unitId']);
}

/** The joint reply this co-handler (会办 or 协办) sends its opinion to. */
export function coHandledTrack(state: ProposalState, coHandler: string): Checked<Track> {
  const h = handling(state);
  if (!h.ok) return h;
  const track = Object.values(state.tracks).find((t) => opinionGivers(t).includes(coHandler));
  return track ? found(track) : no('wrongUnit', `${coHandler} is not a co-handling unit of this proposal`);
}

/**
 * The reply whose commitments an officer's unit follows up: its own, or the joint reply it
 * co-handles (any assigned unit reports on a commitment in its field).
 */
export function followedTrack(state: ProposalState, actor: Actor, unitId?: string): Checked<Track> {
  const unit = assignedUnit(state, actor);
  if (!unit.ok) return unit;
  const own = state.tracks[unit.value];
  if (own && (unitId === undefined || unitId === own.unitId)) return inStage(own, ['followUp']);
  const joint = Object.values(state.tracks).filter((t) => opinionGivers(t).includes(unit.value) && (unitId === undefined || t.unitId === unitId));
  if (joint.length === 0) return no('wrongUnit', `${unit.value} does not handle the reply of ${unitId ?? 'this proposal'}`, ['unitId']);
  return inStage(joint[0]!, ['followUp']);
}

export function commitmentIn(track: Track, no_: number, ...statuses: CommitmentStatus[]): Checked<CommitmentState> {
  const c = track.commitments.find((x) => x.no === no_);
  if (!c) return no('notFound', `the reply has no commitment ${no_}`, ['commitmentNo']);
  if (!statuses.includes(c.status)) {
    const code = c.status === 'open' ? 'notReady' : 'alreadyDone';
    return no(code, `commitment ${c.no} is ${c.status}; this needs ${statuses.join(' or ')}`, ['commitmentNo']);
  }
  return found(c);
}

/** Whether an instant is later than now: a contact or consultation is recorded after it happens. */
export const inFuture = (instant: string, now: string) => Date.parse(instant) > Date.parse(now);
