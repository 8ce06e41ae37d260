/**
 * 每日待办: each working morning every officer with duties due soon or overdue gets one digest. A
 * Temporal Schedule starts the workflow (08:30 Beijing time by default); the activity asks for the
 * day's digest once, if the holiday calendar makes it a working day, and the dispatcher sends it.
 */
export interface DailyDigestActivities {
  /** Asks for the digest of `date` (a date in Beijing); a second ask for the same date is no new one. */
  requestDailyDigest(input: { date: string }): Promise<{ workingDay: boolean; requested: boolean }>;
}

export const DAILY_DIGEST_SCHEDULE_ID = 'daily-digest';
