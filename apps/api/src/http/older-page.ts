/**
 * A page of a log read newest first (`…QuerySchema`'s `before` and `limit`): the rows were asked
 * for one more than the page holds, so whether older ones follow is known without counting.
 */
export function olderPage<R extends { id: string }, T>(rows: R[], limit: number, shown: (row: R) => T): { items: T[]; next: string | null } {
  const page = rows.slice(0, limit);
  return { items: page.map(shown), next: rows.length > limit ? page[page.length - 1]!.id : null };
}
