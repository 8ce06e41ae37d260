import { refusalProblem } from '../../apps/api/src/proposals/temporal-errors';
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
