/**
 * Every fact of the calculation contract (shared/spec/CALCULATION.md), declared once: its field
 * name, kind, labels (zh/en), help, topic and clause, its registry column (packages/match) and,
 * for a list, the field whose value must be unique. Everything else is derived from this:
 * the zod request schema (request-schema.ts) and its fast path, the validator's unique-id check,
 * the request generator of the tests and the bench (request-arbitraries.ts), the registry's
 * columns and template, the web form and the officer's labels. facts.test.ts fails when a fact
 * lacks any of it.
 *
 * Plain data with no imports, so that the browser takes it without zod or the engine
 * (`@ftai/policy-fengtai/facts`). Chinese texts follow CHINESE.md.
 */

/** A text in Chinese and English. */
export interface FactText {
  readonly zh: string;
  readonly en: string;
}

/**
 * The kind of a value: money in yuan (at most 2 decimals; parsed to exact fen), a whole count,
 * yes/no, a date (YYYY-MM-DD), a text, a growth rate (0.15 = 15%), one of a list.
 */
export type FactKind = 'money' | 'count' | 'bool' | 'date' | 'text' | 'rate' | 'enum';

/** One value of an enumeration. */
export interface FactOption {
  readonly value: string;
  /** As the form and the report show it. */
  readonly label: FactText;
  /** The words a clerk may write in a registry cell for it; the first is the template's. */
  readonly registry: readonly string[];
}

/** A column of the registry (`ftai match`): its Chinese header, and what it tells the clerk. */
export interface RegistryColumnName {
  /** The Chinese header, in the text's own terms. Inside a list or object, after its name (模型备案1-编号). */
  readonly zh: string;
  /** Earlier Chinese headers, still read: a registry filled from an older template keeps working. */
  readonly aliases?: readonly string[];
  /** A note for the template's notes sheet (English; Chinese where there is one). */
  readonly note?: { readonly en: string; readonly zh?: string };
}

/** A value: a fact of its own, or a field of a list item or of an object. */
export interface FactValueSpec {
  /** The contract's field name, exactly. */
  readonly key: string;
  readonly kind: FactKind;
  /** As the web form labels it (and the messages that name it). */
  readonly label: FactText;
  /** A shorter label for tables and one-line summaries (the officer's view); `label` when absent. */
  readonly short?: FactText;
  readonly help?: FactText;
  /** Inside a list item or an object: the contract requires it. Facts themselves are all optional. */
  readonly required?: boolean;
  /** For `enum`: the values, in the order the form offers them. */
  readonly options?: readonly FactOption[];
  readonly registry: RegistryColumnName;
}

interface FactCommon {
  readonly key: string;
  /** The topic of the calculator's checklist (FACT_TOPICS) that asks for it. */
  readonly topic: string;
  readonly label: FactText;
  readonly short?: FactText;
  readonly help?: FactText;
}

/** A single value of `facts`. */
export interface FactScalarSpec extends FactValueSpec, FactCommon {
  readonly required?: never;
}

/** A list of `facts` (model filings, projects …): numbered rows, each an object. */
export interface FactListSpec extends FactCommon {
  readonly kind: 'list';
  /** What one row is called (大模型, 项目 …). */
  readonly row: FactText;
  /** The item field whose value may not repeat within the list (the subject's id). */
  readonly unique: string;
  /** The item's fields, in the contract's order. */
  readonly item: readonly FactValueSpec[];
  /** The order the web form shows the item's fields in, where it is not the contract's. */
  readonly formOrder?: readonly string[];
  readonly registry: { readonly zh: string };
}

/** An object of `facts` (incubator …). */
export interface FactObjectSpec extends FactCommon {
  readonly kind: 'object';
  readonly fields: readonly FactValueSpec[];
  readonly registry: { readonly zh: string };
}

export type FactSpec = FactScalarSpec | FactListSpec | FactObjectSpec;

/** A field of `enterprise`. */
export interface EnterpriseFieldSpec {
  readonly key: string;
  /** `creditCode`: the 18-character unified social credit code, its check character verified. */
  readonly kind: 'creditCode' | 'text' | 'bool';
  readonly label: FactText;
  readonly registry: RegistryColumnName;
}

/** A topic of the calculator's checklist ("what did your enterprise do this year?"). */
export interface FactTopic {
  readonly key: string;
  readonly label: FactText;
  /** The clause(s) as the text numbers them, e.g. 第三条第（1）至（3）项. */
  readonly citation: FactText;
  /** The measures its facts feed. */
  readonly measures: readonly string[];
}

const t = (zh: string, en: string): FactText => ({ zh, en });

// ---------------------------------------------------------------------------------------------
// Enumerations.

export const LEVEL_OPTIONS = [
  { value: 'national', label: t('国家级', 'National'), registry: ['国家级', '国家'] },
  { value: 'municipal', label: t('北京市级', 'Beijing (municipal)'), registry: ['市级', '北京市级', '北京市'] },
] as const satisfies readonly FactOption[];

export const RECOGNITION_TYPE_OPTIONS = [
  {
    value: 'little-giant',
    label: t('国家级专精特新“小巨人”企业', 'National "little giant" (专精特新小巨人)'),
    registry: ['专精特新小巨人', '小巨人'],
  },
  {
    value: 'high-tech',
    label: t('国家高新技术企业', 'National high-tech enterprise'),
    registry: ['高新技术企业', '国家高新技术企业', '高新'],
  },
  {
    value: 'beijing-srdi-sme',
    label: t('北京市专精特新中小企业', 'Beijing SRDI SME (专精特新中小企业)'),
    registry: ['专精特新中小企业', '北京市专精特新中小企业'],
  },
  { value: 'key-lab', label: t('重点实验室', 'Key laboratory'), registry: ['重点实验室'] },
  { value: 'engineering-research-center', label: t('工程研究中心', 'Engineering research centre'), registry: ['工程研究中心'] },
  { value: 'technology-innovation-center', label: t('技术创新中心', 'Technology innovation centre'), registry: ['技术创新中心'] },
  { value: 'enterprise-technology-center', label: t('企业技术中心', 'Enterprise technology centre'), registry: ['企业技术中心'] },
  { value: 'proof-of-concept-platform', label: t('概念验证平台', 'Proof-of-concept platform'), registry: ['概念验证平台'] },
  { value: 'pilot-base', label: t('中试基地', 'Pilot base'), registry: ['中试基地'] },
  { value: 'future-industry-base', label: t('未来产业育新基地', 'Future-industry base'), registry: ['未来产业育新基地', '未来产业基地'] },
] as const satisfies readonly FactOption[];

export const STANDARD_LEVEL_OPTIONS = [
  { value: 'international', label: t('国际标准', 'International'), registry: ['国际标准', '国际'] },
  { value: 'national', label: t('国家标准', 'National'), registry: ['国家标准', '国家'] },
  { value: 'industry', label: t('行业标准', 'Industry'), registry: ['行业标准', '行业'] },
] as const satisfies readonly FactOption[];

/** 第八条第（1）项: 部级卓越孵化器、市级标杆孵化器 (a registry still reads the earlier words). */
export const INCUBATOR_RATING_OPTIONS = [
  {
    value: 'ministry-excellent',
    label: t('部级卓越孵化器', 'Ministry "excellent" incubator'),
    registry: ['部级卓越孵化器', '部级卓越', '部级优秀', '国家级优秀'],
  },
  {
    value: 'municipal-benchmark',
    label: t('市级标杆孵化器', 'Beijing "benchmark" incubator'),
    registry: ['市级标杆孵化器', '市级标杆', '北京市标杆'],
  },
] as const satisfies readonly FactOption[];

export const EVENT_KIND_OPTIONS = [
  { value: 'contest', label: t('重点创新创业大赛', 'Contest'), registry: ['赛事', '大赛', '比赛'] },
  { value: 'conference', label: t('产业大会', 'Conference'), registry: ['会议', '大会'] },
  { value: 'forum', label: t('行业论坛', 'Forum'), registry: ['论坛'] },
  { value: 'training', label: t('人才培训', 'Training'), registry: ['培训'] },
] as const satisfies readonly FactOption[];

// ---------------------------------------------------------------------------------------------
// Fields that many lists share.

/** The subject's id, unique within its list. */
const id = (label: FactText) =>
  ({ key: 'id', kind: 'text', required: true, label, short: t('编号', 'id'), registry: { zh: '编号' } }) as const;
/** The date of the event the rule counts (filed, opened, recognised, published, held …). */
const date = (label: FactText) =>
  ({ key: 'date', kind: 'date', required: true, label, short: t('日期', 'date'), registry: { zh: '日期' } }) as const;
const industrial = (label: FactText) =>
  ({ key: 'industrial', kind: 'bool', label, short: t('工业', 'industrial'), registry: { zh: '工业' } }) as const;
const level = (label: FactText) =>
  ({
    key: 'level',
    kind: 'enum',
    required: true,
    label,
    short: t('级别', 'level'),
    options: LEVEL_OPTIONS,
    registry: { zh: '级别' },
  }) as const;
/** 建设投入, as the text says it (第三条第（4）项, 第七条, 第八条). */
const investment = (label: FactText) =>
  ({
    key: 'investment',
    kind: 'money',
    required: true,
    label,
    short: t('投入', 'investment'),
    registry: { zh: '建设投入', aliases: ['建设投资'] },
  }) as const;
const totalInvestment = (label: FactText) =>
  ({ key: 'totalInvestment', kind: 'money', label, short: t('总投入', 'total investment'), registry: { zh: '总投资' } }) as const;
const municipalSubsidy = (label: FactText) =>
  ({ key: 'municipalSubsidy', kind: 'money', label, short: t('市级补贴', 'municipal subsidy'), registry: { zh: '市级补贴' } }) as const;
/** An optional date that, given, must fall in the policy's term and the assessment year (6.1, 6.3a). */
const IN_TERM_IF_GIVEN = {
  en: 'optional; given, in the policy term and the assessment year',
  zh: '选填；填写的，须在政策有效期内且在评估年度内',
} as const;

// ---------------------------------------------------------------------------------------------
// The facts, in the contract's order.

/** Every field of `facts`, in the contract's order. */
export const FACTS = [
  {
    key: 'computeSpend',
    kind: 'money',
    topic: 'compute',
    label: t('算力实际投入', 'Compute spend'),
    help: t(
      '第一条：购买或租用智能算力开展大模型研发和训练的实际投入',
      'Article 1: actual spend buying or renting compute for LLM R&D and training',
    ),
    registry: { zh: '算力投入' },
  },
  {
    key: 'modelFilings',
    kind: 'list',
    topic: 'models',
    label: t('通过国家生成式人工智能备案的大模型', 'Models that passed the national generative-AI filing'),
    short: t('大模型备案', 'Model filings'),
    help: t(
      '第二条第（1）项：每个通过备案的大模型一次性支持；工业大模型更高',
      'Article 2(1): once per filed model; more for an industrial model',
    ),
    row: t('大模型', 'model'),
    unique: 'id',
    item: [id(t('备案编号', 'Filing id')), date(t('备案日期', 'Filing date')), industrial(t('工业大模型', 'Industrial model'))],
    registry: { zh: '模型备案' },
  },
  {
    key: 'generalModelPurchase',
    kind: 'money',
    topic: 'modelServices',
    label: t('购买通用大模型服务的年度投入', "The year's general-LLM service purchases"),
    short: t('通用大模型购买投入', 'General model purchase'),
    help: t(
      '第二条第（2）项：购买通用大模型开展垂类大模型研发、模型服务、智能体开发应用的实际投入',
      'Article 2(2): buying general LLM services to build vertical models, model services or agents',
    ),
    registry: { zh: '通用大模型采购额' },
  },
  {
    key: 'openDatasets',
    kind: 'list',
    topic: 'data',
    label: t('首次开放的高质量数据集、语料库', 'High-quality datasets or corpora first opened'),
    short: t('开放数据集', 'Open datasets'),
    help: t('第三条第（1）项：自主建设并首次开放，经评审认定', 'Article 3(1): built in-house and first opened; after review'),
    row: t('数据集', 'dataset'),
    unique: 'id',
    item: [id(t('数据集编号或名称', 'Dataset id or name')), date(t('开放日期', 'Opened on'))],
    registry: { zh: '开放数据集' },
  },
  {
    key: 'dataAssetRegistrationFees',
    kind: 'money',
    topic: 'data',
    label: t('数据（数字）资产登记费用', 'Data-asset registration fees'),
    short: t('数据资产登记费用', 'Data asset registration fees'),
    help: t('第三条第（2）项：开展数据（数字）资产登记支付的登记费用', 'Article 3(2): fees paid to register data assets'),
    registry: { zh: '数据资产登记费用' },
  },
  {
    key: 'dataProductSales',
    kind: 'money',
    topic: 'data',
    label: t('数据产品交易额（作为供给方）', 'Data-product trades (as supplier)'),
    short: t('数据产品交易额', 'Data product sales'),
    help: t('第三条第（3）项：数据（数字）产品交易的实际交易额', 'Article 3(3): actual amount of data-product trades'),
    registry: { zh: '数据产品交易额' },
  },
  {
    key: 'trustedDataSpaces',
    kind: 'list',
    topic: 'dataSpaces',
    label: t('可信数据空间', 'Trusted data spaces'),
    help: t(
      '第三条第（4）项：用于大模型训练和产品开发的可信数据空间，按建设投入',
      'Article 3(4): for LLM training and product development, by investment',
    ),
    row: t('数据空间', 'data space'),
    unique: 'id',
    item: [
      id(t('数据空间编号或名称', 'Space id or name')),
      investment(t('建设投入', 'Construction investment')),
      industrial(t('工业可信数据空间', 'Industrial data space')),
    ],
    registry: { zh: '可信数据空间' },
  },
  {
    key: 'jointFundContribution',
    kind: 'money',
    topic: 'jointFund',
    label: t('丰台联合基金出资额', 'Joint-fund contribution'),
    short: t('联合基金出资', 'Joint fund contribution'),
    help: t(
      '第四条第（1）项：出资参与北京市自然科学基金丰台联合基金，区级配套（原文未规定比例或金额）',
      'Article 4(1): contribution to the Beijing NSF Fengtai joint fund; district matching (no figure in the text)',
    ),
    registry: { zh: '联合基金出资额' },
  },
  {
    key: 'challengeProjects',
    kind: 'list',
    topic: 'challenge',
    label: t('“揭榜挂帅”攻关项目', '"Challenge" (揭榜挂帅) projects'),
    short: t('揭榜挂帅项目', 'Challenge projects'),
    help: t(
      '第四条第（2）项：机器人、智能硬件、高端装备、核心部件、仿真软件、控制系统等攻关项目，按项目总投入',
      'Article 4(2): robots, smart hardware, high-end equipment, core parts, simulation software, control systems …, by total investment',
    ),
    row: t('项目', 'project'),
    unique: 'id',
    item: [
      id(t('项目编号', 'Project id')),
      { key: 'field', kind: 'text', label: t('攻关领域', 'Field'), short: t('领域', 'field'), registry: { zh: '领域' } },
      { ...totalInvestment(t('项目总投入', 'Total investment')), required: true },
    ],
    registry: { zh: '揭榜挂帅项目' },
  },
  {
    key: 'rdSpend',
    kind: 'money',
    topic: 'rd',
    label: t('本年度研发费用', "This year's R&D spend"),
    short: t('年度研发费用', 'R&D spend'),
    help: t(
      '第四条第（3）项：年度研发费用较上年增长100万元（含）以上的，按增量分档',
      'Article 4(3): an increase of 1,000,000 or more, by tiers',
    ),
    registry: { zh: '本年度研发费用', aliases: ['研发投入'] },
  },
  {
    key: 'previousRdSpend',
    kind: 'money',
    topic: 'rd',
    label: t('上年度研发费用', "Last year's R&D spend"),
    short: t('上年研发费用', 'Previous R&D spend'),
    help: t('第四条第（3）项：用于计算研发费用增量，不填则无法测算', 'Article 4(3): the base of the increase; needed to compute it'),
    registry: { zh: '上年度研发费用', aliases: ['上年研发投入'] },
  },
  {
    key: 'keyProjects',
    kind: 'list',
    topic: 'keyProjects',
    label: t('承担的国家、北京市重点项目', 'National or Beijing key projects undertaken'),
    short: t('重点课题项目', 'Key projects'),
    help: t(
      '第四条第（4）项：国家项目按支持资金的20%、北京市项目按10%配套',
      'Article 4(4): 20% of national funding, 10% of Beijing funding',
    ),
    row: t('项目', 'project'),
    unique: 'id',
    item: [
      id(t('项目编号', 'Project id')),
      level(t('项目级别', 'Level')),
      {
        key: 'funding',
        kind: 'money',
        required: true,
        label: t('国家或北京市支持资金', 'National or Beijing funding'),
        short: t('支持资金', 'funding'),
        registry: { zh: '支持资金' },
      },
    ],
    registry: { zh: '重点项目' },
  },
  {
    key: 'revenue',
    kind: 'money',
    topic: 'revenue',
    label: t('本年度主营业务收入', "This year's main-business revenue"),
    short: t('主营业务收入', 'Revenue'),
    help: t(
      '第五条第（1）（2）项：首次达到1亿元等档位，或同比增量达到5000万元等档位',
      'Articles 5(1)(2): first reaching a tier, or growth by a tier',
    ),
    registry: { zh: '本年度主营业务收入', aliases: ['营业收入'] },
  },
  {
    key: 'previousRevenue',
    kind: 'money',
    topic: 'revenue',
    label: t('上年度主营业务收入', "Last year's revenue"),
    short: t('上年主营业务收入', 'Previous revenue'),
    help: t('第五条第（2）项：计算同比增量和增幅，不填则无法测算', 'Article 5(2): for the growth and its rate; needed to compute it'),
    registry: { zh: '上年度主营业务收入', aliases: ['上年营业收入'] },
  },
  {
    key: 'priorMaxRevenue',
    kind: 'money',
    topic: 'revenue',
    label: t('以往年度最高主营业务收入', 'Highest revenue of any earlier year'),
    short: t('此前最高年收入', 'Highest prior revenue'),
    help: t(
      '第五条第（1）项：判断是否“首次”达到；不填的，按上年度主营业务收入',
      'Article 5(1): decides "first reaching"; left empty, last year\'s revenue',
    ),
    registry: { zh: '以往年度最高主营业务收入', aliases: ['往年最高营业收入'] },
  },
  {
    key: 'firstAboveDesignatedSize',
    kind: 'bool',
    topic: 'revenue',
    label: t('本年度首次达规（规模以上企业）', 'First year above designated size'),
    short: t('首次达规', 'First above designated size'),
    help: t('第五条第（1）项：首次达规一次性支持', 'Article 5(1): a one-time award'),
    registry: { zh: '首次达规' },
  },
  {
    key: 'industryAverageGrowthRate',
    kind: 'rate',
    topic: 'revenue',
    label: t('所在行业平均增幅', 'Industry average growth rate'),
    short: t('行业平均增幅', 'Industry average growth'),
    help: t(
      '第五条第（2）项：增幅须高于所在行业平均水平（以百分比填写，如15%）',
      'Article 5(2): growth must beat the industry average (in per cent, e.g. 15%)',
    ),
    registry: { zh: '所在行业平均增幅', aliases: ['行业平均增速'], note: { en: '0.15 or 15%' } },
  },
  {
    key: 'recognitions',
    kind: 'list',
    topic: 'recognitions',
    label: t('本年度获得的认定', "The year's recognitions"),
    short: t('资质认定', 'Recognitions'),
    help: t(
      '第五条第（3）项：首次认定的“小巨人”、高新技术企业、专精特新中小企业；第七条第（2）项：新获评的重点实验室等。“小巨人”和高新技术企业为国家级，专精特新中小企业为北京市级',
      'Article 5(3): first recognitions (little giant, high-tech, SRDI SME); Article 7(2): newly rated labs and centres. Little giant and high-tech are national, SRDI SME municipal',
    ),
    row: t('认定', 'recognition'),
    unique: 'id',
    item: [
      id(t('证书编号', 'Certificate id')),
      {
        key: 'type',
        kind: 'enum',
        required: true,
        label: t('认定类型', 'Type'),
        short: t('类型', 'type'),
        options: RECOGNITION_TYPE_OPTIONS,
        registry: { zh: '类型' },
      },
      // Optional in the contract: the three recognitions of 第五条第（3）项 have a fixed level.
      {
        key: 'level',
        kind: 'enum',
        label: t('级别', 'Level'),
        short: t('级别', 'level'),
        options: LEVEL_OPTIONS,
        registry: { zh: '级别', note: { en: 'left empty for little-giant, high-tech and beijing-srdi-sme' } },
      },
      date(t('认定日期', 'Recognised on')),
      { key: 'renewal', kind: 'bool', label: t('复审（重新认定）', 'Renewal'), short: t('复审', 'renewal'), registry: { zh: '复审' } },
    ],
    registry: { zh: '资质认定' },
  },
  {
    key: 'agentCompetitionPrizes',
    kind: 'list',
    topic: 'agents',
    label: t('智能体创新创业大赛获奖', 'Agent competition prizes'),
    short: t('智能体大赛获奖', 'Agent competition prizes'),
    help: t(
      '第六条第（1）项：按大赛设定的奖金支持；工业智能体最高支持额度更高。获奖日期选填，填写的须在政策有效期和评估年度内',
      'Article 6(1): the prize the competition sets; a higher cap for industrial agents. The award date is optional; when given it must fall in the policy term and the assessment year',
    ),
    row: t('奖项', 'prize'),
    unique: 'id',
    item: [
      id(t('获奖编号', 'Prize id')),
      industrial(t('工业智能体', 'Industrial agent')),
      {
        key: 'prize',
        kind: 'money',
        label: t('大赛设定的奖金', 'Prize set'),
        short: t('奖金', 'prize'),
        registry: { zh: '大赛设定的奖金', aliases: ['奖金'] },
      },
      // 6.1: the award date is optional; given, it must be in force and in Y.
      {
        key: 'date',
        kind: 'date',
        label: t('获奖日期', 'Award date'),
        short: t('日期', 'date'),
        registry: { zh: '获奖日期', note: IN_TERM_IF_GIVEN },
      },
    ],
    formOrder: ['id', 'prize', 'industrial', 'date'],
    registry: { zh: '智能体大赛奖项' },
  },
  {
    key: 'scenarioProjects',
    kind: 'list',
    topic: 'scenarios',
    label: t('应用场景建设项目', 'Application-scenario projects'),
    short: t('应用场景项目', 'Scenario projects'),
    help: t(
      '第六条第（2）项：按项目总投入的30%，或按市级应用场景补贴的30%，二者择优',
      'Article 6(2): 30% of total investment, or 30% of a Beijing scenario subsidy, the larger',
    ),
    row: t('项目', 'project'),
    unique: 'id',
    item: [
      id(t('项目编号', 'Project id')),
      totalInvestment(t('项目总投入', 'Total investment')),
      industrial(t('工业智能项目', 'Industrial project')),
      municipalSubsidy(t('市级应用场景补贴', 'Beijing scenario subsidy')),
    ],
    formOrder: ['id', 'totalInvestment', 'municipalSubsidy', 'industrial'],
    registry: { zh: '场景项目' },
  },
  {
    key: 'benchmarkCases',
    kind: 'list',
    topic: 'scenarios',
    label: t('行业应用标杆案例', 'Benchmark application cases'),
    short: t('标杆案例', 'Benchmark cases'),
    help: t(
      '第六条第（2）项：国家和北京市部门评定的大模型行业应用标杆案例',
      'Article 6(2): LLM cases rated national or Beijing benchmarks',
    ),
    row: t('案例', 'case'),
    unique: 'id',
    item: [id(t('案例编号', 'Case id')), level(t('评定级别', 'Level')), date(t('评定日期', 'Rated on'))],
    registry: { zh: '标杆案例' },
  },
  {
    key: 'firstSetProducts',
    kind: 'list',
    topic: 'firstSet',
    label: t('首台（套）产品', 'First-set (首台套) products'),
    short: t('首台（套）产品', 'First-set products'),
    help: t(
      '第六条第（3）项：入选北京市首台（套）重大技术装备目录，或获得市级首台（套）项目补贴。入选目录日期选填，填写的须在政策有效期和评估年度内',
      'Article 6(3): in the Beijing first-set catalogue, or holding a Beijing first-set subsidy. The catalogue date is optional; when given it must fall in the policy term and the assessment year',
    ),
    row: t('产品', 'product'),
    unique: 'id',
    item: [
      id(t('产品编号', 'Product id')),
      {
        key: 'inBeijingCatalogue',
        kind: 'bool',
        label: t('入选北京市首台（套）目录', 'In the Beijing catalogue'),
        short: t('入选北京市目录', 'in the Beijing catalogue'),
        registry: { zh: '入选北京目录' },
      },
      // 6.3a: the catalogue date is optional; given, it must be in force and in Y.
      {
        key: 'catalogueDate',
        kind: 'date',
        label: t('入选目录日期', 'Catalogue date'),
        short: t('入选目录日期', 'catalogue date'),
        registry: { zh: '入选目录日期', note: IN_TERM_IF_GIVEN },
      },
      municipalSubsidy(t('市级首台（套）补贴', 'Beijing first-set subsidy')),
      industrial(t('工业智能项目', 'Industrial project')),
    ],
    registry: { zh: '首台套产品' },
  },
  {
    key: 'standards',
    kind: 'list',
    topic: 'standards',
    label: t('牵头制定并发布的标准', 'Standards led and published'),
    short: t('标准制定', 'Standards'),
    help: t('第六条第（4）项：国际标准、国家标准、行业标准分档支持', 'Article 6(4): international, national or industry standard'),
    row: t('标准', 'standard'),
    unique: 'id',
    item: [
      id(t('标准编号', 'Standard number')),
      { ...level(t('标准级别', 'Level')), options: STANDARD_LEVEL_OPTIONS },
      date(t('发布日期', 'Published on')),
    ],
    registry: { zh: '标准' },
  },
  {
    key: 'servicePlatforms',
    kind: 'list',
    topic: 'platforms',
    label: t('新建共性技术服务平台', 'New common-technology service platforms'),
    short: t('共性技术服务平台', 'Service platforms'),
    help: t(
      '第七条第（1）项：概念验证、小试中试、小批量组装制造等平台，按建设投入的30%，连续支持不超过2年',
      'Article 7(1): proof of concept, pilot, small-batch platforms; 30% of investment, at most 2 consecutive years',
    ),
    row: t('平台', 'platform'),
    unique: 'id',
    item: [id(t('平台编号', 'Platform id')), investment(t('平台建设投入', 'Construction investment'))],
    registry: { zh: '公共服务平台' },
  },
  {
    key: 'incubator',
    kind: 'object',
    topic: 'incubator',
    label: t('孵化器', 'Incubator'),
    help: t(
      '第八条第（1）至（3）项：部级卓越孵化器、市级标杆孵化器建设，培育和投资在孵人工智能企业',
      'Articles 8(1)–(3): rated incubators, incubating and investing in AI start-ups',
    ),
    fields: [
      {
        key: 'rating',
        kind: 'enum',
        label: t('孵化器评级', 'Rating'),
        short: t('评级', 'rating'),
        options: INCUBATOR_RATING_OPTIONS,
        registry: { zh: '评级' },
      },
      // Optional here: a rating without its investment makes 8.1 incomplete, never 0.
      { ...investment(t('孵化器建设投入', 'Construction investment')), required: false },
      {
        key: 'incubatedAIEnterprises',
        kind: 'count',
        label: t('培育符合条件的人工智能企业数', 'AI enterprises incubated'),
        short: t('孵化企业数', 'incubated'),
        registry: { zh: '在孵人工智能企业数' },
      },
      {
        key: 'investedAIEnterprises',
        kind: 'count',
        label: t('投资在孵人工智能企业数', 'AI incubatees invested in'),
        short: t('投资企业数', 'invested'),
        registry: { zh: '投资人工智能企业数' },
      },
    ],
    registry: { zh: '孵化器' },
  },
  {
    key: 'industrialParks',
    kind: 'list',
    topic: 'parks',
    label: t('人工智能特色产业园区', 'AI industrial parks'),
    short: t('特色产业园区', 'Industrial parks'),
    help: t('第八条第（4）项：按建设投入的30%，连续支持不超过2年', 'Article 8(4): 30% of investment, at most 2 consecutive years'),
    row: t('园区', 'park'),
    unique: 'id',
    item: [id(t('园区编号', 'Park id')), investment(t('园区建设投入', 'Construction investment'))],
    registry: { zh: '产业园区' },
  },
  {
    key: 'ventureFund',
    kind: 'object',
    topic: 'ventureFund',
    label: t('创投基金', 'Venture fund'),
    help: t(
      '第九条第（3）项：按基金对人工智能企业实际出资额的2%支持基金管理人',
      "Article 9(3): 2% of the fund's actual investment in AI enterprises",
    ),
    fields: [
      {
        key: 'aiInvestment',
        kind: 'money',
        required: true,
        label: t('对人工智能企业的实际出资额', 'Actual investment in AI enterprises'),
        short: t('人工智能投资额', 'AI investment'),
        registry: { zh: '投资人工智能企业金额' },
      },
    ],
    registry: { zh: '创投基金' },
  },
  {
    key: 'industryEducationBase',
    kind: 'object',
    topic: 'education',
    label: t('产教融合基地', 'Industry–education base'),
    help: t('第十条第（2）项：根据每年承接学生实习和就业的人数', 'Article 10(2): by the interns and hires of the year'),
    fields: [
      {
        key: 'interns',
        kind: 'count',
        required: true,
        label: t('承接实习学生人数', 'Interns'),
        short: t('实习人数', 'interns'),
        registry: { zh: '实习人数' },
      },
      {
        key: 'hires',
        kind: 'count',
        required: true,
        label: t('吸纳就业学生人数', 'Graduates hired'),
        short: t('就业人数', 'hires'),
        registry: { zh: '录用人数' },
      },
    ],
    registry: { zh: '产教融合基地' },
  },
  {
    key: 'events',
    kind: 'list',
    topic: 'events',
    label: t('举办的活动', 'Events organised'),
    short: t('活动', 'Events'),
    help: t(
      '第十条第（4）项：重点创新创业大赛、产业大会、行业论坛、人才培训，根据活动效果',
      'Article 10(4): contests, conferences, forums, training; by effect',
    ),
    row: t('活动', 'event'),
    unique: 'id',
    item: [
      id(t('活动编号', 'Event id')),
      {
        key: 'kind',
        kind: 'enum',
        required: true,
        label: t('活动类型', 'Kind'),
        short: t('类别', 'kind'),
        options: EVENT_KIND_OPTIONS,
        registry: { zh: '类型' },
      },
      date(t('举办日期', 'Held on')),
    ],
    registry: { zh: '活动' },
  },
] as const satisfies readonly FactSpec[];

/** The name of a field of `facts`. */
export type FactKey = (typeof FACTS)[number]['key'];

// ---------------------------------------------------------------------------------------------
// The topics of the calculator's checklist, in its order; each fact names its topic.

export const FACT_TOPICS = [
  { key: 'compute', label: t('大模型训练算力', 'Compute for LLM training'), citation: t('第一条', 'Art. 1'), measures: ['1'] },
  { key: 'models', label: t('大模型备案', 'LLM filings'), citation: t('第二条第（1）项', 'Art. 2(1)'), measures: ['2.1'] },
  {
    key: 'modelServices',
    label: t('购买通用大模型服务', 'Buying general LLM services'),
    citation: t('第二条第（2）项', 'Art. 2(2)'),
    measures: ['2.2'],
  },
  {
    key: 'data',
    label: t('数据集、数据资产登记与数据交易', 'Datasets, data assets and data trading'),
    citation: t('第三条第（1）至（3）项', 'Art. 3(1)–(3)'),
    measures: ['3.1', '3.2', '3.3'],
  },
  { key: 'dataSpaces', label: t('可信数据空间', 'Trusted data spaces'), citation: t('第三条第（4）项', 'Art. 3(4)'), measures: ['3.4'] },
  {
    key: 'jointFund',
    label: t('北京市自然科学基金丰台联合基金', 'Beijing NSF Fengtai joint fund'),
    citation: t('第四条第（1）项', 'Art. 4(1)'),
    measures: ['4.1'],
  },
  {
    key: 'challenge',
    label: t('“揭榜挂帅”攻关项目', '"Challenge" (揭榜挂帅) projects'),
    citation: t('第四条第（2）项', 'Art. 4(2)'),
    measures: ['4.2'],
  },
  { key: 'rd', label: t('研发费用增长', 'R&D spend growth'), citation: t('第四条第（3）项', 'Art. 4(3)'), measures: ['4.3'] },
  {
    key: 'keyProjects',
    label: t('国家、北京市重点项目', 'National / Beijing key projects'),
    citation: t('第四条第（4）项', 'Art. 4(4)'),
    measures: ['4.4'],
  },
  {
    key: 'revenue',
    label: t('主营业务收入与增长', 'Main-business revenue and growth'),
    citation: t('第五条第（1）（2）项', 'Art. 5(1)(2)'),
    measures: ['5.1', '5.2'],
  },
  {
    key: 'recognitions',
    label: t('资质认定（“小巨人”、高新技术企业、重点实验室等）', 'Recognitions (little giant, high-tech, key labs …)'),
    citation: t('第五条第（3）项、第七条第（2）项', 'Art. 5(3), 7(2)'),
    measures: ['5.3a', '5.3b', '7.2'],
  },
  { key: 'agents', label: t('智能体大赛获奖', 'Agent competition prizes'), citation: t('第六条第（1）项', 'Art. 6(1)'), measures: ['6.1'] },
  {
    key: 'scenarios',
    label: t('应用场景与标杆案例', 'Application scenarios, benchmark cases'),
    citation: t('第六条第（2）项', 'Art. 6(2)'),
    measures: ['6.2a', '6.2b', '6.2c'],
  },
  {
    key: 'firstSet',
    label: t('首台（套）产品', 'First-set (首台套) products'),
    citation: t('第六条第（3）项', 'Art. 6(3)'),
    measures: ['6.3a', '6.3b'],
  },
  { key: 'standards', label: t('标准制定', 'Standards'), citation: t('第六条第（4）项', 'Art. 6(4)'), measures: ['6.4'] },
  {
    key: 'platforms',
    label: t('共性技术服务平台', 'Common-technology service platforms'),
    citation: t('第七条第（1）项', 'Art. 7(1)'),
    measures: ['7.1'],
  },
  {
    key: 'incubator',
    label: t('孵化器', 'Incubator'),
    citation: t('第八条第（1）至（3）项', 'Art. 8(1)–(3)'),
    measures: ['8.1', '8.2', '8.3'],
  },
  { key: 'parks', label: t('特色产业园区', 'Industrial parks'), citation: t('第八条第（4）项', 'Art. 8(4)'), measures: ['8.4'] },
  { key: 'ventureFund', label: t('创投基金', 'Venture fund'), citation: t('第九条第（3）项', 'Art. 9(3)'), measures: ['9.3'] },
  {
    key: 'education',
    label: t('产教融合基地', 'Industry–education base'),
    citation: t('第十条第（2）项', 'Art. 10(2)'),
    measures: ['10.2'],
  },
  {
    key: 'events',
    label: t('大赛、大会、论坛、培训活动', 'Contests, conferences, forums, training'),
    citation: t('第十条第（4）项', 'Art. 10(4)'),
    measures: ['10.4'],
  },
] as const satisfies readonly FactTopic[];

/** The key of a topic of the checklist. */
export type FactTopicKey = (typeof FACT_TOPICS)[number]['key'];

// ---------------------------------------------------------------------------------------------
// The enterprise.

/** Every field of `enterprise`, in the contract's order. */
export const ENTERPRISE_FIELDS = [
  {
    key: 'creditCode',
    kind: 'creditCode',
    label: t('统一社会信用代码', 'Unified social credit code'),
    registry: { zh: '统一社会信用代码' },
  },
  { key: 'name', kind: 'text', label: t('企业名称', 'Name'), registry: { zh: '企业名称' } },
  { key: 'registeredInFengtai', kind: 'bool', label: t('在丰台注册', 'Registered in Fengtai'), registry: { zh: '注册在丰台' } },
  { key: 'taxResidentInFengtai', kind: 'bool', label: t('在丰台纳税', 'Tax resident in Fengtai'), registry: { zh: '纳税在丰台' } },
  { key: 'seriousDishonesty', kind: 'bool', label: t('存在严重失信', 'Serious dishonesty'), registry: { zh: '严重失信' } },
  {
    key: 'aiPartnerProgram',
    kind: 'bool',
    label: t('人工智能伙伴计划企业', 'AI partner program'),
    registry: { zh: '人工智能伙伴计划企业' },
  },
  { key: 'industrialAI', kind: 'bool', label: t('工业智能企业', 'Industrial AI enterprise'), registry: { zh: '工业智能企业' } },
  { key: 'startup', kind: 'bool', label: t('初创企业', 'Start-up'), registry: { zh: '人工智能初创企业' } },
] as const satisfies readonly EnterpriseFieldSpec[];
