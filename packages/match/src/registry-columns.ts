import { ENTERPRISE_MEASURE_IDS, measures } from '@ftai/policy-fengtai';

/**
 * The registry's columns: one row per enterprise-year, flat columns for the scalar fields of the
 * calculation contract (shared/spec/CALCULATION.md) and numbered columns for its lists
 * (`modelFilings.1.id`, `modelFilings.1.date` …), or a whole list as JSON in one cell
 * (`modelFilings`). Every column has a Chinese name too (`模型备案1-编号`), in the policy text's
 * own terms (主营业务收入, 研发费用); docs/registry-columns.md is the clerk's guide, and a test
 * keeps the two in step.
 */

/** How a cell turns into a contract value (see cell-value.ts). */
export type CellType = 'year' | 'count' | 'money' | 'rate' | 'bool' | 'date' | 'text' | 'creditCode' | 'enum' | 'subject';

export interface FieldSpec {
  /** The contract's field name. */
  readonly key: string;
  /** The Chinese header, in the text's own terms (the form's label where the web app has one). */
  readonly zh: string;
  /** Earlier Chinese headers, still read (a registry filled from an older template keeps working). */
  readonly aliases?: readonly string[];
  readonly type: CellType;
  /** For `enum`: the contract's values, with the Chinese words a clerk may write for each. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** A short note for the guide and the template: unit, what to write. */
  readonly note?: string;
}

/** Where a group of fields lives in the request. */
export type Container = 'request' | 'enterprise' | 'facts';

export interface ScalarGroup {
  readonly kind: 'scalars';
  readonly container: Container;
  readonly fields: readonly FieldSpec[];
}

/** A contract object (`incubator`): columns `incubator.rating` …, or JSON in the column `incubator`. */
export interface ObjectGroup {
  readonly kind: 'object';
  readonly container: 'facts';
  readonly key: string;
  readonly zh: string;
  readonly fields: readonly FieldSpec[];
}

/** A contract list: numbered columns `modelFilings.1.id` …, or JSON in the column `modelFilings`. */
export interface ListGroup {
  readonly kind: 'list';
  readonly container: 'request' | 'facts';
  readonly key: string;
  readonly zh: string;
  readonly fields: readonly FieldSpec[];
}

export type ColumnGroup = ScalarGroup | ObjectGroup | ListGroup;

const LEVEL = { national: ['国家级', '国家'], municipal: ['市级', '北京市级', '北京市'] } as const;
const RECOGNITION_TYPE = {
  'little-giant': ['专精特新小巨人', '小巨人'],
  'high-tech': ['高新技术企业', '国家高新技术企业', '高新'],
  'beijing-srdi-sme': ['专精特新中小企业', '北京市专精特新中小企业'],
  'key-lab': ['重点实验室'],
  'engineering-research-center': ['工程研究中心'],
  'technology-innovation-center': ['技术创新中心'],
  'enterprise-technology-center': ['企业技术中心'],
  'proof-of-concept-platform': ['概念验证平台'],
  'pilot-base': ['中试基地'],
  'future-industry-base': ['未来产业育新基地', '未来产业基地'],
} as const;
const STANDARD_LEVEL = { international: ['国际标准', '国际'], national: ['国家标准', '国家'], industry: ['行业标准', '行业'] } as const;
/** 第八条第（1）项: 部级卓越孵化器、市级标杆孵化器 (the earlier words are still read). */
const INCUBATOR_RATING = {
  'ministry-excellent': ['部级卓越孵化器', '部级卓越', '部级优秀', '国家级优秀'],
  'municipal-benchmark': ['市级标杆孵化器', '市级标杆', '北京市标杆'],
} as const;
const EVENT_KIND = { contest: ['赛事', '大赛', '比赛'], conference: ['会议', '大会'], forum: ['论坛'], training: ['培训'] } as const;
/**
 * The enterprise-level measures another policy's award may overlap (CALCULATION.md): the id, or
 * the measure's short name as `ftai measures` prints it (首次认定国家专精特新“小巨人”企业 → 5.3a).
 */
const ENTERPRISE_MEASURE = Object.fromEntries(
  ENTERPRISE_MEASURE_IDS.map((id) => [id, [measures.find((m) => m.id === id)?.name.zh ?? id]]),
) as Readonly<Record<string, readonly string[]>>;

/**
 * 第五条第（1）项 is granted per tier, and its history names the tier (CALCULATION.md). A clerk
 * may write the tier as the text does (5000万元, 首次达规) in the history's subject column; the
 * tier ids are the policy's (MILESTONE_TIERS), a test keeps the two in step.
 */
export const MILESTONE_TIER_WORDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  '5.1': {
    'revenue-1b': ['10亿元', '主营业务收入首次达到10亿元'],
    'revenue-500m': ['5亿元', '主营业务收入首次达到5亿元'],
    'revenue-100m': ['1亿元', '主营业务收入首次达到1亿元'],
    'revenue-50m': ['5000万元', '主营业务收入首次达到5000万元'],
    'above-designated-size': ['首次达规'],
  },
};

const id: FieldSpec = { key: 'id', zh: '编号', type: 'text', note: 'unique within the list' };
const date: FieldSpec = { key: 'date', zh: '日期', type: 'date' };
const industrial: FieldSpec = { key: 'industrial', zh: '工业', type: 'bool' };
const level: FieldSpec = { key: 'level', zh: '级别', type: 'enum', values: LEVEL };
/** 建设投入, as the text says it (第三条第（4）项, 第七条, 第八条). */
const investment: FieldSpec = { key: 'investment', zh: '建设投入', aliases: ['建设投资'], type: 'money' };

/** Every column group, in the order the template lists them. */
export const COLUMN_GROUPS: readonly ColumnGroup[] = [
  { kind: 'scalars', container: 'request', fields: [{ key: 'year', zh: '年度', type: 'year', note: 'assessment year, e.g. 2026' }] },
  {
    kind: 'scalars',
    container: 'enterprise',
    fields: [
      { key: 'creditCode', zh: '统一社会信用代码', type: 'creditCode' },
      { key: 'name', zh: '企业名称', type: 'text' },
      { key: 'registeredInFengtai', zh: '注册在丰台', type: 'bool' },
      { key: 'taxResidentInFengtai', zh: '纳税在丰台', type: 'bool' },
      { key: 'seriousDishonesty', zh: '严重失信', type: 'bool' },
      { key: 'aiPartnerProgram', zh: '人工智能伙伴计划企业', type: 'bool' },
      { key: 'industrialAI', zh: '工业智能企业', type: 'bool' },
      { key: 'startup', zh: '人工智能初创企业', type: 'bool' },
    ],
  },
  {
    kind: 'scalars',
    container: 'facts',
    fields: [
      { key: 'computeSpend', zh: '算力投入', type: 'money' },
      { key: 'generalModelPurchase', zh: '通用大模型采购额', type: 'money' },
      { key: 'dataAssetRegistrationFees', zh: '数据资产登记费用', type: 'money' },
      { key: 'dataProductSales', zh: '数据产品交易额', type: 'money' },
      { key: 'jointFundContribution', zh: '联合基金出资额', type: 'money' },
      { key: 'rdSpend', zh: '本年度研发费用', aliases: ['研发投入'], type: 'money' },
      { key: 'previousRdSpend', zh: '上年度研发费用', aliases: ['上年研发投入'], type: 'money' },
      { key: 'revenue', zh: '本年度主营业务收入', aliases: ['营业收入'], type: 'money' },
      { key: 'previousRevenue', zh: '上年度主营业务收入', aliases: ['上年营业收入'], type: 'money' },
      { key: 'priorMaxRevenue', zh: '以往年度最高主营业务收入', aliases: ['往年最高营业收入'], type: 'money' },
      { key: 'firstAboveDesignatedSize', zh: '首次达规', type: 'bool' },
      { key: 'industryAverageGrowthRate', zh: '所在行业平均增幅', aliases: ['行业平均增速'], type: 'rate', note: '0.15 or 15%' },
    ],
  },
  { kind: 'list', container: 'facts', key: 'modelFilings', zh: '模型备案', fields: [id, date, industrial] },
  { kind: 'list', container: 'facts', key: 'openDatasets', zh: '开放数据集', fields: [id, date] },
  {
    kind: 'list',
    container: 'facts',
    key: 'trustedDataSpaces',
    zh: '可信数据空间',
    fields: [id, investment, industrial],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'challengeProjects',
    zh: '揭榜挂帅项目',
    fields: [id, { key: 'field', zh: '领域', type: 'text' }, { key: 'totalInvestment', zh: '总投资', type: 'money' }],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'keyProjects',
    zh: '重点项目',
    fields: [id, level, { key: 'funding', zh: '支持资金', type: 'money' }],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'recognitions',
    zh: '资质认定',
    fields: [
      id,
      { key: 'type', zh: '类型', type: 'enum', values: RECOGNITION_TYPE },
      { ...level, note: 'left empty for little-giant, high-tech and beijing-srdi-sme' },
      date,
      { key: 'renewal', zh: '复审', type: 'bool' },
    ],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'agentCompetitionPrizes',
    zh: '智能体大赛奖项',
    fields: [
      id,
      industrial,
      { key: 'prize', zh: '大赛设定的奖金', aliases: ['奖金'], type: 'money' },
      { key: 'date', zh: '获奖日期', type: 'date', note: 'optional; given, in the policy term and the assessment year' },
    ],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'scenarioProjects',
    zh: '场景项目',
    fields: [
      id,
      { key: 'totalInvestment', zh: '总投资', type: 'money' },
      industrial,
      { key: 'municipalSubsidy', zh: '市级补贴', type: 'money' },
    ],
  },
  { kind: 'list', container: 'facts', key: 'benchmarkCases', zh: '标杆案例', fields: [id, level, date] },
  {
    kind: 'list',
    container: 'facts',
    key: 'firstSetProducts',
    zh: '首台套产品',
    fields: [
      id,
      { key: 'inBeijingCatalogue', zh: '入选北京目录', type: 'bool' },
      {
        key: 'catalogueDate',
        zh: '入选目录日期',
        type: 'date',
        note: 'optional; given, in the policy term and the assessment year',
      },
      { key: 'municipalSubsidy', zh: '市级补贴', type: 'money' },
      industrial,
    ],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'standards',
    zh: '标准',
    fields: [id, { key: 'level', zh: '级别', type: 'enum', values: STANDARD_LEVEL }, date],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'servicePlatforms',
    zh: '公共服务平台',
    fields: [id, investment],
  },
  {
    kind: 'object',
    container: 'facts',
    key: 'incubator',
    zh: '孵化器',
    fields: [
      { key: 'rating', zh: '评级', type: 'enum', values: INCUBATOR_RATING },
      investment,
      { key: 'incubatedAIEnterprises', zh: '在孵人工智能企业数', type: 'count' },
      { key: 'investedAIEnterprises', zh: '投资人工智能企业数', type: 'count' },
    ],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'industrialParks',
    zh: '产业园区',
    fields: [id, investment],
  },
  {
    kind: 'object',
    container: 'facts',
    key: 'ventureFund',
    zh: '创投基金',
    fields: [{ key: 'aiInvestment', zh: '投资人工智能企业金额', type: 'money' }],
  },
  {
    kind: 'object',
    container: 'facts',
    key: 'industryEducationBase',
    zh: '产教融合基地',
    fields: [
      { key: 'interns', zh: '实习人数', type: 'count' },
      { key: 'hires', zh: '录用人数', type: 'count' },
    ],
  },
  {
    kind: 'list',
    container: 'facts',
    key: 'events',
    zh: '活动',
    fields: [id, { key: 'kind', zh: '类型', type: 'enum', values: EVENT_KIND }, date],
  },
  {
    kind: 'list',
    container: 'request',
    key: 'history',
    zh: '本政策往年支持',
    fields: [
      { key: 'measure', zh: '措施', type: 'text', note: 'measure id, e.g. 2.1' },
      { key: 'year', zh: '年度', type: 'year' },
      {
        key: 'subject',
        zh: '对象',
        type: 'subject',
        note: 'empty for enterprise-level measures; for 5.1 the tier: revenue-1b, revenue-500m, revenue-100m, revenue-50m or above-designated-size (or 10亿元 … 首次达规)',
      },
      { key: 'amount', zh: '金额', type: 'money', note: '0 for 5.4 (in kind)' },
    ],
  },
  {
    kind: 'list',
    container: 'request',
    key: 'otherPolicyAwards',
    zh: '其他政策支持',
    fields: [
      { key: 'policy', zh: '政策', type: 'text' },
      { key: 'subject', zh: '对象', type: 'text', note: 'the id of the project, model, product … it supported; either this or measure' },
      {
        key: 'measure',
        zh: '对应本措施事项',
        type: 'enum',
        values: ENTERPRISE_MEASURE,
        note: 'the enterprise-level measure of this policy it overlaps; either this or subject',
      },
      { key: 'amount', zh: '金额', type: 'money' },
    ],
  },
];

export const LIST_GROUPS: readonly ListGroup[] = COLUMN_GROUPS.filter((g): g is ListGroup => g.kind === 'list');

/** The unit a template header shows after the Chinese name. */
export function unitOf(type: CellType): string | undefined {
  return type === 'money' ? '元' : type === 'bool' ? '是/否' : type === 'date' ? 'YYYY-MM-DD' : undefined;
}
