/**
 * The read model at scale: lists, search, tasks and statistics through the API over a generated
 * store of many proposals, with the plans PostgreSQL chooses for them.
 */
import { loadDirectory } from '../apps/api/src/auth/principals';
import { mintToken } from '../apps/api/src/auth/tokens';
import { SECRET, type Stack, http } from '../tests/support/api';
import { searchWords } from '../apps/common/search-words';
import { generateSessions } from './session-generator';
import { type Latencies, timed } from './stats';

export interface ReadModelFigures {
  proposals: number;
  generatedSeconds: number;
  queries: Record<string, Latencies>;
  plans: Record<string, { usesIndex: boolean; plan: string }>;
}

export async function readModel(stack: Stack, total: number, samples = 40): Promise<ReadModelFigures> {
  const pool = stack.db.pool;
  const t0 = performance.now();
  const sessions = await generateSessions(pool, total);
  const generatedSeconds = (performance.now() - t0) / 1000;
  const [first] = sessions;
  const unit = first!.units[0]!;
  await loadDirectory(pool, { units: [{ id: unit, name: '生成的单位', kind: 'bureau' }], people: [{ id: 'bench-officer', name: '基准测试经办人', role: 'officer', unitId: unit }] });

  // The generated unit's officer is no one of the test directory: signed in with a token of its own.
  const officer = { authorization: `Bearer ${await mintToken('bench-officer', SECRET)}` };
  const get = (path: string, as = 'committee-clerk') => async () => {
    const res = await http(stack, 'GET', path, as === 'bench-officer' ? { headers: officer } : { as });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const pick = (i: number) => sessions[(i * 37) % sessions.length]!;
  const queries: Record<string, Latencies> = {
    'list: a session, first page': await timed(samples, (i) => get(`/proposals?session=${pick(i).sessionId}`)()),
    'list: a page further on': await timed(samples, (i) => get(`/proposals?page=${1 + (i % 50)}&pageSize=20`)()),
    "list: a unit's overdue proposals": await timed(samples, (i) => get(`/proposals?unit=${pick(i).units[i % 20]}&overdue=true`)()),
    'search: words in titles and texts': await timed(samples, (i) => get(`/proposals?q=${encodeURIComponent(['新材料', '养老', '数字经济', '生态'][i % 4]!)}`)()),
    "tasks: an officer's open duties": await timed(samples, () => get('/tasks', 'bench-officer')()),
    'overdue: the committee, one session': await timed(samples, (i) => get(`/supervision/overdue?session=${pick(i).sessionId}`)()),
    'statistics: one session': await timed(samples, (i) => get(`/supervision/stats?session=${pick(i).sessionId}`)()),
  };

  // The access paths those reads take, as PostgreSQL plans them.
  const explain = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    return { usesIndex: /Index|Bitmap/.test(plan) && !/Seq Scan on (proposals|unit_tasks)/.test(plan), plan };
  };
  const plans = {
    'proposals of a session': await explain('select id from proposals p where p.session_id = $1 order by p.session_id, p.number limit 20', [first!.sessionId]),
    'proposals of a unit': await explain('select id from proposals p where p.unit_ids @> array[$1::text] limit 20', [unit]),
    "a unit's tasks by due date": await explain('select proposal_id from unit_tasks t where t.unit_id = $1 order by t.due_at', [unit]),
    'overdue duties of a proposal': await explain('select count(*) from unit_tasks t where t.proposal_id = $1 and not t.is_window and t.due_at <= now()', [`proposal-${first!.sessionId}-1`]),
    // A word few proposals hold (a number): one that half the generated store holds is found faster by reading the table.
    'text search, a rare word': await explain(`select id from proposals p where p.search_words @@ plainto_tsquery('simple', $1) limit 20`, [searchWords('123').join(' ')]),
  };
  return { proposals: total, generatedSeconds, queries, plans };
}
