/**
 * The domain's modules are shared by every proposal a worker runs, and the SDK freezes what it
 * shares: the rules must work frozen. The modules here are frozen as the SDK freezes them, then
 * proposal 202 runs its whole life through them, with commands checked by their schemas, and
 * ill-formed commands are refused as such.
 */
import { workflowCode } from '../../apps/worker/src/workflow-code';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { defaultPolicy } from '../../seeds/policy';
import { decideUnknown, fileProposal } from '../../workflows/domain/lifecycle';
import { pinnedPolicy } from '../../workflows/domain/policy';
import { evolve, initialState } from '../../workflows/domain/state';

/** As the SDK's reusable V8 context freezes shared modules: own properties, recursively; what cannot be frozen is left. */
function deepFreeze(object: unknown, visited = new WeakSet<object>()): void {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function') || visited.has(object)) return;
  visited.add(object);
  if (Object.isFrozen(object)) return;
  if (typeof object === 'object') {
    for (const name of [...Object.getOwnPropertyNames(object), ...Object.getOwnPropertySymbols(object)]) {
      try {
        deepFreeze((object as Record<string | symbol, unknown>)[name], visited);
      } catch {
        // As the SDK: some objects cannot be frozen.
      }
    }
  }
  Object.freeze(object);
}

const shared = workflowCode().preloadModules!;
beforeAll(async () => {
  // Loaded first, then frozen, as the SDK does at its bootstrap.
  for (const loaded of await Promise.all(shared.map((module) => import(module)))) deepFreeze(loaded);
});

test('every domain module is shared, the one readying the schemas last', () => {
  expect(shared.length).toBeGreaterThan(20);
  expect(shared.some((m) => /domain\/lifecycle\.(ts|js)$/.test(m))).toBe(true);
  expect(shared.at(-1)).toMatch(/shared-schemas\.(ts|js)$/);
});

test('frozen as the worker shares them, the rules take proposal 202 from intake to closed and refuse an ill-formed command by its schema', () => {
  const c = referenceCase();
  const policy = pinnedPolicy(defaultPolicy(), false);
  const at = '2024-03-21T02:00:00.000Z';
  let state = evolve(initialState(), fileProposal(c.intake, { role: 'committee', id: 'committee-clerk' }, at, policy));
  for (const step of referenceSteps(c, () => at)) {
    const decision = decideUnknown(step.command, state, { now: at, policy, deadlineAlerts: true });
    if (!decision.ok) throw new Error(`${step.label}: ${decision.refusal.message}`);
    for (const event of decision.events) state = evolve(state, event);
  }
  expect(state.status).toBe('closed');
  const illFormed = decideUnknown({ type: 'recordContact', actor: { role: 'officer', id: 'drc-officer', unitId: 'smx-drc' }, contact: { occurredAt: 'yesterday' } }, state, { now: at, policy, deadlineAlerts: true });
  expect(illFormed).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
});
