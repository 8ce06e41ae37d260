/**
 * A whole session for the main job, generated from a seed: 241 proposals as a submission system
 * exports them (三门峡 2024: 241 proposals, 230 to the government system), proposal 202 among them
 * exactly as the reference case has it, and the assignment meeting's plan. The other eleven are
 * what a review does with the rest: merged into a proposal on the same matter, turned into a
 * report for reference, or not registered. Units are the city government's departments.
 */
import { seededRandom } from './random';
import { type ReferenceCase, seededResponsibilities } from './reference-case';

export const SESSION_SIZE = 241;
export const ASSIGNED = 230;

/** The city's departments that take proposals, beside the DRC and the Science Bureau of the directory. */
export const SESSION_UNITS: { id: string; name: string; kind: 'bureau'; responsibilities?: string }[] = [
  ['smx-edu', '三门峡市教育局'],
  ['smx-iit', '三门峡市工业和信息化局'],
  ['smx-psb', '三门峡市公安局'],
  ['smx-cab', '三门峡市民政局'],
  ['smx-fin', '三门峡市财政局'],
  ['smx-hrss', '三门峡市人力资源和社会保障局'],
  ['smx-nrp', '三门峡市自然资源和规划局'],
  ['smx-eco', '三门峡市生态环境局'],
  ['smx-hud', '三门峡市住房和城乡建设局'],
  ['smx-trans', '三门峡市交通运输局'],
  ['smx-water', '三门峡市水利局'],
  ['smx-agri', '三门峡市农业农村局'],
  ['smx-com', '三门峡市商务局'],
  ['smx-ctb', '三门峡市文化广电和旅游局'],
  ['smx-health', '三门峡市卫生健康委员会'],
  ['smx-emer', '三门峡市应急管理局'],
  ['smx-market', '三门峡市市场监督管理局'],
  ['smx-medins', '三门峡市医疗保障局'],
  ['smx-urban', '三门峡市城市管理局'],
  ['smx-forest', '三门峡市林业局'],
  ['smx-sports', '三门峡市体育局'],
  ['smx-vets', '三门峡市退役军人事务局'],
].map(([id, name]) => ({ id: id!, name: name!, kind: 'bureau' as const, responsibilities: seededResponsibilities(id!) }));

/**
 * Category, the units that handle its matters, and the matters proposals raise, each with the unit
 * that leads on it (as a city's assignment office would send it; one in eight goes elsewhere).
 */
const THEMES: { category: string; units: string[]; matters: [matter: string, lead: string][] }[] = [
  {
    category: '经济建设',
    units: ['smx-drc', 'smx-iit', 'smx-com', 'smx-fin', 'smx-stb'],
    matters: [['新能源汽车零部件产业', 'smx-iit'], ['黄金精深加工', 'smx-iit'], ['铝工业转型升级', 'smx-iit'], ['县域经济高质量发展', 'smx-drc'], ['中小企业融资服务', 'smx-fin'], ['数字经济与实体经济融合', 'smx-iit'], ['现代物流枢纽建设', 'smx-drc'], ['营商环境优化', 'smx-drc'], ['招商引资项目落地', 'smx-com'], ['民营经济发展', 'smx-drc']],
  },
  {
    category: '科教文卫',
    units: ['smx-edu', 'smx-health', 'smx-ctb', 'smx-stb', 'smx-medins'],
    matters: [['职业教育产教融合', 'smx-edu'], ['义务教育优质均衡', 'smx-edu'], ['基层医疗卫生服务能力', 'smx-health'], ['公立医院高质量发展', 'smx-health'], ['黄河文化保护传承', 'smx-ctb'], ['仰韶文化遗址保护利用', 'smx-ctb'], ['中小学生心理健康教育', 'smx-edu'], ['科技成果转化', 'smx-stb'], ['全民健身设施', 'smx-ctb'], ['医保异地就医结算', 'smx-medins']],
  },
  {
    category: '社会法制',
    units: ['smx-cab', 'smx-hrss', 'smx-psb', 'smx-emer', 'smx-vets', 'smx-market'],
    matters: [['居家社区养老服务', 'smx-cab'], ['高校毕业生就业创业', 'smx-hrss'], ['农民工工资支付保障', 'smx-hrss'], ['食品安全监管', 'smx-market'], ['电动自行车安全管理', 'smx-psb'], ['未成年人保护', 'smx-cab'], ['退役军人就业安置', 'smx-vets'], ['社区治理', 'smx-cab'], ['安全生产隐患排查', 'smx-emer'], ['婴幼儿照护服务', 'smx-cab']],
  },
  {
    category: '城乡建设',
    units: ['smx-hud', 'smx-trans', 'smx-nrp', 'smx-urban', 'smx-water'],
    matters: [['老旧小区改造', 'smx-hud'], ['城市停车设施建设', 'smx-urban'], ['农村公路养护', 'smx-trans'], ['城区雨污分流', 'smx-urban'], ['城市更新', 'smx-hud'], ['公共交通线网优化', 'smx-trans'], ['国土空间规划实施', 'smx-nrp'], ['城市供水安全', 'smx-water'], ['背街小巷整治', 'smx-urban'], ['智慧城市管理', 'smx-urban']],
  },
  {
    category: '农业农村',
    units: ['smx-agri', 'smx-forest', 'smx-water', 'smx-com'],
    matters: [['苹果产业提质增效', 'smx-agri'], ['高标准农田建设', 'smx-agri'], ['农产品冷链物流', 'smx-com'], ['乡村旅游', 'smx-agri'], ['农村人居环境整治', 'smx-agri'], ['食用菌产业发展', 'smx-agri'], ['森林防火', 'smx-forest'], ['小型水库除险加固', 'smx-water'], ['家庭农场培育', 'smx-agri'], ['农村电商', 'smx-com']],
  },
  {
    category: '生态环境',
    units: ['smx-eco', 'smx-forest', 'smx-water', 'smx-nrp'],
    matters: [['黄河湿地保护', 'smx-forest'], ['大气污染联防联控', 'smx-eco'], ['矿山生态修复', 'smx-nrp'], ['白天鹅栖息地保护', 'smx-forest'], ['土壤污染防治', 'smx-eco'], ['城市绿化', 'smx-forest'], ['河湖长制落实', 'smx-water'], ['固体废物综合利用', 'smx-eco'], ['生态廊道建设', 'smx-forest'], ['碳达峰行动', 'smx-eco']],
  },
];

/** The places, problems and asks a member's text is made of, so two proposals on one matter read alike but are not one text. */
const PLACES = ['湖滨区', '陕州区', '渑池县', '卢氏县', '义马市', '灵宝市', '城乡一体化示范区', '经济开发区'];
const PROBLEMS = ['政策落实不够到位', '财政投入不足', '部门协同不强', '专业人才缺乏', '基础设施薄弱', '群众知晓率不高', '考核激励不够', '社会资本参与少', '数据共享不畅', '监管力量不足'];
const ASKS = ['出台专项扶持政策', '加大财政资金和要素保障', '建立部门联席会议制度', '引进和培养专业人才队伍', '开展试点示范后逐步推广', '建立信息共享平台', '纳入年度目标考核', '引导社会资本参与', '加强宣传引导和政策解读', '明确责任分工和时间节点'];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '建国志强红梅丽华海燕明辉晓东秀英玉兰国庆文杰桂芳俊峰春燕立新雪梅永刚红霞卫东淑珍晓燕宏伟丽娟学军振华亚楠鹏飞婷婷浩然思远';

export interface SessionProposalRow {
  提案号: number;
  案由: string;
  提案人: string;
  提案人编号: string;
  领衔人: string;
  类别: string;
  内容: string;
  重点提案: '是' | '否';
}
export interface PlanRowCells {
  提案号: number;
  审查结果: '立案' | '不予立案' | '并案' | '转参考';
  理由: string;
  并入提案号: number | '';
  主办单位: string;
  会办单位: string;
  分办单位: string;
}

/** `members`: the session's members who signed its proposals, people of the directory like any proposer. */
export function generateSession(c: ReferenceCase, seed = 20240321): { proposals: SessionProposalRow[]; plan: PlanRowCells[]; members: { id: string; name: string }[] } {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const unitName = new Map([...SESSION_UNITS.map((u) => [u.id, u.name] as const), ['smx-drc', '三门峡市发展和改革委员会'], ['smx-stb', '三门峡市科技局']]);
  const names = new Set<string>(c.intake.proposers.map((p) => p.name));
  const member = () => {
    let name: string;
    do {
      const given = Math.floor(next() * (GIVEN.length / 2));
      name = pick([...SURNAMES]) + GIVEN.slice(2 * given, 2 * given + 2);
    } while (names.has(name));
    names.add(name);
    return { name, id: `member-${names.size.toString().padStart(4, '0')}` };
  };
  const members = Array.from({ length: 160 }, member);

  const first = 101;
  // Eleven the review does not send to a government unit: 4 merged, 5 turned into reports, 2 not registered.
  const others = new Map<number, PlanRowCells['审查结果']>();
  while (others.size < SESSION_SIZE - ASSIGNED) {
    const n = first + Math.floor(next() * SESSION_SIZE);
    if (n !== c.intake.number && !others.has(n)) others.set(n, others.size < 4 ? '并案' : others.size < 9 ? '转参考' : '不予立案');
  }
  const proposals: SessionProposalRow[] = [];
  const plan: PlanRowCells[] = [];
  const byMatter = new Map<string, number>();
  for (let n = first; n < first + SESSION_SIZE; n++) {
    if (n === c.intake.number) {
      const i = c.intake;
      proposals.push({ 提案号: n, 案由: i.title, 提案人: i.proposers.map((p) => p.name).join('、'), 提案人编号: i.proposers.map((p) => p.id).join('、'), 领衔人: i.proposers.find((p) => p.leadSigner)!.name, 类别: i.category, 内容: i.content, 重点提案: i.key ? '是' : '否' });
      const a = c.assignment;
      plan.push({ 提案号: n, 审查结果: '立案', 理由: '', 并入提案号: '', 主办单位: a.mode === 'joint' ? unitName.get(a.lead)! : '', 会办单位: a.mode === 'joint' ? a.coHandlers.map((u) => unitName.get(u)).join('、') : '', 分办单位: '' });
      continue;
    }
    const theme = pick(THEMES);
    const [matter, usualLead] = pick(theme.matters);
    const some = (xs: readonly string[], k: number) => [...xs].sort(() => next() - 0.5).slice(0, k);
    const [problems, asks] = [some(PROBLEMS, 2 + Math.floor(next() * 2)), some(ASKS, 3)];
    const signers = Array.from({ length: 1 + Math.floor(next() * next() * 4) }, () => pick(members)).filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
    proposals.push({
      提案号: n,
      案由: `关于${pick(['加快', '进一步推进', '加强', '完善', '支持'])}${matter}的提案`,
      提案人: signers.map((m) => m.name).join('、'),
      提案人编号: signers.map((m) => m.id).join('、'),
      领衔人: signers[0]!.name,
      类别: theme.category,
      内容: `${pick(['我市', `我市特别是${pick(PLACES)}`, `以${pick(PLACES)}为例，我市`])}${matter}${pick(['已有一定基础', '近年来取得积极进展', '起步较晚'])}，但仍存在${problems.join('、')}等问题。建议：${asks.map((a, i) => `${'一二三'[i]}是${a}`).join('；')}，推动${matter}${pick(['提质增效', '取得实效', '走在全省前列'])}。`,
      重点提案: next() < 0.05 ? '是' : '否',
    });
    const outcome = others.get(n);
    const earlier = byMatter.get(matter);
    if (outcome === '并案' && earlier !== undefined) {
      plan.push({ 提案号: n, 审查结果: '并案', 理由: '与同一事项的提案内容相近，并案办理', 并入提案号: earlier, 主办单位: '', 会办单位: '', 分办单位: '' });
    } else if (outcome) {
      const reason = outcome === '不予立案' ? '所提事项属于个案诉求，不符合立案条件' : '所提建议已列入政府工作安排，转有关部门参考';
      plan.push({ 提案号: n, 审查结果: outcome === '并案' ? '转参考' : outcome, 理由: reason, 并入提案号: '', 主办单位: '', 会办单位: '', 分办单位: '' });
    } else {
      byMatter.set(matter, n);
      const lead = next() < 1 / 8 ? pick(theme.units) : usualLead;
      const rest = theme.units.filter((u) => u !== lead).sort(() => next() - 0.5);
      const separately = next() < 0.04;
      const co = rest.slice(0, Math.floor(next() * 3));
      plan.push(
        separately
          ? { 提案号: n, 审查结果: '立案', 理由: '', 并入提案号: '', 主办单位: '', 会办单位: '', 分办单位: [lead!, rest[0]!].map((u) => unitName.get(u)).join('、') }
          : { 提案号: n, 审查结果: '立案', 理由: '', 并入提案号: '', 主办单位: unitName.get(lead!)!, 会办单位: co.map((u) => unitName.get(u)).join('、'), 分办单位: '' },
      );
    }
  }
  return { proposals, plan, members };
}
