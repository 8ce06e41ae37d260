/**
 * When a task is overdue, said once for every query that asks: an owed duty (not a window that
 * lapses) whose due instant has passed. The same rule as `urgency` in workflows/domain/duties.ts.
 */
export const overdueTask = (t: string) => `(not ${t}.is_window and ${t}.due_at <= now())`;
