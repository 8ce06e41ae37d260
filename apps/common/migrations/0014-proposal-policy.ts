/**
 * What a proposal's readable history needs, so it is answered from the read model's events
 * instead of a Query that may replay the proposal's whole history: the handling policy it runs
 * under (as pinned, with the calendar years it took since), and each event's timeline note (the
 * stage and next due date right after it). Rows projected before stay null: their history is
 * asked of the proposal until its next run writes the policy, and folded where notes are missing.
 */
export default {
  id: '0014-proposal-policy',
  sql: `
alter table proposals add column policy jsonb;
alter table proposal_events add column stage text, add column next_due text;
`,
};
