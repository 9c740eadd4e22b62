import { pathToName } from '../../lib/field-errors';

/**
 * The `facts` part of the calculation contract (CALCULATION.md) described as data: which fields
 * there are, of which kind, under which topic and clause, with their Chinese and English labels.
 * The FactsEditor draws its form from this; the calculator builds and reads requests with it.
 * Field names are the contract's, exactly.
 */

export type Facts = Record<string, unknown>;

export type Topic =
  | 'compute'
  | 'models'
  | 'modelServices'
  | 'data'
  | 'dataSpaces'
  | 'jointFund'
  | 'challenge'
  | 'rd'
  | 'keyProjects'
  | 'revenue'
  | 'recognitions'
  | 'agents'
  | 'scenarios'
  | 'firstSet'
  | 'standards'
  | 'platforms'
  | 'incubator'
  | 'parks'
  | 'ventureFund'
  | 'education'
  | 'events';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export interface EnumOption {
  readonly value: string;
  readonly label: Text;
}

/** A value in a form: money in yuan (≤ 2 decimals), a whole count, yes/no, a date, a text, a rate, one of a list. */
export type ScalarKind = 'money' | 'count' | 'bool' | 'date' | 'text' | 'rate' | 'enum';

export interface ScalarField {
  readonly key: string;
  readonly kind: ScalarKind;
  readonly label: Text;
  readonly help?: Text;
  /** The contract requires it (inside a list row or an object). */
  readonly required?: boolean;
  readonly options?: readonly EnumOption[];
}

export interface ListField {
  readonly key: string;
  readonly kind: 'list';
  readonly label: Text;
  readonly help: Text;
  /** What one row is called ("模型", "项目" …), for the add button. */
  readonly row: Text;
  readonly item: readonly ScalarField[];
}

export interface ObjectField {
  readonly key: string;
  readonly kind: 'object';
  readonly label: Text;
  readonly help: Text;
  readonly fields: readonly ScalarField[];
}

export type FactField = (ScalarField & { readonly help: Text }) | ListField | ObjectField;

export interface TopicInfo {
  readonly key: Topic;
  /** The `facts` fields this topic asks for, in contract order. */
  readonly fields: readonly string[];
  readonly label: { readonly zh: string; readonly en: string };
  /** The clause(s) as the text numbers them, e.g. 第三条第（1）至（3）项. */
  readonly citation: Text;
  /** The measures the topic's facts feed. */
  readonly measures: readonly string[];
}

const t = (zh: string, en: string): Text => ({ zh, en });

const LEVELS: readonly EnumOption[] = [
  { value: 'national', label: t('国家级', 'National') },
  { value: 'municipal', label: t('北京市级', 'Beijing (municipal)') },
];

export const RECOGNITION_TYPES: readonly EnumOption[] = [
  { value: 'little-giant', label: t('国家级专精特新“小巨人”企业', 'National "little giant" (专精特新小巨人)') },
  { value: 'high-tech', label: t('国家高新技术企业', 'National high-tech enterprise') },
  { value: 'beijing-srdi-sme', label: t('北京市专精特新中小企业', 'Beijing SRDI SME (专精特新中小企业)') },
  { value: 'key-lab', label: t('重点实验室', 'Key laboratory') },
  { value: 'engineering-research-center', label: t('工程研究中心', 'Engineering research centre') },
  { value: 'technology-innovation-center', label: t('技术创新中心', 'Technology innovation centre') },
  { value: 'enterprise-technology-center', label: t('企业技术中心', 'Enterprise technology centre') },
  { value: 'proof-of-concept-platform', label: t('概念验证平台', 'Proof-of-concept platform') },
  { value: 'pilot-base', label: t('中试基地', 'Pilot base') },
  { value: 'future-industry-base', label: t('未来产业育新基地', 'Future-industry base') },
];

const STANDARD_LEVELS: readonly EnumOption[] = [
  { value: 'international', label: t('国际标准', 'International') },
  { value: 'national', label: t('国家标准', 'National') },
  { value: 'industry', label: t('行业标准', 'Industry') },
];

const INCUBATOR_RATINGS: readonly EnumOption[] = [
  { value: 'ministry-excellent', label: t('部级卓越孵化器', 'Ministry "excellent" incubator') },
  { value: 'municipal-benchmark', label: t('市级标杆孵化器', 'Beijing "benchmark" incubator') },
];

const EVENT_KINDS: readonly EnumOption[] = [
  { value: 'contest', label: t('重点创新创业大赛', 'Contest') },
  { value: 'conference', label: t('产业大会', 'Conference') },
  { value: 'forum', label: t('行业论坛', 'Forum') },
  { value: 'training', label: t('人才培训', 'Training') },
];

const id = (zh: string, en: string): ScalarField => ({ key: 'id', kind: 'text', label: t(zh, en), required: true });
const date = (zh: string, en: string, required = true): ScalarField => ({ key: 'date', kind: 'date', label: t(zh, en), required });

/** Every field of `facts`, in the contract's order. Chinese texts follow CHINESE.md. */
export const FACT_FIELDS: readonly FactField[] = [
  {
    key: 'computeSpend',
    kind: 'money',
    label: t('算力实际投入', 'Compute spend'),
    help: t(
      '第一条：购买或租用智能算力开展大模型研发和训练的实际投入',
      'Article 1: actual spend buying or renting compute for LLM R&D and training',
    ),
  },
  {
    key: 'modelFilings',
    kind: 'list',
    label: t('通过国家生成式人工智能备案的大模型', 'Models that passed the national generative-AI filing'),
    help: t(
      '第二条第（1）项：每个通过备案的大模型一次性支持；工业大模型更高',
      'Article 2(1): once per filed model; more for an industrial model',
    ),
    row: t('大模型', 'model'),
    item: [
      id('备案编号', 'Filing id'),
      date('备案日期', 'Filing date'),
      { key: 'industrial', kind: 'bool', label: t('工业大模型', 'Industrial model') },
    ],
  },
  {
    key: 'generalModelPurchase',
    kind: 'money',
    label: t('购买通用大模型服务的年度投入', "The year's general-LLM service purchases"),
    help: t(
      '第二条第（2）项：购买通用大模型开展垂类大模型研发、模型服务、智能体开发应用的实际投入',
      'Article 2(2): buying general LLM services to build vertical models, model services or agents',
    ),
  },
  {
    key: 'openDatasets',
    kind: 'list',
    label: t('首次开放的高质量数据集、语料库', 'High-quality datasets or corpora first opened'),
    help: t('第三条第（1）项：自主建设并首次开放，经评审认定', 'Article 3(1): built in-house and first opened; after review'),
    row: t('数据集', 'dataset'),
    item: [id('数据集编号或名称', 'Dataset id or name'), date('开放日期', 'Opened on')],
  },
  {
    key: 'dataAssetRegistrationFees',
    kind: 'money',
    label: t('数据（数字）资产登记费用', 'Data-asset registration fees'),
    help: t('第三条第（2）项：开展数据（数字）资产登记支付的登记费用', 'Article 3(2): fees paid to register data assets'),
  },
  {
    key: 'dataProductSales',
    kind: 'money',
    label: t('数据产品交易额（作为供给方）', 'Data-product trades (as supplier)'),
    help: t('第三条第（3）项：数据（数字）产品交易的实际交易额', 'Article 3(3): actual amount of data-product trades'),
  },
  {
    key: 'trustedDataSpaces',
    kind: 'list',
    label: t('可信数据空间', 'Trusted data spaces'),
    help: t(
      '第三条第（4）项：用于大模型训练和产品开发的可信数据空间，按建设投入',
      'Article 3(4): for LLM training and product development, by investment',
    ),
    row: t('数据空间', 'data space'),
    item: [
      id('数据空间编号或名称', 'Space id or name'),
      { key: 'investment', kind: 'money', label: t('建设投入', 'Construction investment'), required: true },
      { key: 'industrial', kind: 'bool', label: t('工业可信数据空间', 'Industrial data space') },
    ],
  },
  {
    key: 'jointFundContribution',
    kind: 'money',
    label: t('丰台联合基金出资额', 'Joint-fund contribution'),
    help: t(
      '第四条第（1）项：出资参与北京市自然科学基金丰台联合基金，区级配套（原文未规定比例或金额）',
      'Article 4(1): contribution to the Beijing NSF Fengtai joint fund; district matching (no figure in the text)',
    ),
  },
  {
    key: 'challengeProjects',
    kind: 'list',
    label: t('“揭榜挂帅”攻关项目', '"Challenge" (揭榜挂帅) projects'),
    help: t(
      '第四条第（2）项：机器人、智能硬件、高端装备、核心部件、仿真软件、控制系统等攻关项目，按项目总投入',
      'Article 4(2): robots, smart hardware, high-end equipment, core parts, simulation software, control systems …, by total investment',
    ),
    row: t('项目', 'project'),
    item: [
      id('项目编号', 'Project id'),
      { key: 'field', kind: 'text', label: t('攻关领域', 'Field') },
      { key: 'totalInvestment', kind: 'money', label: t('项目总投入', 'Total investment'), required: true },
    ],
  },
  {
    key: 'rdSpend',
    kind: 'money',
    label: t('本年度研发费用', "This year's R&D spend"),
    help: t(
      '第四条第（3）项：年度研发费用较上年增长100万元（含）以上的，按增量分档',
      'Article 4(3): an increase of 1,000,000 or more, by tiers',
    ),
  },
  {
    key: 'previousRdSpend',
    kind: 'money',
    label: t('上年度研发费用', "Last year's R&D spend"),
    help: t('第四条第（3）项：用于计算研发费用增量，不填则无法测算', 'Article 4(3): the base of the increase; needed to compute it'),
  },
  {
    key: 'keyProjects',
    kind: 'list',
    label: t('承担的国家、北京市重点项目', 'National or Beijing key projects undertaken'),
    help: t(
      '第四条第（4）项：国家项目按支持资金的20%、北京市项目按10%配套',
      'Article 4(4): 20% of national funding, 10% of Beijing funding',
    ),
    row: t('项目', 'project'),
    item: [
      id('项目编号', 'Project id'),
      { key: 'level', kind: 'enum', label: t('项目级别', 'Level'), required: true, options: LEVELS },
      { key: 'funding', kind: 'money', label: t('国家或北京市支持资金', 'National or Beijing funding'), required: true },
    ],
  },
  {
    key: 'revenue',
    kind: 'money',
    label: t('本年度主营业务收入', "This year's main-business revenue"),
    help: t(
      '第五条第（1）（2）项：首次达到1亿元等档位，或同比增量达到5000万元等档位',
      'Articles 5(1)(2): first reaching a tier, or growth by a tier',
    ),
  },
  {
    key: 'previousRevenue',
    kind: 'money',
    label: t('上年度主营业务收入', "Last year's revenue"),
    help: t('第五条第（2）项：计算同比增量和增幅，不填则无法测算', 'Article 5(2): for the growth and its rate; needed to compute it'),
  },
  {
    key: 'priorMaxRevenue',
    kind: 'money',
    label: t('以往年度最高主营业务收入', 'Highest revenue of any earlier year'),
    help: t(
      '第五条第（1）项：判断是否“首次”达到；不填的，按上年度主营业务收入',
      'Article 5(1): decides "first reaching"; left empty, last year\'s revenue',
    ),
  },
  {
    key: 'firstAboveDesignatedSize',
    kind: 'bool',
    label: t('本年度首次达规（规模以上企业）', 'First year above designated size'),
    help: t('第五条第（1）项：首次达规一次性支持', 'Article 5(1): a one-time award'),
  },
  {
    key: 'industryAverageGrowthRate',
    kind: 'rate',
    label: t('所在行业平均增幅', 'Industry average growth rate'),
    help: t(
      '第五条第（2）项：增幅须高于所在行业平均水平（以百分比填写，如15%）',
      'Article 5(2): growth must beat the industry average (in per cent, e.g. 15%)',
    ),
  },
  {
    key: 'recognitions',
    kind: 'list',
    label: t('本年度获得的认定', "The year's recognitions"),
    help: t(
      '第五条第（3）项：首次认定的“小巨人”、高新技术企业、专精特新中小企业；第七条第（2）项：新获评的重点实验室等。“小巨人”和高新技术企业为国家级，专精特新中小企业为北京市级',
      'Article 5(3): first recognitions (little giant, high-tech, SRDI SME); Article 7(2): newly rated labs and centres. Little giant and high-tech are national, SRDI SME municipal',
    ),
    row: t('认定', 'recognition'),
    item: [
      id('证书编号', 'Certificate id'),
      { key: 'type', kind: 'enum', label: t('认定类型', 'Type'), required: true, options: RECOGNITION_TYPES },
      { key: 'level', kind: 'enum', label: t('级别', 'Level'), options: LEVELS },
      date('认定日期', 'Recognised on'),
      { key: 'renewal', kind: 'bool', label: t('复审（重新认定）', 'Renewal') },
    ],
  },
  {
    key: 'agentCompetitionPrizes',
    kind: 'list',
    label: t('智能体创新创业大赛获奖', 'Agent competition prizes'),
    help: t(
      '第六条第（1）项：按大赛设定的奖金支持；工业智能体最高支持额度更高。获奖日期选填，填写的须在政策有效期和评估年度内',
      'Article 6(1): the prize the competition sets; a higher cap for industrial agents. The award date is optional; when given it must fall in the policy term and the assessment year',
    ),
    row: t('奖项', 'prize'),
    item: [
      id('获奖编号', 'Prize id'),
      { key: 'prize', kind: 'money', label: t('大赛设定的奖金', 'Prize set') },
      { key: 'industrial', kind: 'bool', label: t('工业智能体', 'Industrial agent') },
      date('获奖日期', 'Award date', false),
    ],
  },
  {
    key: 'scenarioProjects',
    kind: 'list',
    label: t('应用场景建设项目', 'Application-scenario projects'),
    help: t(
      '第六条第（2）项：按项目总投入的30%，或按市级应用场景补贴的30%，二者择优',
      'Article 6(2): 30% of total investment, or 30% of a Beijing scenario subsidy, the larger',
    ),
    row: t('项目', 'project'),
    item: [
      id('项目编号', 'Project id'),
      { key: 'totalInvestment', kind: 'money', label: t('项目总投入', 'Total investment') },
      { key: 'municipalSubsidy', kind: 'money', label: t('市级应用场景补贴', 'Beijing scenario subsidy') },
      { key: 'industrial', kind: 'bool', label: t('工业智能项目', 'Industrial project') },
    ],
  },
  {
    key: 'benchmarkCases',
    kind: 'list',
    label: t('行业应用标杆案例', 'Benchmark application cases'),
    help: t(
      '第六条第（2）项：国家和北京市部门评定的大模型行业应用标杆案例',
      'Article 6(2): LLM cases rated national or Beijing benchmarks',
    ),
    row: t('案例', 'case'),
    item: [
      id('案例编号', 'Case id'),
      { key: 'level', kind: 'enum', label: t('评定级别', 'Level'), required: true, options: LEVELS },
      date('评定日期', 'Rated on'),
    ],
  },
  {
    key: 'firstSetProducts',
    kind: 'list',
    label: t('首台（套）产品', 'First-set (首台套) products'),
    help: t(
      '第六条第（3）项：入选北京市首台（套）重大技术装备目录，或获得市级首台（套）项目补贴。入选目录日期选填，填写的须在政策有效期和评估年度内',
      'Article 6(3): in the Beijing first-set catalogue, or holding a Beijing first-set subsidy. The catalogue date is optional; when given it must fall in the policy term and the assessment year',
    ),
    row: t('产品', 'product'),
    item: [
      id('产品编号', 'Product id'),
      { key: 'inBeijingCatalogue', kind: 'bool', label: t('入选北京市首台（套）目录', 'In the Beijing catalogue') },
      { key: 'catalogueDate', kind: 'date', label: t('入选目录日期', 'Catalogue date') },
      { key: 'municipalSubsidy', kind: 'money', label: t('市级首台（套）补贴', 'Beijing first-set subsidy') },
      { key: 'industrial', kind: 'bool', label: t('工业智能项目', 'Industrial project') },
    ],
  },
  {
    key: 'standards',
    kind: 'list',
    label: t('牵头制定并发布的标准', 'Standards led and published'),
    help: t('第六条第（4）项：国际标准、国家标准、行业标准分档支持', 'Article 6(4): international, national or industry standard'),
    row: t('标准', 'standard'),
    item: [
      id('标准编号', 'Standard number'),
      { key: 'level', kind: 'enum', label: t('标准级别', 'Level'), required: true, options: STANDARD_LEVELS },
      date('发布日期', 'Published on'),
    ],
  },
  {
    key: 'servicePlatforms',
    kind: 'list',
    label: t('新建共性技术服务平台', 'New common-technology service platforms'),
    help: t(
      '第七条第（1）项：概念验证、小试中试、小批量组装制造等平台，按建设投入的30%，连续支持不超过2年',
      'Article 7(1): proof of concept, pilot, small-batch platforms; 30% of investment, at most 2 consecutive years',
    ),
    row: t('平台', 'platform'),
    item: [
      id('平台编号', 'Platform id'),
      { key: 'investment', kind: 'money', label: t('平台建设投入', 'Construction investment'), required: true },
    ],
  },
  {
    key: 'incubator',
    kind: 'object',
    label: t('孵化器', 'Incubator'),
    help: t(
      '第八条第（1）至（3）项：部级卓越孵化器、市级标杆孵化器建设，培育和投资在孵人工智能企业',
      'Articles 8(1)–(3): rated incubators, incubating and investing in AI start-ups',
    ),
    fields: [
      { key: 'rating', kind: 'enum', label: t('孵化器评级', 'Rating'), options: INCUBATOR_RATINGS },
      { key: 'investment', kind: 'money', label: t('孵化器建设投入', 'Construction investment') },
      { key: 'incubatedAIEnterprises', kind: 'count', label: t('培育符合条件的人工智能企业数', 'AI enterprises incubated') },
      { key: 'investedAIEnterprises', kind: 'count', label: t('投资在孵人工智能企业数', 'AI incubatees invested in') },
    ],
  },
  {
    key: 'industrialParks',
    kind: 'list',
    label: t('人工智能特色产业园区', 'AI industrial parks'),
    help: t('第八条第（4）项：按建设投入的30%，连续支持不超过2年', 'Article 8(4): 30% of investment, at most 2 consecutive years'),
    row: t('园区', 'park'),
    item: [
      id('园区编号', 'Park id'),
      { key: 'investment', kind: 'money', label: t('园区建设投入', 'Construction investment'), required: true },
    ],
  },
  {
    key: 'ventureFund',
    kind: 'object',
    label: t('创投基金', 'Venture fund'),
    help: t(
      '第九条第（3）项：按基金对人工智能企业实际出资额的2%支持基金管理人',
      "Article 9(3): 2% of the fund's actual investment in AI enterprises",
    ),
    fields: [
      { key: 'aiInvestment', kind: 'money', label: t('对人工智能企业的实际出资额', 'Actual investment in AI enterprises'), required: true },
    ],
  },
  {
    key: 'industryEducationBase',
    kind: 'object',
    label: t('产教融合基地', 'Industry–education base'),
    help: t('第十条第（2）项：根据每年承接学生实习和就业的人数', 'Article 10(2): by the interns and hires of the year'),
    fields: [
      { key: 'interns', kind: 'count', label: t('承接实习学生人数', 'Interns'), required: true },
      { key: 'hires', kind: 'count', label: t('吸纳就业学生人数', 'Graduates hired'), required: true },
    ],
  },
  {
    key: 'events',
    kind: 'list',
    label: t('举办的活动', 'Events organised'),
    help: t(
      '第十条第（4）项：重点创新创业大赛、产业大会、行业论坛、人才培训，根据活动效果',
      'Article 10(4): contests, conferences, forums, training; by effect',
    ),
    row: t('活动', 'event'),
    item: [
      id('活动编号', 'Event id'),
      { key: 'kind', kind: 'enum', label: t('活动类型', 'Kind'), required: true, options: EVENT_KINDS },
      date('举办日期', 'Held on'),
    ],
  },
];

export const FACT_FIELD_INDEX: ReadonlyMap<string, FactField> = new Map(FACT_FIELDS.map((f) => [f.key, f]));

/** The topics of the calculator's checklist ("what did your enterprise do this year?"). */
export const TOPICS: readonly TopicInfo[] = [
  {
    key: 'compute',
    fields: ['computeSpend'],
    label: t('大模型训练算力', 'Compute for LLM training'),
    citation: t('第一条', 'Art. 1'),
    measures: ['1'],
  },
  {
    key: 'models',
    fields: ['modelFilings'],
    label: t('大模型备案', 'LLM filings'),
    citation: t('第二条第（1）项', 'Art. 2(1)'),
    measures: ['2.1'],
  },
  {
    key: 'modelServices',
    fields: ['generalModelPurchase'],
    label: t('购买通用大模型服务', 'Buying general LLM services'),
    citation: t('第二条第（2）项', 'Art. 2(2)'),
    measures: ['2.2'],
  },
  {
    key: 'data',
    fields: ['openDatasets', 'dataAssetRegistrationFees', 'dataProductSales'],
    label: t('数据集、数据资产登记与数据交易', 'Datasets, data assets and data trading'),
    citation: t('第三条第（1）至（3）项', 'Art. 3(1)–(3)'),
    measures: ['3.1', '3.2', '3.3'],
  },
  {
    key: 'dataSpaces',
    fields: ['trustedDataSpaces'],
    label: t('可信数据空间', 'Trusted data spaces'),
    citation: t('第三条第（4）项', 'Art. 3(4)'),
    measures: ['3.4'],
  },
  {
    key: 'jointFund',
    fields: ['jointFundContribution'],
    label: t('北京市自然科学基金丰台联合基金', 'Beijing NSF Fengtai joint fund'),
    citation: t('第四条第（1）项', 'Art. 4(1)'),
    measures: ['4.1'],
  },
  {
    key: 'challenge',
    fields: ['challengeProjects'],
    label: t('“揭榜挂帅”攻关项目', '"Challenge" (揭榜挂帅) projects'),
    citation: t('第四条第（2）项', 'Art. 4(2)'),
    measures: ['4.2'],
  },
  {
    key: 'rd',
    fields: ['rdSpend', 'previousRdSpend'],
    label: t('研发费用增长', 'R&D spend growth'),
    citation: t('第四条第（3）项', 'Art. 4(3)'),
    measures: ['4.3'],
  },
  {
    key: 'keyProjects',
    fields: ['keyProjects'],
    label: t('国家、北京市重点项目', 'National / Beijing key projects'),
    citation: t('第四条第（4）项', 'Art. 4(4)'),
    measures: ['4.4'],
  },
  {
    key: 'revenue',
    fields: ['revenue', 'previousRevenue', 'priorMaxRevenue', 'firstAboveDesignatedSize', 'industryAverageGrowthRate'],
    label: t('主营业务收入与增长', 'Main-business revenue and growth'),
    citation: t('第五条第（1）（2）项', 'Art. 5(1)(2)'),
    measures: ['5.1', '5.2'],
  },
  {
    key: 'recognitions',
    fields: ['recognitions'],
    label: t('资质认定（“小巨人”、高新技术企业、重点实验室等）', 'Recognitions (little giant, high-tech, key labs …)'),
    citation: t('第五条第（3）项、第七条第（2）项', 'Art. 5(3), 7(2)'),
    measures: ['5.3a', '5.3b', '7.2'],
  },
  {
    key: 'agents',
    fields: ['agentCompetitionPrizes'],
    label: t('智能体大赛获奖', 'Agent competition prizes'),
    citation: t('第六条第（1）项', 'Art. 6(1)'),
    measures: ['6.1'],
  },
  {
    key: 'scenarios',
    fields: ['scenarioProjects', 'benchmarkCases'],
    label: t('应用场景与标杆案例', 'Application scenarios, benchmark cases'),
    citation: t('第六条第（2）项', 'Art. 6(2)'),
    measures: ['6.2a', '6.2b', '6.2c'],
  },
  {
    key: 'firstSet',
    fields: ['firstSetProducts'],
    label: t('首台（套）产品', 'First-set (首台套) products'),
    citation: t('第六条第（3）项', 'Art. 6(3)'),
    measures: ['6.3a', '6.3b'],
  },
  {
    key: 'standards',
    fields: ['standards'],
    label: t('标准制定', 'Standards'),
    citation: t('第六条第（4）项', 'Art. 6(4)'),
    measures: ['6.4'],
  },
  {
    key: 'platforms',
    fields: ['servicePlatforms'],
    label: t('共性技术服务平台', 'Common-technology service platforms'),
    citation: t('第七条第（1）项', 'Art. 7(1)'),
    measures: ['7.1'],
  },
  {
    key: 'incubator',
    fields: ['incubator'],
    label: t('孵化器', 'Incubator'),
    citation: t('第八条第（1）至（3）项', 'Art. 8(1)–(3)'),
    measures: ['8.1', '8.2', '8.3'],
  },
  {
    key: 'parks',
    fields: ['industrialParks'],
    label: t('特色产业园区', 'Industrial parks'),
    citation: t('第八条第（4）项', 'Art. 8(4)'),
    measures: ['8.4'],
  },
  {
    key: 'ventureFund',
    fields: ['ventureFund'],
    label: t('创投基金', 'Venture fund'),
    citation: t('第九条第（3）项', 'Art. 9(3)'),
    measures: ['9.3'],
  },
  {
    key: 'education',
    fields: ['industryEducationBase'],
    label: t('产教融合基地', 'Industry–education base'),
    citation: t('第十条第（2）项', 'Art. 10(2)'),
    measures: ['10.2'],
  },
  {
    key: 'events',
    fields: ['events'],
    label: t('大赛、大会、论坛、培训活动', 'Contests, conferences, forums, training'),
    citation: t('第十条第（4）项', 'Art. 10(4)'),
    measures: ['10.4'],
  },
];

const TOPIC_OF_FIELD: ReadonlyMap<string, Topic> = new Map(TOPICS.flatMap((tp) => tp.fields.map((f) => [f, tp.key] as const)));

/** The topic a facts field belongs to. */
export function topicOfField(field: string): Topic | undefined {
  return TOPIC_OF_FIELD.get(field);
}

/** A field of the facts form that a contract path names (an answer's `missing`, an API issue). */
export interface FactFieldRef {
  /** The path as given: `facts.agentCompetitionPrizes[0].prize`. */
  readonly path: string;
  /** Its name in the facts form: ['agentCompetitionPrizes', 0, 'prize'], ['incubator', 'investment']. */
  readonly name: readonly (string | number)[];
  /** The topic whose section holds it. */
  readonly topic: Topic;
  /** The field as the form labels it: 上年度主营业务收入 · 孵化器建设投入 · 奖项1：大赛设定的奖金. */
  readonly label: Text;
}

/**
 * The form field a contract path names, through FACT_FIELDS (the one description of the facts):
 * `facts.previousRevenue` → 上年度主营业务收入 under the revenue topic; `facts.incubator.investment`
 * → 孵化器建设投入; `facts.agentCompetitionPrizes[0].prize` → 奖项1：大赛设定的奖金. A path into a
 * list without a row, or to a part the form does not have, names the nearest thing that it does
 * have; a path outside `facts` or to an unknown field names nothing (undefined).
 */
export function factFieldOfPath(path: string): FactFieldRef | undefined {
  if (!path.startsWith('facts.')) return undefined;
  const [head, ...rest] = pathToName(path.slice('facts.'.length));
  const field = typeof head === 'string' ? FACT_FIELD_INDEX.get(head) : undefined;
  const topic = field && topicOfField(field.key);
  if (!field || !topic) return undefined;
  const whole = { path, name: [field.key], topic, label: field.label };
  if (field.kind === 'object') {
    const part = field.fields.find((f) => f.key === rest[0]);
    return part ? { path, name: [field.key, part.key], topic, label: part.label } : whole;
  }
  if (field.kind !== 'list') return whole;
  const [index, key] = rest;
  if (typeof index !== 'number') return whole;
  // The rows are numbered from 1 as the form shows them: 奖项1, prize 1.
  const row = t(`${field.row.zh}${index + 1}`, `${capitalize(field.row.en)} ${index + 1}`);
  const item = field.item.find((f) => f.key === key);
  if (!item) return { path, name: [field.key, index], topic, label: row };
  return { path, name: [field.key, index, item.key], topic, label: t(`${row.zh}：${item.label.zh}`, `${row.en}: ${item.label.en}`) };
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The topics to show so that the form has the field a contract path names: `topics` with the
 * path's topic added in checklist order (the same list when it is there, or names no field).
 */
export function withTopicOf(topics: readonly Topic[], path: string): Topic[] {
  const topic = factFieldOfPath(path)?.topic;
  if (topic === undefined || topics.includes(topic)) return [...topics];
  const chosen = new Set([...topics, topic]);
  return TOPICS.map((tp) => tp.key).filter((k) => chosen.has(k));
}

/** Which topics a facts object touches (fields present and not empty), in checklist order. */
export function topicsOf(facts: Facts): Topic[] {
  const touched = new Set<Topic>();
  for (const [key, value] of Object.entries(facts)) {
    const topic = TOPIC_OF_FIELD.get(key);
    if (topic && !isEmpty(value)) touched.add(topic);
  }
  return TOPICS.map((tp) => tp.key).filter((k) => touched.has(k));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

/**
 * A money value as a number of yuan with at most 2 decimals (half up on the decimal digits, never
 * through `x * 100`): 1234567.891 → 1234567.89; "1000.5" → 1000.5. Not a number: undefined.
 */
export function toMoney(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return roundDecimalString(String(value));
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return roundDecimalString(value.trim());
  return undefined;
}

function roundDecimalString(s: string): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  // Exponent forms (1e21 and up, or tiny fractions) are beyond any real amount: keep the number.
  if (!m) return Number(s);
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length <= 2) return Number(s);
  const cents = BigInt(whole + frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1n : 0n);
  const digits = cents.toString().padStart(3, '0');
  return Number(`${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

/** A whole count; anything else undefined. */
function toCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

function toRate(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function cleanScalar(field: ScalarField, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (field.kind) {
    case 'money':
      return toMoney(value) ?? value;
    case 'count':
      return toCount(value) ?? value;
    case 'rate':
      return toRate(value) ?? value;
    case 'text':
    case 'date':
    case 'enum':
      if (typeof value === 'string') {
        const s = value.trim();
        return s === '' ? undefined : s;
      }
      return value;
    default:
      return value;
  }
}

function cleanRow(fields: readonly ScalarField[], row: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!row || typeof row !== 'object') return out;
  const r = row as Record<string, unknown>;
  for (const f of fields) {
    const v = cleanScalar(f, r[f.key]);
    if (v !== undefined) out[f.key] = v;
  }
  return out;
}

/**
 * The facts as the contract wants them: empty fields dropped, money as numbers with at most 2
 * decimals, texts trimmed, objects with nothing in them dropped, empty lists dropped. List rows are
 * kept (even empty ones), so the API's `facts.x[i]` paths point at the rows the user sees.
 * Fields the contract does not know are kept as they are (the API names them).
 */
export function cleanFacts(facts: Facts, only?: ReadonlySet<string>): Facts {
  const out: Facts = {};
  for (const field of FACT_FIELDS) {
    if (only && !only.has(field.key)) continue;
    const value = facts[field.key];
    if (value === undefined || value === null) continue;
    if (field.kind === 'list') {
      if (!Array.isArray(value)) {
        out[field.key] = value;
        continue;
      }
      if (value.length === 0) continue;
      out[field.key] = value.map((row) => cleanRow(field.item, row));
    } else if (field.kind === 'object') {
      const row = cleanRow(field.fields, value);
      if (Object.keys(row).length > 0) out[field.key] = row;
    } else {
      const v = cleanScalar(field, value);
      if (v !== undefined) out[field.key] = v;
    }
  }
  if (!only) {
    for (const [key, value] of Object.entries(facts)) {
      if (!FACT_FIELD_INDEX.has(key) && value !== undefined) out[key] = value;
    }
  }
  return out;
}

/** The `facts` fields of some topics. */
export function fieldsOfTopics(topics: readonly Topic[]): Set<string> {
  const chosen = new Set(topics);
  return new Set(TOPICS.filter((tp) => chosen.has(tp.key)).flatMap((tp) => tp.fields));
}

/**
 * A fraction as per cent and back, exactly on the decimal digits (0.15 ↔ 15, 0.075 ↔ 7.5), so a
 * rate typed as 15% goes into the contract as 0.15, never 0.15000000000000002.
 */
export function shiftDecimal(value: number, places: number): number {
  const s = String(value);
  if (/e/i.test(s)) return Number(`${s}e${places}`);
  const neg = s.startsWith('-');
  const [whole = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  let digits = whole + frac;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const out = `${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`;
  return Number(`${neg ? '-' : ''}${out}`);
}
