/**
 * The worker process. Temporal's runtime owns shutdown: on SIGINT/SIGTERM it drains the worker,
 * `run()` resolves, and only then are the connection and the pool closed.
 */
import { tracing } from './tracing';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { createActivities } from '../../../activities';
import { VOCABULARY_VERSION, indexUnindexedProposals } from '../../common/search-words';
import { dropWordsOfAnOlderVocabulary } from '../../common/resegmenting';
import { fingerprintUnfingerprinted } from '../../common/fingerprints';
import { createPool } from '../../common/database';
import { readEnv } from './config';
import { createProposalWorker } from './worker';
import { ensureDailyDigestSchedule } from './daily-digest-schedule';

async function main() {
  const env = readEnv();
  Runtime.install({
    logger: new DefaultLogger(env.LOG_LEVEL),
    ...(env.METRICS_ADDRESS ? { telemetryOptions: { metrics: { prometheus: { bindAddress: env.METRICS_ADDRESS } } } } : {}),
  });
  const bundle = env.WORKFLOW_BUNDLE ?? path.resolve(__dirname, '../../../workflow-bundle.js');
  if (!fs.existsSync(bundle)) throw new Error(`no workflow bundle at ${bundle}: run \`npm run build\` first`);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const pool = createPool(env.DATABASE_URL);
  // The batch activities send proposals their Updates as a client would.
  const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE, interceptors: { workflow: tracing.clientInterceptors } });
  try {
    const worker = await createProposalWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      activities: createActivities(pool, client),
      workflowBundlePath: bundle,
      maxCachedWorkflows: env.MAX_CACHED_WORKFLOWS,
      tracing: tracing.worker,
    });
    // Proposals projected before the search index, or before fingerprints, or cut with other policy
    // terms, are given theirs while the worker runs.
    void dropWordsOfAnOlderVocabulary(pool)
      .then((dropped) => dropped && console.log(JSON.stringify({ level: 'info', msg: 'the policy terms changed: the words of every proposal are cut again', vocabulary: VOCABULARY_VERSION })))
      .then(() => indexUnindexedProposals(pool))
      .then((n) => n > 0 && console.log(JSON.stringify({ level: 'info', msg: 'search words given to proposals projected without them', proposals: n })))
      .then(() => fingerprintUnfingerprinted(pool))
      .then(
        (n) => n > 0 && console.log(JSON.stringify({ level: 'info', msg: 'fingerprints given to proposals projected without them', proposals: n })),
        (err: Error) => console.error(JSON.stringify({ level: 'warn', msg: 'proposals projected before the search index or fingerprints were not all given them', err: err.message })),
      );
    if (env.DIGEST_AT !== 'off') {
      const digest = await ensureDailyDigestSchedule(client, { at: env.DIGEST_AT, timezone: env.DIGEST_TIMEZONE });
      if (digest !== 'unchanged') console.log(JSON.stringify({ level: 'info', msg: `the daily digest schedule was ${digest}`, at: env.DIGEST_AT, timezone: env.DIGEST_TIMEZONE }));
    }
    await worker.run();
  } finally {
    await connection.close();
    await clientConnection.close();
    await pool.end();
    await tracing.shutdown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
