/**
 * 申报材料: per measure, the materials an application that claims it attaches, as the text asks
 * for them (备案, 认定, 合同, 发票, 审计报告 …) and as the district's calls commonly list them. Each is
 * required (必备: submission is refused without it) or optional (可选: it helps the formal check).
 * The year's call guide (申报指南) may ask for more; these are the floor every call keeps.
 *
 * Keys are stable: attachments record them (`attachments.material`, migration 0026).
 */

export interface Material {
  /** Stable within its measure: `contract`, `invoice` … */
  readonly key: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly required: boolean;
  /** One line on what is meant, in Chinese (the official call's wording). */
  readonly hint: string;
}

const m = (key: string, zh: string, en: string, required: boolean, hint: string): Material => ({
  key,
  name: { zh, en },
  required,
  hint,
});

/** Paid costs: the contracts, invoices and payment vouchers a subsidy of spending rests on. */
const spending = (what: string, whatEn: string): Material[] => [
  m('contract', `${what}合同`, `${whatEn} contracts`, true, `${what}相关合同（协议）扫描件`),
  m('invoice', '发票', 'Invoices', true, '与合同对应的增值税发票'),
  m('payment', '付款凭证', 'Payment vouchers', false, '银行付款回单等支付凭证'),
];
const certificate = (zh: string, en: string, hint: string): Material[] => [m('certificate', zh, en, true, hint)];
const audited = m('audit', '年度审计报告', 'Audited financial statements', true, '会计师事务所出具的年度财务审计报告');

/** The materials of each measure of the catalogue (申报材料清单). */
export const MATERIALS: Readonly<Record<string, readonly Material[]>> = {
  '1': [
    ...spending('算力采购（租赁）', 'Compute purchase or lease'),
    m('usage', '算力使用说明', 'Use of the compute', false, '算力用于模型训练、推理的情况说明'),
  ],
  '2.1': certificate('大模型备案证明', 'Model filing certificate', '国家或北京市生成式人工智能服务备案（登记）通知或公告截图'),
  '2.2': [
    m('report', '研发情况报告', 'R&D report', true, '垂类大模型研发投入、技术路线和应用情况'),
    ...spending('研发投入', 'R&D spending').slice(0, 2),
  ],
  '3.1': [m('listing', '数据集开放证明', 'Proof of opening', true, '数据集、语料库在开放平台上线的页面截图或证明')],
  '3.2': certificate('数据资产登记证书', 'Data-asset registration certificate', '数据（数字）资产登记机构出具的登记证书'),
  '3.3': [
    m('trade', '交易凭证', 'Trade records', true, '数据交易所出具的交易凭证或交易合同'),
    m('invoice', '发票', 'Invoices', false, '交易对应的发票'),
  ],
  '3.4': [
    m('approval', '建设认定文件', 'Approval of the data space', true, '可信数据空间建设的认定或验收文件'),
    ...spending('建设投入', 'Build-out').slice(0, 2),
  ],
  '4.1': certificate('联合基金立项文件', 'Joint-fund award', '北京市自然科学基金丰台联合基金立项通知'),
  '4.2': certificate('揭榜挂帅立项文件', 'Challenge award', '“揭榜挂帅”项目立项通知及任务书'),
  '4.3': [audited, m('rd', '研发费用专项审计报告', 'R&D expense audit', true, '研发费用加计扣除专项审计（鉴证）报告')],
  '4.4': certificate('重点项目立项文件', 'Key-project award', '国家或北京市重点项目立项通知及资金下达文件'),
  '5.1': [audited],
  '5.2': [audited],
  '5.3a': certificate('认定文件', 'Recognition', '国家专精特新“小巨人”企业认定公告或证书'),
  '5.3b': certificate('认定证书', 'Recognition', '国家高新技术企业证书或北京市专精特新中小企业认定文件'),
  '5.4': [m('lease', '办公用房租赁合同', 'Office lease', true, '入驻空间的租赁合同或入驻协议')],
  '6.1': certificate('获奖证书', 'Award certificate', '智能体创新创业大赛获奖证书或公告'),
  '6.2a': [
    m('plan', '项目实施方案', 'Project plan', true, '应用场景建设项目实施方案及验收材料'),
    ...spending('项目投入', 'Project spending').slice(0, 2),
  ],
  '6.2b': certificate('市级补贴文件', 'Beijing subsidy', '市级应用场景建设项目补贴下达文件'),
  '6.2c': certificate('标杆案例证明', 'Benchmark case', '行业应用标杆案例入选公告'),
  '6.3a': certificate('首台（套）目录证明', 'First-set catalogue', '北京市首台（套）重大技术装备目录入选证明'),
  '6.3b': certificate('市级首台（套）补贴文件', 'Beijing first-set subsidy', '市级首台（套）项目补贴下达文件'),
  '6.4': certificate('标准文本及发布公告', 'Standard and its publication', '已发布标准的文本及发布公告（牵头单位排名第一）'),
  '7.1': [
    m('approval', '平台认定文件', 'Platform approval', true, '共性技术服务平台认定或验收文件'),
    ...spending('平台建设', 'Platform build-out').slice(0, 2),
  ],
  '7.2': certificate('创新平台认定文件', 'Platform rating', '新获评创新平台的认定文件'),
  '8.1': certificate('孵化器评定文件', 'Incubator rating', '部级卓越孵化器或市级标杆孵化器评定文件'),
  '8.2': [m('roster', '在孵企业名单', 'Incubated enterprises', true, '培育的人工智能企业名单及入孵协议')],
  '8.3': [m('investment', '投资协议及出资凭证', 'Investment agreements and payments', true, '对在孵企业的投资协议及出资凭证')],
  '8.4': certificate('园区认定文件', 'Park recognition', '人工智能特色产业园区认定文件'),
  '9.1': [m('agreement', '投资协议', 'Investment agreement', true, '股权投资协议及出资凭证')],
  '9.2': [m('financing', '融资证明', 'Financing records', true, '上市、挂牌或债券发行等融资证明文件')],
  '9.3': [m('investment', '投资协议及出资凭证', 'Investment agreements and payments', true, '基金对人工智能企业的投资协议及出资凭证')],
  '10.1': [m('talent', '人才认定材料', 'Talent records', true, '人才认定文件、劳动合同及社保缴纳证明')],
  '10.2': certificate('产教融合基地认定文件', 'Base recognition', '产教融合基地认定或共建协议'),
  '10.3': [m('package', '服务包材料', 'Service package', false, '区级“服务包”相关说明材料')],
  '10.4': [
    m('event', '活动举办证明', 'Event records', true, '活动方案、举办照片及相关报道'),
    m('invoice', '发票', 'Invoices', false, '活动支出发票'),
  ],
};

/** The materials of `measure` (none for a measure without a list). */
export function materialsOf(measure: string): readonly Material[] {
  return MATERIALS[measure] ?? [];
}

/** The required materials of the measures claimed that no attachment is tied to, in the measures' order. */
export function missingMaterials(
  measures: readonly string[],
  attached: readonly { readonly measure: string | null; readonly material: string | null }[],
): { measure: string; material: Material }[] {
  const has = new Set(attached.map((a) => `${a.measure}|${a.material}`));
  return [...new Set(measures)].flatMap((measure) =>
    materialsOf(measure)
      .filter((x) => x.required && !has.has(`${measure}|${x.key}`))
      .map((material) => ({ measure, material })),
  );
}
