/**
 * The assignment meeting from the command line: applies a plan to a session through the API and
 * shows its progress.
 *
 *   node dist/apps/assignment-meeting/src/main.js --session smx-8-2 --plan plan.xlsx [--per-second 10] [--api http://127.0.0.1:3000]
 *
 * The committee's bearer token comes from API_TOKEN. Exit status 0 when every row was applied,
 * 2 when the batch finished with rows refused (listed), 1 when it could not run.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { applyPlan, refusedRows } from './apply-plan';

async function main() {
  const { values } = parseArgs({ options: { session: { type: 'string' }, plan: { type: 'string' }, 'per-second': { type: 'string' }, api: { type: 'string', default: process.env.API_URL ?? 'http://127.0.0.1:3000' } } });
  const token = process.env.API_TOKEN;
  if (!values.session || !values.plan || !token) throw new Error('usage: --session ID --plan FILE [--per-second N] [--api URL], with the token in API_TOKEN');
  const progress = await applyPlan(
    { base: values.api!, token: () => token },
    { session: values.session, name: values.plan, content: fs.readFileSync(values.plan), perSecond: values['per-second'] ? Number(values['per-second']) : undefined },
  );
  console.log(`batch ${progress.batchId}: ${progress.done.length} applied, ${progress.refused.length} refused of ${progress.total}`);
  for (const line of refusedRows(progress)) console.log(line);
  process.exitCode = progress.refused.length > 0 ? 2 : 0;
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
