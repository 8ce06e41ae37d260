/**
 * Latency of one action through the API (HTTP → NestJS → Temporal Update → workflow → reply),
 * on the embedded stack: Temporal dev server, real worker, real PostgreSQL. Prints figures;
 * asserts nothing.
 *
 *   node -r @swc-node/register benchmarks/api-latency.ts [actions=300] [concurrency=1,8]
 */
import { referenceCase } from '../seeds/reference-case';
import { http, startStack } from '../tests/support/api';

const total = Number(process.argv[2] ?? 300);
const concurrencies = (process.argv[3] ?? '1,8').split(',').map(Number);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const stack = await startStack();
  const c = referenceCase();
  let number = 50_000;
  try {
    for (const concurrency of concurrencies) {
      // One proposal per worker lane, assigned, so each action is a contact the DRC records.
      const ids: string[] = [];
      for (let i = 0; i < concurrency; i++) {
        const filed = await http(stack, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, number: number++ } });
        const id = filed.body.proposalId as string;
        await http(stack, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } });
        await http(stack, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c.assignment } });
        ids.push(id);
      }
      const contact = { ...c.contacts[0]!.contact, occurredAt: new Date(Date.now() - 60_000).toISOString() };
      const times: number[] = [];
      let failures = 0;
      const started = performance.now();
      await Promise.all(
        ids.map(async (id) => {
          for (let i = 0; i < Math.ceil(total / concurrency); i++) {
            const t0 = performance.now();
            const res = await http(stack, 'POST', `/proposals/${id}/contacts`, { as: 'drc-officer', body: { contact } });
            times.push(performance.now() - t0);
            if (res.status !== 200) failures++;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `concurrency ${concurrency}: ${times.length} actions in ${seconds.toFixed(1)} s = ${(times.length / seconds).toFixed(0)}/s; ` +
          `p50 ${pct(sorted, 50).toFixed(1)} ms, p90 ${pct(sorted, 90).toFixed(1)} ms, p99 ${pct(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; failures ${failures}`,
      );
    }
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
