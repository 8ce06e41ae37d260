import type { Client } from '@temporalio/client';
import { refusalProblem, withinDeadline } from '../../apps/api/src/proposals/temporal-errors';
import type { RefusalCode } from '../../workflows/domain/refusals';

test.each<[RefusalCode, number]>([
  ['invalid', 422],
  ['forbidden', 403],
  ['wrongUnit', 403],
  ['wrongStage', 409],
  ['notReady', 409],
  ['windowClosed', 409],
  ['alreadyDone', 409],
  ['notFound', 404],
])('a %s refusal is HTTP %i, its reason and field passed through', (code, status) => {
  const p = refusalProblem({ code, message: 'why', path: ['draft', 'replyClass'] });
  expect([p.status, p.type, p.detail, p.errors]).toEqual([status, code, 'why', [{ path: 'draft.replyClass', message: 'why' }]]);
});

/** A gRPC error as grpc-js makes one, wrapped as the Temporal client does (ServiceError with a cause). */
const grpcFailure = (code: number) => Object.assign(new Error('Failed to query Workflow'), { cause: Object.assign(new Error(`${code} call ended`), { code, details: 'call ended', metadata: {} }) });
/** A client whose every call fails with `err` once the deadline has passed, as a call to a stopped worker does. */
const failingAtDeadline = (err: Error) => ({ withDeadline: (deadline: number) => new Promise((_, reject) => setTimeout(() => reject(err), Math.max(deadline - Date.now(), 0))) }) as unknown as Client;

test('a call cut off by the deadline is 503 not-completed, whether gRPC says DEADLINE_EXCEEDED or CANCELLED (seen under load for Queries)', async () => {
  for (const code of [4, 1]) {
    await expect(withinDeadline(failingAtDeadline(grpcFailure(code)), 30, async () => undefined)).rejects.toMatchObject({ status: 503, type: 'not-completed' });
  }
  // Cancelled before the deadline is something else (the client closing): not mistaken for a timeout.
  const early = { withDeadline: () => Promise.reject(grpcFailure(1)) } as unknown as Client;
  await expect(withinDeadline(early, 10_000, async () => undefined)).rejects.toThrow('Failed to query Workflow');
});
