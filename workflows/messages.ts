/**
 * The proposal workflow's messages, defined once and imported by the workflow and every client
 * (worker, API, tests) so that names and payloads cannot drift apart.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from './domain/commands';
import type { Intake, Proposer } from './domain/contracts';
import type { Duty } from './domain/duties';
import type { SettledDuty } from './domain/ledger';
import type { Urgency } from './domain/vocabulary';
import type { RecordedEvent } from './domain/events';
import type { HandlingPolicy } from './domain/policy';
import type { ProposalState } from './domain/state';
import type { CalendarNotice, Succession } from './domain/lifecycle';

export const TASK_QUEUE = 'proposals';

export interface ProposalInput {
  intake: Intake;
  filedBy: Actor;
  /** Pinned at start: a running proposal keeps the rules it started under. */
  policy: HandlingPolicy;
  /**
   * What a renewed run (continue-as-new) takes over from the one before: the proposal as it stood
   * (`snapshot`) with the events the read model has not taken yet, or, from runs renewed before
   * snapshots, every event since filing; and the latest answers by Update ID, since Temporal
   * deduplicates Update IDs only within a run.
   */
  carried?: {
    snapshot?: { state: ProposalState; settled: SettledDuty[] };
    history: RecordedEvent[];
    projected: number;
    lastRequestId?: string;
    answered?: [string, ActResult][];
    legacy?: boolean;
  };
}

/** Where an action came from, for the logs: the API's request ID follows it into the workflow and activities. */
export interface ActMeta {
  requestId?: string;
}

export interface ActResult {
  version: number;
  events: RecordedEvent[];
}

export interface ProposalView {
  proposalId: string;
  /** The policy pinned at start, whose rules and calendar this proposal runs under. */
  policy: HandlingPolicy;
  stage: string;
  state: ProposalState;
  duties: (Duty & { urgency: Urgency })[];
  /** The duties owed and no longer open: done (on time or late), or let go past due. */
  settled: SettledDuty[];
  /** The workflow's clock when the view was taken. */
  asOf: string;
}

/** Every human action: a command (see domain/commands.ts), refused by the validator or applied once per Update ID. */
export const actUpdate = defineUpdate<ActResult, [unknown, ActMeta]>('act');
export const viewQuery = defineQuery<ProposalView>('view');
export const eventsQuery = defineQuery<RecordedEvent[], [number?]>('events');
/** An operator loaded a year's holidays (a version of it): a proposal whose calendar lacks that year takes it, one that covers it takes the correction. */
export const calendarYearSignal = defineSignal<[CalendarNotice & { by: Actor }]>('calendarYear');
/** 机构改革: a unit merged into or renamed as another; a proposal it handles passes its open work to the successor. */
export const unitSuccessionSignal = defineSignal<[Succession & { by: Actor }]>('unitSuccession');
/** 并案: a proposal merged into this one sends its number and proposers, who then receive this reply. */
export const mergedIntoSignal = defineSignal<[{ number: number; proposers: Proposer[]; by: Actor }]>('mergedInto');

/** One workflow per proposal: the ID is the proposal's identity, so a second intake cannot start a second one. */
export function proposalWorkflowId(sessionId: string, number: number): string {
  return `proposal-${sessionId}-${number}`;
}

/**
 * How an intake starts a proposal's workflow: never a second one for the same proposal, whether
 * the first is still running or long closed.
 */
export function intakeOptions(input: ProposalInput, taskQueue: string = TASK_QUEUE) {
  return {
    workflowId: proposalWorkflowId(input.intake.session.id, input.intake.number),
    taskQueue,
    args: [input] as [ProposalInput],
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    workflowIdConflictPolicy: 'FAIL' as const,
  };
}

/** The failure type a refused action carries, with the typed refusal as its details. */
export const REFUSAL_FAILURE = 'ProposalActionRefused';

/** The failure type of a projection PostgreSQL can never accept: retrying it would only repeat it. */
export const PROJECTION_REJECTED = 'ProjectionRejected';
