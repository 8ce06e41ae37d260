/**
 * What an operator filters proposals by in the Temporal web UI and `temporal workflow list`
 * (`ProposalStage = 'followUp' AND LeadUnit = 'smx-drc'`). Every server the workers run against
 * registers them: the main job's dev server, the tests' servers and docker-compose.yml.
 */
import { type SearchAttributeUpdatePair, SearchAttributeType, TypedSearchAttributes, defineSearchAttributeKey } from '@temporalio/common';
import { isOverdue } from './domain/calendar';
import type { Duty } from './domain/duties';
import { type ProposalState, stageOf } from './domain/state';

export const ProposalSession = defineSearchAttributeKey('ProposalSession', SearchAttributeType.KEYWORD);
export const ProposalNumber = defineSearchAttributeKey('ProposalNumber', SearchAttributeType.INT);
export const ProposalStage = defineSearchAttributeKey('ProposalStage', SearchAttributeType.KEYWORD);
/** The joint reply's lead unit (主办); a proposal handled separately has none. */
export const LeadUnit = defineSearchAttributeKey('LeadUnit', SearchAttributeType.KEYWORD);
/** 会办 units, or every unit of a proposal handled separately. */
export const CoHandlingUnits = defineSearchAttributeKey('CoHandlingUnits', SearchAttributeType.KEYWORD_LIST);
/** Some owed duty (not a window that lapses) is past due. */
export const ProposalOverdue = defineSearchAttributeKey('ProposalOverdue', SearchAttributeType.BOOL);

export const PROPOSAL_SEARCH_ATTRIBUTES = [ProposalSession, ProposalNumber, ProposalStage, LeadUnit, CoHandlingUnits, ProposalOverdue];

/** The `--search-attribute` value the Temporal CLI takes for each (Name=Type). */
export const cliSearchAttributes = (): string[] => PROPOSAL_SEARCH_ATTRIBUTES.map((k) => `${k.name}=${TypedSearchAttributes.toMetadataType(k.type)}`);

export function searchAttributesOf(state: ProposalState, duties: readonly Duty[], now: string): SearchAttributeUpdatePair[] {
  const a = state.assignment;
  return [
    { key: ProposalSession, value: state.intake?.session.id ?? null },
    { key: ProposalNumber, value: state.intake?.number ?? null },
    { key: ProposalStage, value: stageOf(state) },
    { key: LeadUnit, value: a?.mode === 'joint' ? a.lead : null },
    { key: CoHandlingUnits, value: a ? (a.mode === 'joint' ? a.coHandlers : a.units) : null },
    { key: ProposalOverdue, value: duties.some((d) => !d.window && isOverdue(d.due, now)) },
  ] as SearchAttributeUpdatePair[];
}
