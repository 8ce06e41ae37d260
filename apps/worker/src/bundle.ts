/** Build step: bundles the workflow code once, so workers start without webpack. */
import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { workflowCode } from './workflow-code';

async function main() {
  const { code } = await bundleWorkflowCode(workflowCode());
  const out = path.resolve(__dirname, '../../../workflow-bundle.js');
  await writeFile(out, code);
  // On stderr: commands that build first (`npm run token`) keep stdout for their own answer.
  console.error(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
