import type { Notice, NoticeChange } from '@ftai/api';
import { objectionFormHtml } from './objection-form.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attributes: enterprise names and titles come from users. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Whole yuan with thousands separators: 1234567 → 1,234,567 (no locale involved). */
export function formatYuan(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const STYLE = `
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222;line-height:1.6}
h1{font-size:1.4rem;text-align:center}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #888;padding:.3rem .5rem;vertical-align:top}
th{background:#eee}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tfoot td{font-weight:bold}
code{font-size:.9em;word-break:break-all}
.superseded{border:2px solid #c00;padding:.5rem 1rem;color:#900}
form.search{margin:1rem 0}form.search input{padding:.2rem .4rem;width:16rem;max-width:60%}
nav.pager{display:flex;gap:1rem;justify-content:space-between;flex-wrap:wrap}
form.objection label{display:block;font-weight:bold}
form.objection input,form.objection textarea{width:100%;box-sizing:border-box;padding:.4rem;font:inherit}
form.objection button{padding:.4rem 1.5rem;font:inherit}
.error{display:block;color:#a8071a}
@media print{form.search,form.objection,nav.pager a{display:none}}
@media print{body{margin:0;max-width:none}.how{page-break-inside:avoid}}
@media (max-width:40rem){
body{margin:1rem auto}
table.rows thead{display:none}
table.rows,table.rows tbody,table.rows tfoot,table.rows tr,table.rows td{display:block;width:auto}
table.rows tr{border:1px solid #888;margin-bottom:.6rem}
table.rows td{border:none;border-bottom:1px solid #ddd;text-align:left}
table.rows td:last-child{border-bottom:none}
table.rows td[data-label]::before{content:attr(data-label)"：";font-weight:bold}
table.rows td.n{text-align:left}
form.search input{width:100%;max-width:none;box-sizing:border-box}
}
`;

/** A calendar date as the policy text writes dates: 2027-03-05 → 2027年3月5日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Where the page lives and what it was asked for: its path, the search, the rows per page. */
export interface NoticePageLinks {
  /** The page's own path (/notices/:id or …/versions/:version). */
  readonly path: string;
  readonly q?: string | undefined;
  /** Rows per page, when asked for (kept in the links). */
  readonly limit?: number | undefined;
}

/** The page's path with the search and a cursor. */
function pageHref(links: NoticePageLinks, cursor: { after?: string; before?: string } = {}): string {
  const query = new URLSearchParams();
  if (links.q) query.set('q', links.q);
  if (links.limit !== undefined) query.set('limit', String(links.limit));
  if (cursor.after) query.set('after', cursor.after);
  if (cursor.before) query.set('before', cursor.before);
  const text = query.toString();
  return text ? `${links.path}?${text}` : links.path;
}

/**
 * The public notice (公示) as one self-contained page in Chinese: printable, no scripts, no outside
 * resources. Every value from the database is escaped. The text follows the official style
 * (CHINESE.md): full-width punctuation, dates as 2027年3月15日, no internal measure ids.
 *
 * It shows one page of the lines (n.lines, n.page) with links to the pages before and after and
 * a search by enterprise name (a plain GET form), and the totals of the enterprises on that page;
 * the whole notice is its .xlsx export.
 */
export function renderNoticeHtml(n: Notice, links: NoticePageLinks = { path: `/notices/${encodeURIComponent(n.id)}` }): string {
  const e = escapeHtml;
  const title = `${n.title}${n.correction > 0 ? `（第${n.correction}次更正）` : ''}`;
  const rows = n.lines
    .map(
      (l) =>
        `<tr><td class="n" data-label="序号">${l.no}</td><td data-label="企业名称">${e(l.enterpriseName)}</td>` +
        `<td data-label="统一社会信用代码">${e(l.creditCode)}</td><td data-label="支持事项">${e(l.measureName)}</td>` +
        `<td data-label="条款">${e(l.citation)}</td><td data-label="支持对象">${e(l.subjectText)}</td>` +
        `<td class="n" data-label="金额（元）">${formatYuan(l.amount)}</td></tr>`,
    )
    .join('\n');
  const perEnterprise = n.enterprises
    .map(
      (x) =>
        `<tr><td data-label="企业名称">${e(x.name)}</td><td data-label="统一社会信用代码">${e(x.creditCode)}</td>` +
        `<td data-label="申请编号">${x.applicationIds.map((id, i) => e(x.applicationNumbers?.[i] ?? id)).join('<br>')}</td>` +
        `<td class="n" data-label="金额（元）">${formatYuan(x.total)}</td></tr>`,
    )
    .join('\n');
  const isWhole = n.page.total === n.lineCount && n.lines.length === n.lineCount;
  const q = links.q ?? '';
  const first = n.lines[0]?.no;
  const last = n.lines.at(-1)?.no;
  const found = q ? `<p>查询“${e(q)}”：共${n.page.total}项。<a href="${e(pageHref({ ...links, q: undefined }))}">显示全部</a></p>\n` : '';
  const search = `<form class="search" method="get" action="${e(links.path)}"><label>企业名称或统一社会信用代码：<input type="search" name="q" value="${e(q)}" maxlength="100"></label>${links.limit !== undefined ? `<input type="hidden" name="limit" value="${links.limit}">` : ''} <button type="submit">查询</button></form>
${found}`;
  const pager = isWhole
    ? ''
    : `<nav class="pager"><span>${
        first === undefined ? '本页无记录' : `本页列示第${first}至${last}项（${q ? '符合查询条件的' : ''}共${n.page.total}项）`
      }</span><span>${n.page.previous ? `<a rel="prev" href="${e(pageHref(links, { before: n.page.previous }))}">上一页</a>` : ''}${
        n.page.previous && n.page.next ? ' ' : ''
      }${n.page.next ? `<a rel="next" href="${e(pageHref(links, { after: n.page.next }))}">下一页</a>` : ''}</span></nav>
`;
  const workbookHref = `/api/v1/notices/${encodeURIComponent(n.id)}/versions/${n.version}/export.xlsx`;
  const until = e(chineseDate(n.objectionsUntil));
  const window = n.isOpenForObjections
    ? `公示期自${e(chineseDate(n.publishedOn))}起至${until}止（含当日）。`
    : `公示期已于${until}结束，不再受理异议。`;
  const dates =
    n.correction > 0
      ? `原公示发布日期：${e(chineseDate(n.publishedOn))}；本次更正日期：${e(chineseDate(n.on))}。`
      : `发布日期：${e(chineseDate(n.publishedOn))}。`;
  const pageOf = (version: number) => `/notices/${encodeURIComponent(n.id)}/versions/${version}`;
  const superseded = n.isLatest
    ? ''
    : `<p class="superseded">本版本已被第${n.latestVersion - 1}次更正取代，仅供查阅；现行版本见<a href="/notices/${encodeURIComponent(n.id)}">本公告现行版本</a>。</p>\n`;
  const legacy =
    n.origin === 'migration'
      ? `<p>说明：本公告发布时平台尚未留存公告内容；本版本系平台于${e(chineseDate(n.on))}依当日记录生成，此后不再改动。</p>\n`
      : '';
  const correction =
    n.correction > 0
      ? `<h2>更正说明</h2>
<p>${e(n.reason ?? '')}</p>
${changesTable(n.changes)}
<p>本次更正取代此前发布的各版本；历次版本均予保留，可在“历次版本”中查阅。</p>
`
      : '';
  const versions = n.versions
    .map((v) => {
      const name = v.version === 1 ? '原公示' : `第${v.version - 1}次更正`;
      const when = v.version === 1 ? `${chineseDate(v.on)}发布` : chineseDate(v.on);
      const reason = v.reason ? `：${e(v.reason)}` : '';
      const self = v.version === n.version ? '（本版本）' : '';
      return `<li><a href="${pageOf(v.version)}">${name}</a>（${e(when)}）${self}${reason}</li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${superseded}<h1>${e(title)}</h1>
<p>根据《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》，经申报、审核与评审，${e(String(n.call.year))}年度拟支持名单公示如下。</p>
<p>发布单位：${e(n.issuer)}。${dates}${window}</p>
${contactLine(n)}
${legacy}${correction}${search}${pager}<table class="rows">
<thead><tr><th>序号</th><th>企业名称</th><th>统一社会信用代码</th><th>支持事项</th><th>条款</th><th>支持对象</th><th>金额（元）</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="6">合计（${n.enterpriseCount}家企业，${n.lineCount}项）</td><td class="n" data-label="合计金额（元）">${formatYuan(n.total)}</td></tr></tfoot>
</table>
${pager}<h2>按企业汇总</h2>
${isWhole ? '' : `<p>下表列示本页所列企业在本公告中的合计金额；全部名单见本公告的<a href="${e(workbookHref)}">Excel文件</a>。</p>\n`}
<table class="rows">
<thead><tr><th>企业名称</th><th>统一社会信用代码</th><th>申请编号</th><th>金额（元）</th></tr></thead>
<tbody>
${perEnterprise}
</tbody>
</table>
<div class="how" id="objection">
<h2>异议方式</h2>
${
  n.isOpenForObjections
    ? `<p>对公示内容有异议的，请在公示期内（${until}前，含当日）通过下表提出，写明姓名或单位名称、联系方式和异议内容及理由；涉及具体申请的，可填写申请编号。提交后即显示受理编号。</p>
${objectionFormHtml(n.id)}`
    : `<p>公示期已于${until}结束，不再受理异议。</p>`
}
</div>
<h2>历次版本</h2>
<ul>
${versions}
</ul>
<div class="how">
<h2>审计链校验值</h2>
<p>本版本发布时，平台审计记录第${n.auditHead.seq}条的校验值为：<code>${e(n.auditHead.hash)}</code>。本版本公告内容的校验值（SHA-256）为：<code>${e(n.contentSha256)}</code>。</p>
<p>平台对每项操作留存审计记录，每条记录的校验值涵盖本条内容及前一条记录的校验值，本版本的发布记录载明公告内容的校验值。公众可留存上述校验值，日后与平台审计记录核对：校验值一致，即本公告发布以来相关记录未被改动。</p>
</div>
</main>
</body>
</html>
`;
}

const CHANGED: Readonly<Record<NoticeChange['field'], string>> = {
  enterpriseName: '企业名称',
  creditCode: '统一社会信用代码',
  measureName: '支持事项名称',
  citation: '条款',
  subjectText: '支持对象',
  amount: '金额',
  line: '支持事项',
  objectionsUntil: '异议受理截止日期',
};

/** A value as the correction prints it: amounts in yuan with separators, dates in Chinese, a line not listed as 未列入. */
function changedValue(c: NoticeChange, value: string | number | null): string {
  if (value === null) return c.field !== 'line' ? '—' : c.before === null ? '未列入' : '不再列入';
  if (typeof value === 'number') return `${formatYuan(value)}元`;
  if (c.field === 'objectionsUntil') return chineseDate(value);
  return value === '' ? '—' : value;
}

/** 更正事项: one row per changed field, line added or removed. */
function changesTable(changes: readonly NoticeChange[]): string {
  const e = escapeHtml;
  const rows = changes
    .map((c) => {
      const what = c.field === 'line' ? (c.before === null ? '增列支持事项' : '撤销支持事项') : CHANGED[c.field];
      return (
        `<tr><td>${e(c.enterpriseName || '—')}</td><td>${e(c.measureName || '—')}</td><td>${e(what)}</td>` +
        `<td>${e(changedValue(c, c.before))}</td><td>${e(changedValue(c, c.after))}</td></tr>`
      );
    })
    .join('\n');
  return `<table>
<thead><tr><th>企业名称</th><th>支持事项</th><th>更正事项</th><th>原公示内容</th><th>更正后内容</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/** 联系电话 and 联系地址 as the call gave them at publication; nothing when it gave neither. */
export function contactLine(n: { readonly contactPhone?: string | undefined; readonly contactAddress?: string | undefined }): string {
  const parts = [
    n.contactPhone ? `联系电话：${escapeHtml(n.contactPhone)}` : '',
    n.contactAddress ? `联系地址：${escapeHtml(n.contactAddress)}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `<p class="contact">${parts.join('；')}。</p>` : '';
}
