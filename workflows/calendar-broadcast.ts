/**
 * A calendar year loaded or corrected, told to every running proposal by one durable workflow at a
 * bounded rate, so the workers replaying them keep answering people's reads meanwhile.
 */
import { defineQuery } from '@temporalio/workflow';
import type { CalendarYear } from './domain/calendar';
import type { Actor } from './domain/commands';

export interface CalendarBroadcastInput {
  calendarYear: CalendarYear;
  version: number;
  by: Actor;
  /** Proposals told per second at most. */
  perSecond: number;
}

export interface BroadcastProgress {
  told: number;
  finished: boolean;
}

export interface CalendarBroadcastActivities {
  /** Tells the running proposals after `after` (by id), `limit` of them; `last` is undefined when none are left. */
  tellRunningProposals(input: { calendarYear: CalendarYear; version: number; by: Actor; after: string; limit: number }): Promise<{ told: number; last?: string }>;
}

export const broadcastProgressQuery = defineQuery<BroadcastProgress>('progress');
/** One broadcast per version of a year: a load retried, or sent again unchanged, starts none. */
export const calendarBroadcastId = (calendar: string, year: number, version: number) => `calendar-${calendar}-${year}-v${version}`;
