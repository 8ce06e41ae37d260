/**
 * A unit's yearly summary (办理工作总结): the rules are in domain/annual-summary.ts; this function
 * keeps its state, raises its alerts when their instants come, and projects it to the read model.
 * It ends once the summary is in and projected.
 */
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { type SummaryInput, alertsToRaise, decideSubmission, summaryRequested } from './domain/annual-summary';
import { pinnedPolicy } from './domain/policy';
import type { Refusal } from './domain/refusals';
import { type SummaryActivities, submitSummaryUpdate, summaryQuery } from './annual-summary';
import { REFUSAL_FAILURE } from './messages';

const { projectSummary, raiseSummaryAlerts } = proxyActivities<SummaryActivities>({ startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });

export async function annualSummaryWorkflow(input: SummaryInput): Promise<void> {
  const now = () => new Date().toISOString();
  // Pinned when asked, with the defaults of any item added since, as a proposal's policy is.
  const policy = pinnedPolicy(input.policy, false);
  let state = summaryRequested({ ...input, policy }, now());
  let version = 1;
  let projected = 0;
  const refused = (r: Refusal) => ApplicationFailure.create({ type: REFUSAL_FAILURE, message: r.message, details: [r], nonRetryable: true });
  setHandler(summaryQuery, () => state);
  setHandler(
    submitSummaryUpdate,
    ({ actor, text }) => {
      const decision = decideSubmission(state, actor, { text }, now());
      if (!decision.ok) throw refused(decision.refusal);
      state = decision.state;
      version++;
      return state;
    },
    {
      validator: ({ actor, text }) => {
        const decision = decideSubmission(state, actor, { text }, now());
        if (!decision.ok) throw refused(decision.refusal);
      },
    },
  );

  for (;;) {
    if (version > projected) {
      const v = version;
      await projectSummary(state);
      projected = v;
      continue;
    }
    const due = alertsToRaise(state, policy).filter((a) => a.at <= now());
    if (due.length > 0) {
      await raiseSummaryAlerts({ alerts: due, year: state.year, raisedAt: now() });
      state = { ...state, raised: [...state.raised, ...due.map((a) => a.key)] };
      continue;
    }
    if (state.submitted) break;
    const next = alertsToRaise(state, policy)[0];
    const moved = () => version > projected;
    if (next) await condition(moved, Math.max(Date.parse(next.at) - Date.now(), 1));
    else await condition(moved);
  }
  await condition(allHandlersFinished);
}
