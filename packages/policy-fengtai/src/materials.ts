/**
 * 申报材料: per measure, the materials an application that claims it attaches, as the text asks
 * for them (备案, 认定, 立项, 合同, 发票, 审计报告 …) and as the district's calls commonly list them;
 * and the general ones (通用材料) any application may attach. Each is required (必备: submission is
 * refused while it has no file) or optional (可选: it helps the formal check). The year's call guide
 * (申报指南) may ask for more; these are the floor every call keeps.
 *
 * Where the support is a share of money spent (实际投入, 建设投入, 购买服务), the spending rests on
 * its contracts, invoices and payment vouchers, all three required.
 *
 * Keys are stable: attachments record them (`attachments.measure` and `attachments.material`,
 * migration 0026). Plain data with no imports, so that the browser and the error texts take it
 * without the engine (`@ftai/policy-fengtai/materials`). Chinese texts follow CHINESE.md.
 */

export interface Material {
  /** Stable within its measure (or among the general ones): `contract`, `invoice` … */
  readonly key: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** 必备: an application claiming the measure is not submitted without a file of it. */
  readonly required: boolean;
  /** One line on what is meant, in Chinese (the calls' own wording). */
  readonly hint: string;
}

const m = (key: string, zh: string, en: string, required: boolean, hint: string): Material => ({
  key,
  name: { zh, en },
  required,
  hint,
});

/** Money spent (实际投入): its contracts, invoices and payment vouchers, all required. */
const spending = (zh: string, en: string, what: string): Material[] => [
  m('contract', `${zh}合同`, `${en} contracts`, true, `${what}的合同（协议）扫描件，加盖公章`),
  m('invoice', '发票', 'Invoices', true, '与合同对应的发票；电子发票可上传PDF或OFD文件'),
  m('payment', '付款凭证', 'Payment vouchers', true, '与发票对应的银行付款回单等支付凭证'),
];
/** A document that the measure's support rests on alone (a filing, a recognition, an award …). */
const issued = (zh: string, en: string, hint: string): Material => m('certificate', zh, en, true, hint);
const audited = (hint: string): Material => m('audit', '年度财务审计报告', 'Audited financial statements', true, hint);

/** The materials of each measure of the catalogue (申报材料清单), by measure id. */
export const MATERIALS: Readonly<Record<string, readonly Material[]>> = {
  '1': [
    ...spending('算力采购（租赁）', 'Compute purchase or lease', '购买或租用智能算力'),
    m('partner', '人工智能伙伴计划入选证明', 'AI partner programme membership', false, '纳入人工智能伙伴计划的通知、名单或证书'),
    m('usage', '算力使用情况说明', 'Use of the compute', false, '算力用于大模型研发和训练的情况说明（模型名称、训练任务、算力规模）'),
  ],
  '2.1': [
    issued('大模型备案证明', 'Model filing certificate', '国家生成式人工智能服务备案通知，或网信部门备案公告截图（含模型名称和备案编号）'),
    m('intro', '大模型研发情况说明', 'Model development report', false, '大模型的研发主体、技术路线和应用情况；工业大模型说明其工业应用'),
  ],
  '2.2': [
    m(
      'report',
      '垂类大模型研发情况报告',
      'Vertical-model R&D report',
      true,
      '购买通用大模型开展垂类大模型研发、模型服务、智能体开发应用的情况',
    ),
    ...spending('通用大模型服务采购', 'General-model service', '购买通用大模型服务'),
  ],
  '3.1': [
    m('listing', '数据集开放证明', 'Proof of opening', true, '数据集、语料库首次在开放平台上线的页面截图或平台出具的证明'),
    m('report', '数据集建设情况说明', 'Dataset report', false, '数据集、语料库的规模、质量和自主建设过程'),
  ],
  '3.2': [
    issued('数据资产登记证书', 'Data-asset registration certificate', '数据（数字）资产登记机构出具的登记证书'),
    m('invoice', '登记费用发票', 'Registration fee invoices', true, '登记机构开具的登记费用发票'),
    m('payment', '付款凭证', 'Payment vouchers', false, '登记费用的银行付款回单等支付凭证'),
  ],
  '3.3': [
    m('trade', '数据产品交易合同', 'Trade contracts', true, '数据（数字）产品交易合同，或数据交易所出具的交易凭证'),
    m('invoice', '发票', 'Invoices', true, '作为数据供给方就交易开具的发票'),
    m('receipt', '收款凭证', 'Receipts', false, '交易款项的银行收款回单'),
  ],
  '3.4': [
    m(
      'report',
      '可信数据空间建设及服务情况报告',
      'Data-space build and service report',
      true,
      '建设内容、用于大模型训练和产品开发的情况及对外服务效果',
    ),
    ...spending('建设投入', 'Build-out', '可信数据空间建设投入'),
  ],
  '4.1': [
    m('agreement', '联合基金出资协议', 'Joint-fund agreement', true, '参与北京市自然科学基金丰台联合基金的出资协议'),
    m('payment', '出资凭证', 'Proof of payment', true, '向联合基金出资的银行付款回单'),
  ],
  '4.2': [
    issued('“揭榜挂帅”立项文件', 'Challenge award', '“揭榜挂帅”攻关项目的立项通知及任务书'),
    m('spending', '项目投入明细及凭证', 'Project spending and vouchers', true, '项目总投入明细表及相应的合同、发票和付款凭证'),
  ],
  '4.3': [
    m('rd', '研发费用专项审计报告', 'R&D expense audit', true, '会计师事务所出具的本年度和上年度研发费用专项审计（鉴证）报告'),
    m('audit', '年度财务审计报告', 'Audited financial statements', false, '会计师事务所出具的本年度和上年度财务审计报告'),
  ],
  '4.4': [
    issued('重点项目立项文件', 'Key-project award', '国家或北京市人工智能领域重点课题、成果转化和产业化项目的立项文件及任务书'),
    m('funds', '资金下达文件', 'Funding notice', true, '国家或北京市支持资金的下达文件或拨款凭证'),
  ],
  '5.1': [
    audited('会计师事务所出具的年度财务审计报告，载明主营业务收入'),
    m('designated', '规模以上企业入库证明', 'Above-designated-size listing', false, '首次达规的，提供统计部门纳入规模以上企业名录的证明'),
  ],
  '5.2': [
    audited('会计师事务所出具的本年度和上年度财务审计报告，载明主营业务收入'),
    m('industry', '行业平均增速说明', 'Industry growth rate', false, '所在行业主营业务收入平均增速及其来源（统计部门等发布的数据）'),
  ],
  '5.3a': [issued('“小巨人”企业认定文件', 'Little-giant recognition', '国家专精特新“小巨人”企业认定公告或证书')],
  '5.3b': [issued('认定证书', 'Recognition certificate', '国家高新技术企业证书，或北京市专精特新中小企业认定公告')],
  '5.4': [
    m('intro', '企业情况及用房需求说明', 'Company profile and space needed', true, '企业技术创新能力、发展潜力和拟使用空间面积的说明'),
    m('proof', '创新能力证明材料', 'Evidence of innovation', false, '知识产权、获奖、融资等证明材料'),
  ],
  '6.1': [issued('获奖证书', 'Award certificate', '智能体创新创业大赛获奖证书或获奖公告')],
  '6.2a': [
    m('plan', '项目实施方案及验收材料', 'Project plan and acceptance', true, '应用场景建设项目的实施方案、验收报告或上线证明'),
    ...spending('项目投入', 'Project spending', '应用场景建设项目投入'),
  ],
  '6.2b': [issued('市级补贴下达文件', 'Beijing subsidy notice', '市级应用场景建设项目补贴的下达文件或拨款凭证')],
  '6.2c': [issued('标杆案例入选文件', 'Benchmark-case notice', '国家或市级部门评定行业应用标杆案例的公告或证书')],
  '6.3a': [issued('首台（套）目录入选证明', 'First-set catalogue listing', '入选北京市首台（套）重大技术装备目录的公告或证明')],
  '6.3b': [issued('市级首台（套）补贴文件', 'Beijing first-set subsidy notice', '市级首台（套）项目补贴的下达文件或拨款凭证')],
  '6.4': [issued('标准文本及发布公告', 'Standard and its publication', '已发布标准的文本及发布公告，载明本企业为牵头单位')],
  '7.1': [
    m('report', '平台建设情况报告', 'Platform build report', true, '共性技术服务平台的建设内容、服务能力和建设进度'),
    ...spending('平台建设', 'Platform build-out', '平台建设投入'),
  ],
  '7.2': [issued('创新平台认定文件', 'Platform recognition', '新获评国家或市级重点实验室、工程研究中心等的认定文件')],
  '8.1': [
    issued('孵化器评定文件', 'Incubator rating', '部级卓越孵化器或市级标杆孵化器的评定文件'),
    m('report', '孵化成效报告', 'Incubation results', false, '孵化人工智能企业的数量和成效'),
    ...spending('建设投入', 'Build-out', '孵化器建设投入'),
  ],
  '8.2': [m('roster', '在孵企业名单及入孵协议', 'Incubated enterprises', true, '培育的人工智能企业名单及入孵协议')],
  '8.3': [m('investment', '投资协议及出资凭证', 'Investment agreements and payments', true, '投资在孵人工智能企业的协议及出资凭证')],
  '8.4': [
    issued('园区认定文件', 'Park recognition', '人工智能特色产业园区的认定或立项文件'),
    ...spending('建设投入', 'Build-out', '园区建设投入'),
  ],
  '9.1': [m('intro', '企业融资需求说明', 'Financing needs', false, '股权融资、上市培育等需求说明（服务事项）')],
  '9.2': [m('intro', '企业融资需求说明', 'Financing needs', false, '融资产品需求说明（服务事项）')],
  '9.3': [
    m('investment', '投资协议及出资凭证', 'Investment agreements and payments', true, '基金投资人工智能企业的协议及实际出资凭证'),
    m('filing', '基金备案证明', 'Fund registration', false, '中国证券投资基金业协会的基金备案证明'),
  ],
  '10.1': [m('talent', '人才情况说明', 'Talent profile', false, '申报“丰泽计划”的人才情况说明（服务事项）')],
  '10.2': [
    issued('产教融合基地认定文件', 'Base recognition', '人工智能产教融合基地的认定文件或共建协议'),
    m('roster', '实习就业学生名单', 'Interns and hires', false, '本年度承接学生实习和就业的名单及证明'),
  ],
  '10.3': [m('intro', '服务需求说明', 'Service needs', false, '纳入区级“服务包”的服务需求说明（服务事项）')],
  '10.4': [
    m('event', '活动举办证明', 'Event records', true, '活动方案、举办照片及媒体报道等'),
    m('invoice', '活动支出发票', 'Event invoices', false, '活动支出的发票'),
  ],
};

/** 通用材料: what any application may attach, whatever it claims (measure null on the attachment). */
export const GENERAL_MATERIALS: readonly Material[] = [
  m('licence', '营业执照', 'Business licence', false, '营业执照副本扫描件，加盖公章'),
  m('tax', '纳税证明', 'Tax certificate', false, '税务部门出具的在丰台区纳税的证明'),
];

/** The materials of `measure`, the general ones for null (none for a measure without a list). */
export function materialsOf(measure: string | null): readonly Material[] {
  return measure === null ? GENERAL_MATERIALS : (MATERIALS[measure] ?? []);
}

/** The result statuses that claim nothing: services every answer lists, and measures not applying. */
const NOT_CLAIMED: ReadonlySet<string> = new Set(['service', 'not-applicable']);

/**
 * The measures an application claims, from the engine's answer to its facts: one result per
 * measure and subject the request gives any fact for (CALCULATION.md), whatever it grants —
 * granted, ineligible, excluded, incomplete, pending, in kind. A service (9.1, 9.2, 10.1, 10.3:
 * no money, listed for every enterprise) claims nothing. In the answer's order, each once.
 *
 * @example claimedMeasures([{ measure: '1', status: 'ineligible' }, { measure: '9.1', status: 'service' }]) // ['1']
 */
export function claimedMeasures(results: readonly { readonly measure: string; readonly status: string }[]): string[] {
  return [...new Set(results.filter((r) => !NOT_CLAIMED.has(r.status)).map((r) => r.measure))];
}

/** A required material without a file: its measure (null for a general one) and the material. */
export interface MissingMaterial {
  readonly measure: string | null;
  readonly material: Material;
}

/**
 * The required materials no attachment is tied to: those of each measure claimed, in the
 * measures' order, then the general ones (when anything is claimed).
 */
export function missingMaterials(
  claimed: readonly string[],
  attached: readonly { readonly measure: string | null; readonly material: string | null }[],
): MissingMaterial[] {
  const has = new Set(attached.map((a) => `${a.measure ?? ''}|${a.material ?? ''}`));
  const measures: (string | null)[] = [...new Set(claimed)];
  if (measures.length > 0) measures.push(null);
  return measures.flatMap((measure) =>
    materialsOf(measure)
      .filter((x) => x.required && !has.has(`${measure ?? ''}|${x.key}`))
      .map((material) => ({ measure, material })),
  );
}
