import { measures } from '@ftai/policy-fengtai';
import { materialsOf } from '@ftai/policy-fengtai/materials';
import { issueText } from './issue-text.js';
import { isApplicationStatus, statusLabel } from './statuses.js';

/** The languages the server words its errors in (Accept-Language); Chinese unless English is asked. */
export type ErrorLang = 'zh' | 'en';

/**
 * The language an `Accept-Language` header asks for: English when its first preference (by q)
 * is English, else Chinese (zh-CN by default, as the bureau's service is).
 *
 * @example acceptLanguage('en-US,en;q=0.9') // 'en'
 * @example acceptLanguage('zh-CN,zh;q=0.9,en;q=0.8') // 'zh'
 * @example acceptLanguage(undefined) // 'zh'
 */
export function acceptLanguage(header: string | undefined): ErrorLang {
  if (!header) return 'zh';
  let best: { tag: string; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const q = Number(
      params
        .find((p) => p.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    );
    if (tag === '' || !Number.isFinite(q)) continue;
    if (!best || q > best.q) best = { tag: tag.toLowerCase(), q };
  }
  return best?.tag.startsWith('en') ? 'en' : 'zh';
}

/** Per error code, what a person reads in Chinese when the message itself is not one known below. */
const CODE_ZH: Record<string, string> = {
  FTAI_ERR_VALIDATION: '提交的内容不符合要求，请检查后重新提交',
  FTAI_ERR_UNAUTHENTICATED: '请先登录',
  FTAI_ERR_FORBIDDEN: '您没有进行此项操作的权限',
  FTAI_ERR_NOT_FOUND: '未找到所请求的记录，可能编号有误或已被删除',
  FTAI_ERR_CONFLICT: '此项操作与记录的当前状态不符，请刷新页面后重试',
  FTAI_ERR_TRANSITION: '申报当前所处环节不允许此项操作，请刷新页面后查看',
  FTAI_ERR_CALL_CLOSED: '该申报批次不在受理期内，不能提交或修改申报',
  FTAI_ERR_DUPLICATE_SUBJECT: '同一支持对象已在本批次其他申报中申领，不能重复申报',
  FTAI_ERR_OVER_ENGINE: '审定金额不得超过测算金额',
  FTAI_ERR_CONFLICT_OF_INTEREST: '该评审专家与申报企业存在关联关系，应当回避，不能评审该申报',
  FTAI_ERR_REVIEWS_MISSING: '专家评审尚未完成，暂不能审定',
  FTAI_ERR_UPLOAD: '文件未能接收，请检查文件格式和大小后重新上传',
  FTAI_ERR_BUDGET_BELOW_ALLOCATED: '预算不得低于已分配金额',
  FTAI_ERR_BUDGET_ABOVE_TOTAL: '分条款预算不得超过年度总预算',
  FTAI_ERR_NOT_FUNDED: '有审定事项本次分配为0元，须填写不予安排的理由',
  FTAI_ERR_BANK_ACCOUNT_MISSING: '企业尚未登记收款账户，不能拨付',
  FTAI_ERR_ATTACHMENT_LIMIT: '附件数量已达上限',
  FTAI_ERR_MATERIALS_MISSING: '尚缺必备的申报材料，请按材料清单上传后再提交',
  FTAI_ERR_APPLICATION_EXISTS: '贵单位在本批次已有一份申报，请继续办理该申报：一家企业在同一批次只能提交一份申报',
  FTAI_ERR_LOGIN: '用户名或密码错误',
  FTAI_ERR_WEAK_PASSWORD: '密码强度不足：至少12位，且不能是常见密码',
  FTAI_ERR_CSRF: '页面已过期，请刷新后重试',
  FTAI_ERR_RATE_LIMIT: '操作过于频繁，请稍后再试',
  FTAI_ERR_NOT_READY: '服务正在启动，请稍后再试',
  FTAI_ERR_PDF_UNAVAILABLE: '服务器暂不能生成PDF文件，请使用本页的“打印”，在打印窗口中选择“另存为PDF”',
  FTAI_ERR_INTERNAL: '服务器内部错误，操作未执行，请稍后重试',
  FTAI_ERR_VERSION_NOT_FOUND: '未找到所指定的政策参数版本，请核对版本号',
  FTAI_ERR_OWN_VERSION: '本人起草的政策参数版本须由其他工作人员审批',
  FTAI_ERR_VERSION_STATUS: '该政策参数版本当前所处环节不允许此项操作，请刷新页面后查看',
  FTAI_ERR_EFFECTIVE_DATE: '生效日期应在今天至2028年12月31日之间',
};

const yuan = (text: string) => `${text.replace(/\.00$/, '')}元`;

/** Messages that carry figures or names a person needs, worded in Chinese with them. */
const MESSAGE_ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /tied to enterprise (\S+) \((.+)\) and cannot review its application/,
    (m) => `该评审专家与企业（统一社会信用代码${m[1]}）存在关联关系（${m[2]}），应当回避，不能评审其申报`,
  ],
  [
    /requires (\d+) completed expert reviews? before approval .*; (\d+) (?:is|are) done/,
    (m) => `本批次要求审定前完成${m[1]}份专家评审，已完成${m[2]}份；评审完成后方可审定`,
  ],
  [
    /^the enterprise (\S+) has no bank account on record/,
    (m) => `企业（统一社会信用代码${m[1]}）尚未登记收款账户，须在企业信息中登记后方可拨付`,
  ],
  [
    /^(\d+) approved item\(s\) would be allocated 0 yuan \(the budget left is ([\d,.]+) yuan\)/,
    (m) => `有${m[1]}个审定事项本次将分配0元（剩余预算${yuan(m[2] ?? '')}）：请填写不予安排的理由，或调整预算后重新提交`,
  ],
  [
    /^measure (\S+)(?: for subject (.+))? is already claimed by application (\S+) in this call/,
    (m) =>
      `支持事项${m[1]}${m[2] ? `（支持对象${m[2]}）` : ''}已在本批次的另一份申报（申报编号${(m[3] ?? '').slice(0, 8)}）中申报：请从本申报中去掉该事项，或撤回那份申报`,
  ],
  [
    /^your enterprise already has application \S+(?: \((.+)\))? in status (\S+) in call/,
    (m) =>
      `贵单位在本批次已有一份申报（${m[1] ? `申报编号${m[1]}，` : ''}当前状态：${isApplicationStatus(m[2]) ? statusLabel(m[2], 'zh') : m[2]}），请继续办理该申报：一家企业在同一批次只能提交一份申报`,
  ],
  [/^required materials are missing: /, (m) => `尚缺必备的申报材料：${missingZh(m.input)}；请在申报材料清单中逐项上传后再提交`],
  [/^the batch would offer nothing/, () => '按所选条件没有可推送的企业：匹配结果中的企业已在本批次申报或已获推送，或被筛选条件排除'],
  [
    /^the offer is (confirmed|declined|expired|pending): it can no longer be (confirmed|declined)/,
    (m) =>
      `该免申即享${({ confirmed: '已确认申领', declined: '已放弃', expired: '已逾期', pending: '尚待确认' } as Record<string, string>)[m[1] ?? ''] ?? ''}，不能再${m[2] === 'confirmed' ? '确认申领' : '放弃'}`,
  ],
  [/^no bank account on record for enterprise (\S+)/, () => '尚未登记收款账户：请填写收款账户后再确认申领'],
  [/^the match job is (\S+): (?:its offers are|the list is) ready/, () => '匹配任务尚未完成，完成后方可生成免申即享批次'],
  // Parameter versions (政策参数版本).
  [
    /^policy version (\d+) was drafted by you: another officer must (approve|reject) it/,
    (m) => `第${m[1]}版政策参数由您本人起草，须由其他工作人员${m[2] === 'approve' ? '批准' : '驳回'}（双人审批）`,
  ],
  [
    /^the policy version is (\S+(?: meanwhile)?): it can no longer be (\S+)/,
    (m) =>
      `该政策参数版本${({ draft: '尚为草稿', pending: '正在待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回', 'decided meanwhile': '已由其他工作人员处理' } as Record<string, string>)[m[1] ?? ''] ?? ''}，不能再${({ changed: '修改', submitted: '提交审批', approved: '批准', rejected: '驳回', withdrawn: '撤回' } as Record<string, string>)[m[2] ?? ''] ?? '办理'}；请刷新页面后查看`,
  ],
  [/^the version changed meanwhile/, () => '该政策参数版本已被修改，请刷新页面后重试'],
  [
    /^policy version (\d+) would take effect on (\d{4})-(\d{2})-(\d{2}), but a version takes effect from today \((\d{4})-(\d{2})-(\d{2})/,
    (m) =>
      `第${m[1]}版政策参数的生效日期为${m[2]}年${Number(m[3])}月${Number(m[4])}日，生效日期应在今天（${m[5]}年${Number(m[6])}月${Number(m[7])}日）至2028年12月31日之间：请驳回该版本，并以新的生效日期重新起草`,
  ],
  [
    /^only the officer who drafted a policy version may (\S+) it/,
    (m) =>
      `只有起草人可以${({ change: '修改', submit: '提交', withdraw: '撤回' } as Record<string, string>)[m[1] ?? ''] ?? '办理'}该政策参数版本`,
  ],
  [
    /^policy version (\d+) is based on version (\d+), but version (\d+) was approved since/,
    (m) =>
      `第${m[1]}版政策参数以第${m[2]}版为基础起草，其后第${m[3]}版已获批准且先行生效，批准本版将撤销第${m[3]}版的修改：请驳回本版，并以第${m[3]}版为基础重新起草`,
  ],
  [/^policy version not found/, () => '未找到该政策参数版本'],
  [/^offer not found/, () => '未找到该免申即享'],
  [/^policy version (\d+) not found/, (m) => `未找到第${m[1]}版政策参数，请核对版本号`],
  [/^simulation not found/, () => '未找到该政策模拟'],
  [/^budget estimate not found/, () => '未找到该年度预算测算'],
  [/^the simulation is (\S+): (?:its estimates are|its workbook is) ready/, () => '政策模拟尚未完成，完成后方可导出结果或进行年度预算测算'],
  [/^the simulation is (\S+): only a queued or running simulation can be cancelled/, () => '该政策模拟已结束，不能取消'],
  [/^the match job is (\S+): its registry is ready/, () => '所选匹配任务尚未完成，完成后方可用于政策模拟'],
  [/expected a growth rate of -100% or more/, () => '增长率不得低于-100%'],
  [/^offer batch not found/, () => '未找到该免申即享批次'],
  [/^message not found/, () => '未找到该消息'],
  [/too many attempts: try again in (\d+) s/, (m) => `尝试次数过多，请${m[1]}秒后再试`],
  [/^sign in first/, () => '请先登录'],
  [/^wrong user name or password/, () => '用户名或密码错误'],
  [/^application not found/, () => '未找到该申报'],
  [/^the application has not been submitted: no receipt yet/, () => '该申报尚未提交，暂无受理回执；提交后即可下载'],
  [/^call not found/, () => '未找到该申报批次'],
  [/^notice not found/, () => '未找到该公示'],
  [/^(\S+) not found$/, () => '未找到所请求的记录，可能编号有误或已被删除'],
  [/the file is larger than the limit of ([\d,]+) bytes(?: \(([^)]+)\))?/, (m) => `文件超过大小上限${m[2] ?? `${m[1]}字节`}`],
  [/^the content of ("(?:[^"\\]|\\.)*") is (.*?); accepted are /, (m) => refusedFileZh(m[1] ?? '""', m[2] ?? '')],
];

/** A measure as the text cites it, with its name: 第二条第（1）项（大模型合规备案）. */
const CITATION_ZH = new Map<string, string>(measures.map((m) => [m.id, `${m.citation.zh}（${m.name.zh}）`]));

/**
 * The missing materials an error names by key (`[1/invoice]`, `[licence]` for a general one), in
 * Chinese by measure: 第一条（智能算力支持）的“发票”“付款凭证”，通用材料“营业执照”.
 */
function missingZh(error: string): string {
  const byMeasure = new Map<string, string[]>();
  for (const [, measure = '', key = ''] of error.matchAll(/\[(?:([\w.]+)\/)?(\w+)\]/g)) {
    const name = materialsOf(measure === '' ? null : measure).find((x) => x.key === key)?.name.zh ?? key;
    // Quotation marks inside quotation marks are single (GB/T 15834): “‘揭榜挂帅’立项文件”.
    byMeasure.set(measure, [...(byMeasure.get(measure) ?? []), `“${name.replace(/“/g, '‘').replace(/”/g, '’')}”`]);
  }
  return [...byMeasure]
    .map(([measure, names]) => (measure === '' ? `通用材料${names.join('')}` : `${CITATION_ZH.get(measure) ?? measure}的${names.join('')}`))
    .join('，');
}

/** The accepted kinds of files, as a Chinese sentence names them. */
const ACCEPTED_ZH = 'PDF、OFD、PNG、JPEG、WebP、Word（.doc、.docx）或Excel（.xls、.xlsx）格式的文件';

/** What a refused file's content is, in Chinese, from the server's words (a type, or none). */
function kindZh(what: string): string {
  if (what.startsWith('an empty file')) return '空文件';
  if (what.startsWith('no known file type')) return '无法识别的格式';
  if (what.startsWith('an OLE2 compound file')) return '旧版Word或Excel格式的复合文档';
  const mime = /^[\w.+-]+\/[\w.+-]+/.exec(what)?.[0] ?? '';
  const known: Record<string, string> = {
    'application/pdf': 'PDF文件',
    'application/ofd': 'OFD文件',
    'image/png': 'PNG图片',
    'image/jpeg': 'JPEG图片',
    'image/webp': 'WebP图片',
    'application/msword': 'Word文档',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word文档',
    'application/vnd.ms-excel': 'Excel表格',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel表格',
    'application/zip': '压缩包',
  };
  return known[mime] ?? (mime.startsWith('image/') ? '不支持的图片格式' : '不支持的格式');
}

/**
 * A refused upload in Chinese, naming the file, what its content is and the accepted kinds: a
 * content its extension does not claim (a PNG named .pdf), an old Office file named otherwise,
 * or a type not accepted (a plain ZIP, an empty file).
 */
function refusedFileZh(quotedName: string, what: string): string {
  let name: string;
  try {
    name = JSON.parse(quotedName) as string;
  } catch {
    name = quotedName.slice(1, -1);
  }
  const kind = kindZh(what);
  const claimed = /which its extension (\.\S+) does not claim/.exec(what)?.[1];
  if (claimed) return `文件“${name}”的内容为${kind}，与扩展名${claimed}不符；请确认文件无误后重新上传，支持${ACCEPTED_ZH}`;
  if (what.startsWith('an OLE2 compound file'))
    return `文件“${name}”的内容为${kind}，扩展名应为.doc（Word）或.xls（Excel）；支持${ACCEPTED_ZH}`;
  return `文件“${name}”的内容为${kind}，不能上传；请上传${ACCEPTED_ZH}`;
}

/** A validation answer in Chinese: its fields' problems (issue-text), the first three, then how many more. */
function issuesZh(issues: readonly { readonly message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => issueText(i.message, 'zh'));
  const more = issues.length - shown.length;
  return `${shown.join('；')}${more > 0 ? `；另有${more}处` : ''}`;
}

/**
 * The message of an error answer in `lang`: English as the server wrote it; in Chinese, the
 * message worded with its figures where it is one known here (MESSAGE_ZH), else the problems of
 * its fields (issue-text), else what its code means (CODE_ZH). Nothing is left in English: a
 * message not known falls back to its code's sentence, and the English stays in `error`.
 */
export function errorText(
  body: { readonly error: string; readonly code: string; readonly issues?: readonly { readonly message: string }[] },
  lang: ErrorLang,
): string {
  if (lang === 'en') return body.error;
  for (const [re, text] of MESSAGE_ZH) {
    const m = re.exec(body.error);
    if (m) return text(m);
  }
  const issues = body.issues ?? [];
  if (issues.length > 0) {
    const zh = issuesZh(issues);
    // A field message not known in Chinese stays English in issue-text: then the code's sentence.
    if (!/[A-Za-z]{4,}/.test(zh.replace(/YYYY-MM-DD|JSON|Excel|Word/g, ''))) return zh;
  }
  return CODE_ZH[body.code] ?? CODE_ZH.FTAI_ERR_VALIDATION ?? '';
}
