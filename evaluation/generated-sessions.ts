/**
 * Generated sessions for the evaluation of 查重 and 智能交办. Kept apart from what is evaluated:
 * written for the evaluation alone, from its own word lists (below), never from the units'
 * responsibilities the suggester reads (seeds/unit-responsibilities.json), nor from the main
 * job's session (seeds/session.ts), nor by the ranking code. Made harder than a template would
 * be: a proposal mixes its lead's matters with its co-handlers' and with words any proposal
 * uses; one in six is led by the unit its words point to less (the committee's call on a matter
 * two units share); a merged pair is a second member's proposal on the same matter, its
 * sentences partly rewritten and reordered.
 */
import { seededRandom } from '../seeds/random';

/** Each unit's matters as members write them, and the units that co-handle with it most. */
const MATTERS: Record<string, { terms: string[]; partners: string[] }> = {
  'smx-drc': { terms: ['重大项目', '专项债券', '产业规划', '新兴产业', '营商环境', '价格监测', '粮食储备', '能源保供', '县域经济', '开发区', '项目审批', '投资计划'], partners: ['smx-fin', 'smx-iit', 'smx-stb'] },
  'smx-stb': { terms: ['研发投入', '高新技术企业', '科创平台', '成果转化', '重点实验室', '科技特派员', '技术攻关', '孵化器', '创新券', '产学研', '科技人才', '技术市场'], partners: ['smx-drc', 'smx-iit', 'smx-edu'] },
  'smx-edu': { terms: ['课后服务', '乡村教师', '学前教育', '校园安全', '职业院校', '学位供给', '教师编制', '双减', '研学旅行', '特殊教育', '课桌椅', '校车'], partners: ['smx-hrss', 'smx-fin', 'smx-health'] },
  'smx-iit': { terms: ['智能制造', '技术改造', '专精特新', '工业互联网', '产业链', '铝加工', '数字化车间', '5G基站', '工业园区', '链长制', '中小企业', '制造业'], partners: ['smx-drc', 'smx-stb', 'smx-com'] },
  'smx-psb': { terms: ['电信诈骗', '交通秩序', '户籍', '治安防控', '电动车盗窃', '校园周边', '视频监控', '交警', '酒驾', '派出所', '身份证', '网吧'], partners: ['smx-urban', 'smx-trans', 'smx-edu'] },
  'smx-cab': { terms: ['养老服务', '社区食堂', '低保', '留守儿童', '殡葬', '养老院', '社会组织', '居家养老', '困难群众', '残疾人', '婚姻登记', '地名'], partners: ['smx-health', 'smx-fin', 'smx-hrss'] },
  'smx-fin': { terms: ['财政补贴', '预算绩效', '政府采购', '专项资金', '转移支付', '债务风险', '国有资产', '财政奖补', '资金拨付', '融资担保', '贴息', '预算'], partners: ['smx-drc', 'smx-hrss', 'smx-agri'] },
  'smx-hrss': { terms: ['就业见习', '技能培训', '欠薪', '灵活就业', '社保缴费', '职称评审', '返乡创业', '零工市场', '劳动仲裁', '养老保险', '失业保险', '人才公寓'], partners: ['smx-edu', 'smx-fin', 'smx-cab'] },
  'smx-nrp': { terms: ['国土空间', '宅基地', '不动产登记', '耕地保护', '地质灾害', '建设用地', '规划许可', '土地征收', '矿产', '测绘', '闲置土地', '用地指标'], partners: ['smx-hud', 'smx-agri', 'smx-eco'] },
  'smx-eco': { terms: ['扬尘', '污水排放', '空气质量', '环评', '碳排放', '噪声', '危险废物', '黑臭水体', '生态补偿', '臭氧', '秸秆焚烧', '排污许可'], partners: ['smx-urban', 'smx-water', 'smx-forest'] },
  'smx-hud': { terms: ['老旧小区', '物业管理', '加装电梯', '保障房', '棚户区', '燃气管道', '建筑工地', '房地产', '公积金', '城中村', '危房', '装配式建筑'], partners: ['smx-urban', 'smx-nrp', 'smx-fin'] },
  'smx-trans': { terms: ['公交线路', '农村公路', '客运站', '网约车', '货车', '公路养护', '城乡公交', '出租车', '物流园', '高速出口', '站点', '驾培'], partners: ['smx-psb', 'smx-urban', 'smx-drc'] },
  'smx-water': { terms: ['饮水工程', '水库', '河道', '灌区', '防汛', '节水', '水土流失', '地下水', '河长', '引水', '堤防', '水费'], partners: ['smx-agri', 'smx-eco', 'smx-emer'] },
  'smx-agri': { terms: ['苹果', '高标准农田', '合作社', '种粮', '畜牧', '农产品', '冷库', '农机', '人居环境', '香菇', '种业', '家庭农场'], partners: ['smx-com', 'smx-water', 'smx-fin'] },
  'smx-com': { terms: ['夜市', '消费券', '电商直播', '外贸', '商圈', '招商', '会展', '快递', '县域商业', '老字号', '跨境电商', '预制菜'], partners: ['smx-agri', 'smx-iit', 'smx-ctb'] },
  'smx-ctb': { terms: ['景区', '民宿', '非遗', '博物馆', '文旅融合', '文物', '演艺', '地坑院', '图书馆', '旅游线路', '仰韶', '广播电视'], partners: ['smx-com', 'smx-trans', 'smx-forest'] },
  'smx-health': { terms: ['家庭医生', '村卫生室', '儿科', '慢性病', '医联体', '精神卫生', '疫苗接种', '托育', '中医药', '急救', '县医院', '健康体检'], partners: ['smx-medins', 'smx-cab', 'smx-edu'] },
  'smx-emer': { terms: ['安全生产', '消防通道', '应急物资', '救援队伍', '危化品', '避难场所', '自然灾害', '应急演练', '矿山安全', '隐患排查', '森林火灾', '预警'], partners: ['smx-psb', 'smx-water', 'smx-forest'] },
  'smx-market': { terms: ['食品安全', '价格欺诈', '特种设备', '计量', '商标', '药店', '校园食堂', '预付卡', '电梯维保', '检验检测', '直播带货', '知识产权'], partners: ['smx-health', 'smx-com', 'smx-edu'] },
  'smx-medins': { terms: ['医保报销', '异地就医', '集采药品', '门诊统筹', '长期护理', '医保卡', '起付线', '大病保险', '医保基金', '住院结算', '慢特病', '医保目录'], partners: ['smx-health', 'smx-fin', 'smx-cab'] },
  'smx-urban': { terms: ['垃圾分类', '占道经营', '路灯', '公厕', '停车位', '市政道路', '井盖', '户外广告', '环卫工人', '游园', '雨污管网', '渣土车'], partners: ['smx-hud', 'smx-psb', 'smx-eco'] },
  'smx-forest': { terms: ['造林', '古树', '湿地', '野生动物', '林下经济', '护林员', '森林防火', '苗木', '松材线虫', '林权', '天鹅', '国储林'], partners: ['smx-eco', 'smx-ctb', 'smx-emer'] },
  'smx-sports': { terms: ['健身步道', '体育场馆', '全民健身', '青少年体育', '体育赛事', '社会体育指导员', '球场', '马拉松', '体育公园', '游泳馆', '体育产业', '健身器材'], partners: ['smx-edu', 'smx-ctb', 'smx-urban'] },
  'smx-vets': { terms: ['退役军人', '优抚', '烈士陵园', '军休', '双拥', '退役士兵', '光荣牌', '退役安置', '伤残军人', '英烈', '拥军', '军属'], partners: ['smx-hrss', 'smx-cab', 'smx-health'] },
};

/** Words any proposal uses, whatever its matter. */
const COMMON = ['群众', '基层', '机制', '力度', '资金', '服务', '保障', '管理', '政策', '措施', '短板', '覆盖', '标准', '考核', '宣传', '试点', '长效', '统筹', '落实', '督导'];
const OPENINGS = ['目前我市', '近年来', '调研发现', '据了解', '群众反映'];
const PATTERNS = ['{a}存在{c}不足、{b}滞后等问题', '建议加大{a}{c}投入，完善{b}{c}', '建议建立{a}与{b}联动{c}', '对{a}实行{c}，推动{b}提质', '将{a}纳入{c}，确保{b}落地'];

export interface GeneratedProposal {
  sessionId: string;
  number: number;
  title: string;
  content: string;
  proposer: string;
  lead: string;
  coHandlers: string[];
  /** The number of the proposal of the same session this one repeats (a merged pair), if it does. */
  repeats?: number;
}

export const UNIT_IDS = Object.keys(MATTERS);

/** `sessions` sessions of `perSession` proposals each, the same for the same seed. */
export function generateSessions(sessions: number, perSession: number, seed = 20261201): GeneratedProposal[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const out: GeneratedProposal[] = [];
  for (let s = 1; s <= sessions; s++) {
    const sessionId = `eval-${s}`;
    const session: GeneratedProposal[] = [];
    for (let n = 1; n <= perSession; n++) {
      const previous = session.length > 10 && random() < 0.08 ? pick(session.filter((p) => p.repeats === undefined)) : undefined;
      if (previous) {
        session.push({ ...previous, number: n, proposer: `委员${s}-${n}`, title: `关于${previous.title.slice(2, -3)}的建议`, content: rewrite(previous.content, random, pick), repeats: previous.number });
        continue;
      }
      const unit = pick(UNIT_IDS);
      const { terms, partners } = MATTERS[unit]!;
      const co = partners.filter(() => random() < 0.35);
      const words = () => (random() < 0.7 ? pick(terms) : random() < 0.6 && co.length ? pick(MATTERS[pick(co)]!.terms) : pick(COMMON));
      const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(PATTERNS).replace('{a}', words()).replace('{b}', words()).replaceAll('{c}', pick(COMMON)));
      const ambiguous = co.length > 0 && random() < 1 / 6;
      const lead = ambiguous ? co[0]! : unit;
      session.push({
        sessionId,
        number: n,
        title: `关于${pick(terms)}${pick(['问题', '工作', '建设', '管理'])}的提案`,
        content: `${pick(OPENINGS)}，${sentences.join('；')}。`,
        proposer: `委员${s}-${n}`,
        lead,
        coHandlers: [...new Set([...co, ...(ambiguous ? [unit] : [])])].filter((u) => u !== lead),
      });
    }
    out.push(...session);
  }
  return out;
}

/** A second member's proposal on the same matter: a third of the sentences changed, the order shuffled. */
function rewrite(content: string, random: () => number, pick: <T>(xs: readonly T[]) => T): string {
  const sentences = content.replace(/。$/, '').split('；');
  const changed = sentences.map((s) => (random() < 0.33 ? s.replace(/[^，]+$/, pick(PATTERNS).replace('{a}', pick(COMMON)).replace('{b}', pick(COMMON)).replaceAll('{c}', pick(COMMON))) : s));
  for (let i = changed.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [changed[i], changed[j]] = [changed[j]!, changed[i]!];
  }
  return `${changed.join('；')}。`;
}
