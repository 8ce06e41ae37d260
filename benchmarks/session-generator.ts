/**
 * A generated read model for the benchmark: cities' sessions of about 250 proposals each, with
 * seeded, realistic units, proposers, stages, classes, commitments and open duties, written
 * straight into PostgreSQL as the projection writes them.
 */
import type { Pool } from 'pg';
import { WORDS_VECTOR, proposalWords } from '../apps/common/search-words';
import { seededRandom } from '../seeds/random';
import type { ProposalSummary } from '../workflows/domain/summary';

const BUREAUS = ['drc', 'stb', 'edu', 'ind', 'fin', 'hrss', 'nr', 'eco', 'hud', 'trans', 'water', 'agri', 'com', 'cult', 'health', 'ems', 'mkt', 'stat', 'civ', 'just'];
const TOPICS = ['新材料产业', '乡村振兴', '职业教育', '养老服务', '生态保护', '营商环境', '数字经济', '文旅融合', '医疗资源', '城市更新'];
const CATEGORIES = ['经济建设', '社会事业', '城乡建设', '生态文明', '文化发展'];

export interface GeneratedSession {
  sessionId: string;
  units: string[];
}

export async function generateSessions(pool: Pool, total: number, perSession = 250, seed = 20241): Promise<GeneratedSession[]> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const now = Date.now();
  const day = 86_400_000;
  const sessions: GeneratedSession[] = [];
  for (let done = 0, s = 0; done < total; s++) {
    const city = `c${Math.floor(s / 10) + 1}`;
    const sessionId = `${city}-s${(s % 10) + 1}`;
    const units = BUREAUS.map((b) => `${city}-${b}`);
    sessions.push({ sessionId, units });
    const count = Math.min(perSession, total - done);
    const proposals: Record<string, unknown>[] = [];
    const tasks: Record<string, unknown>[] = [];
    for (let n = 1; n <= count; n++) {
      const id = `proposal-${sessionId}-${n}`;
      const lead = pick(units);
      const co = rnd() < 0.6 ? [pick(units.filter((u) => u !== lead))] : [];
      const filedAt = new Date(now - (120 + rnd() * 600) * day).toISOString();
      const assignedAt = new Date(Date.parse(filedAt) + 30 * day).toISOString();
      const roll = rnd();
      const stage = roll < 0.2 ? 'drafting' : roll < 0.3 ? 'countersigning' : roll < 0.4 ? 'replied' : roll < 0.7 ? 'followUp' : 'closed';
      const replied = stage === 'replied' || stage === 'followUp' || stage === 'closed';
      const replyClass = replied ? (rnd() < 0.3 ? 'A' : rnd() < 0.85 ? 'B' : 'C') : null;
      const commitments = replyClass === 'B' ? Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => i + 1) : [];
      const issuedAt = replied ? new Date(Date.parse(assignedAt) + (40 + rnd() * 60) * day).toISOString() : null;
      const dueAt = new Date(Date.parse(assignedAt) + 92 * day).toISOString();
      const proposers = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => ({ id: `${city}-m${Math.floor(rnd() * 300)}-${i}`, name: `委员${i + 1}`, leadSigner: i === 0 }));
      const rating = replied ? (rnd() < 0.9 ? 'satisfied' : rnd() < 0.7 ? 'basicallySatisfied' : 'unsatisfied') : null;
      const summary: ProposalSummary = {
        sessionId,
        sessionName: `第${(s % 10) + 1}次会议`,
        number: n,
        title: `关于加快${pick(TOPICS)}发展的提案（${n}）`,
        category: pick(CATEGORIES),
        key: rnd() < 0.05,
        keyLeaders: [],
        proposers,
        status: stage === 'closed' ? 'closed' : 'handling',
        stage,
        version: 10 + Math.floor(rnd() * 20),
        filedAt,
        assignedAt,
        closedAt: stage === 'closed' ? new Date(Date.parse(issuedAt!) + 40 * day).toISOString() : null,
        assignment: { mode: 'joint', lead, coHandlers: co },
        contacts: [{ unitId: lead, form: rnd() < 0.5 ? 'faceToFace' : 'phone', phase: 'beforeHandling', at: assignedAt }],
        replies: [
          {
            unitId: lead,
            stage: stage as ProposalSummary['replies'][number]['stage'],
            round: 1,
            replyClass,
            documentNumber: replied ? `提〔2026〕${n}号` : null,
            publication: replied ? { decision: 'full' } : null,
            dueAt,
            issuedAt,
            firstIssuedAt: issuedAt,
            firstDueAt: dueAt,
            recipients: replied ? proposers.map((p) => p.id) : [],
            copiedTo: replied ? ['committee', 'supervisionOffice', ...co] : [],
            ratings: rating ? { [proposers[0]!.id]: rating } : {},
            rating,
            firstRating: rating,
            rounds: [],
            commitments: commitments.map((no) => ({ no, title: `承诺${no}`, status: stage === 'closed' ? 'delivered' : 'open', deliveryDueAt: new Date(Date.parse(issuedAt!) + 730 * day).toISOString() })),
          },
        ],
        duties: { settled: [], open: [] },
      };
      const duty = (kind: string, unitId: string, due: number, commitmentNo: number | null = null) => {
        const dueDate = new Date(due).toISOString().slice(0, 10);
        tasks.push({ proposal_id: id, duty_key: `${kind}:${unitId}:-:${commitmentNo ?? '-'}`, kind, unit_id: unitId, commitment_no: commitmentNo, started_at: assignedAt, due_date: dueDate, due_at: new Date(due + day).toISOString(), version: summary.version });
        summary.duties.open.push({ key: `${kind}:${unitId}`, kind: kind as never, unitId, dueAt: new Date(due + day).toISOString() });
      };
      if (stage === 'drafting' || stage === 'countersigning') {
        duty('reply', lead, now + (rnd() * 120 - 30) * day);
        for (const u of co) duty(stage === 'drafting' ? 'coHandlerOpinion' : 'countersign', u, now + (rnd() * 60 - 30) * day);
      }
      if (stage === 'followUp') for (const no of commitments) duty('followUpReport', lead, now + (rnd() * 90 - 20) * day, no);
      // A text of a few hundred characters, as a proposal's own is at the least, for the search index.
      const content = Array.from({ length: 6 }, () => `建议进一步推进${pick(TOPICS)}，完善${pick(CATEGORIES)}相关政策，加强部门协同和资金保障。`).join('');
      proposals.push({
        words: proposalWords({ number: n, title: summary.title, category: summary.category, content }),
        id,
        session_id: sessionId,
        number: n,
        title: summary.title,
        category: summary.category,
        key_proposal: summary.key,
        proposers: summary.proposers,
        status: summary.status,
        stage,
        assignment_mode: 'joint',
        lead_unit_id: lead,
        unit_ids: [lead, ...co],
        reply_class: replyClass,
        filed_at: filedAt,
        assigned_at: assignedAt,
        replied_at: issuedAt,
        closed_at: summary.closedAt,
        version: summary.version,
        summary,
      });
    }
    await pool.query(
      `insert into proposals (id, session_id, number, title, category, key_proposal, proposers, status, stage, assignment_mode, lead_unit_id, unit_ids, reply_class, filed_at, assigned_at, replied_at, closed_at, version, summary, search_words)
       select id, session_id, number, title, category, key_proposal, proposers, status, stage, assignment_mode, lead_unit_id, unit_ids, reply_class, filed_at, assigned_at, replied_at, closed_at, version, summary, ${WORDS_VECTOR("words->>'title'", "words->>'text'")}
       from jsonb_to_recordset($1::jsonb) as x(id text, session_id text, number int, title text, category text, key_proposal boolean, proposers jsonb, status text, stage text, assignment_mode text, lead_unit_id text, unit_ids text[], reply_class text, filed_at timestamptz, assigned_at timestamptz, replied_at timestamptz, closed_at timestamptz, version int, summary jsonb, words jsonb)`,
      [JSON.stringify(proposals)],
    );
    await pool.query(
      `insert into unit_tasks (proposal_id, duty_key, kind, unit_id, proposer_id, commitment_no, started_at, due_date, due_at, is_window, is_optional, version)
       select proposal_id, duty_key, kind, unit_id, null, commitment_no, started_at, due_date, due_at, false, false, version
       from jsonb_to_recordset($1::jsonb) as x(proposal_id text, duty_key text, kind text, unit_id text, commitment_no int, started_at timestamptz, due_date date, due_at timestamptz, version int)
       on conflict do nothing`,
      [JSON.stringify(tasks)],
    );
    done += count;
  }
  await pool.query('analyze proposals; analyze unit_tasks');
  return sessions;
}
