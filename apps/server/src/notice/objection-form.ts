import type { Notice } from '@ftai/api';
import { chineseDate, contactLine, escapeHtml } from './render-notice-html.js';

/** What a visitor typed into the objection form: kept as typed, so that nothing is lost on a refusal. */
export interface ObjectionFormValues {
  readonly name: string;
  readonly contact: string;
  readonly text: string;
  readonly applicationId: string;
}

/** The form's fields and what the page asks of each: the same limits as POST /api/v1/notices/:id/objections. */
const FIELDS = [
  { key: 'name', label: '姓名或单位名称', max: 100, required: true },
  { key: 'contact', label: '联系电话或电子邮箱', max: 200, required: true },
  { key: 'applicationId', label: '所涉申请编号（选填）', max: 100, required: false },
  { key: 'text', label: '异议内容及理由', max: 5000, required: true },
] as const;

type FieldKey = (typeof FIELDS)[number]['key'];

/** Per field, what is wrong with it, in Chinese. */
export type ObjectionFormErrors = Partial<Record<FieldKey, string>>;

/** The form's values from a posted body (application/x-www-form-urlencoded): each a trimmed text, absent ones empty. */
export function objectionFormValues(body: unknown): ObjectionFormValues {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '').trim();
  return { name: text(b.name), contact: text(b.contact), text: text(b.text), applicationId: text(b.applicationId) };
}

/** What is wrong with the values, in Chinese: a required field left empty, a field too long. Empty when all is well. */
export function checkObjectionForm(values: ObjectionFormValues): ObjectionFormErrors {
  const errors: ObjectionFormErrors = {};
  for (const f of FIELDS) {
    const v = values[f.key];
    const label = f.label.replace('（选填）', '');
    if (f.required && v === '') errors[f.key] = `请填写${label}`;
    else if ([...v].length > f.max) errors[f.key] = `${label}最多${f.max}个字，现为${[...v].length}个字`;
  }
  return errors;
}

/**
 * The objection form (a plain POST form, no script) for a notice open for objections, filled with
 * `values` and each field's error beside it. Posts to /notices/:id/objections.
 */
export function objectionFormHtml(noticeId: string, values?: ObjectionFormValues, errors: ObjectionFormErrors = {}): string {
  const e = escapeHtml;
  const field = (f: (typeof FIELDS)[number]) => {
    const id = `objection-${f.key}`;
    const value = values?.[f.key] ?? '';
    const error = errors[f.key];
    const attrs = `id="${id}" name="${f.key}" maxlength="${f.max}"${f.required ? ' required' : ''}${
      error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''
    }`;
    const input =
      f.key === 'text' ? `<textarea ${attrs} rows="6">${e(value)}</textarea>` : `<input type="text" ${attrs} value="${e(value)}">`;
    return `<p><label for="${id}">${e(f.label)}</label>${input}${error ? `<span class="error" id="${id}-error">${e(error)}</span>` : ''}</p>`;
  };
  return `<form class="objection" method="post" action="/notices/${encodeURIComponent(noticeId)}/objections">
${FIELDS.map(field).join('\n')}
<p><button type="submit">提交异议</button></p>
</form>`;
}

const STYLE = `
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:40rem;padding:0 1rem;color:#222;line-height:1.6}
h1{font-size:1.3rem;text-align:center}
form.objection label{display:block;font-weight:bold}
form.objection input,form.objection textarea{width:100%;box-sizing:border-box;padding:.4rem;font:inherit}
form.objection button{padding:.4rem 1.5rem;font:inherit}
.error{display:block;color:#a8071a}
.receipt{border:1px solid #888;padding:.5rem 1rem}
code{word-break:break-all}
`;

/** A small page of its own (the form refused, a receipt): the same no-script, inline-style page as the notice. */
function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The form again, as the visitor filled it, with what is wrong (a refusal keeps everything typed). */
export function objectionFormPage(n: Notice, values: ObjectionFormValues, errors: ObjectionFormErrors): string {
  const e = escapeHtml;
  const back = `/notices/${encodeURIComponent(n.id)}`;
  return page(
    `对“${n.title}”提出异议`,
    `<h1>对“${e(n.title)}”提出异议</h1>
<p>异议未能提交，请按提示修改后重新提交（已填写的内容均已保留）。公示期至${e(chineseDate(n.objectionsUntil))}止（含当日）。</p>
${objectionFormHtml(n.id, values, errors)}
<p><a href="${e(back)}">返回公示</a></p>`,
  );
}

/** The objection window closed (or the notice not open): what the visitor can still do. */
export function objectionClosedPage(n: Notice): string {
  const e = escapeHtml;
  return page(
    '公示期已结束',
    `<h1>公示期已结束</h1>
<p>“${e(n.title)}”的公示期已于${e(chineseDate(n.objectionsUntil))}结束，不再受理异议。如有疑问，请与${e(n.issuer)}联系。</p>
${contactLine(n)}
<p><a href="/notices/${encodeURIComponent(n.id)}">返回公示</a></p>`,
  );
}

/**
 * The receipt of an objection (异议受理回执): its number, when it was received (Beijing time) and
 * the notice it concerns. Nothing the objector wrote is shown: anyone with the address can open it.
 */
export function objectionReceiptPage(n: Notice, receipt: { readonly id: string; readonly at: string }): string {
  const e = escapeHtml;
  const local = new Date(Date.parse(receipt.at) + 8 * 3600_000).toISOString();
  const when = `${chineseDate(local.slice(0, 10))}${local.slice(11, 16)}`;
  return page(
    '异议受理回执',
    `<h1>异议受理回执</h1>
<div class="receipt">
<p>您对“${e(n.title)}”提出的异议已收到。</p>
<p>受理编号：<code id="receipt-id">${e(receipt.id)}</code></p>
<p>收到时间：${e(when)}（北京时间）</p>
<p>受理单位：${e(n.issuer)}</p>
${contactLine(n)}
</div>
<p>我局将在公示期结束后对异议进行核实，并按您留下的联系方式告知处理结果。请保存本页或记下受理编号，以便查询。</p>
<p><a href="/notices/${encodeURIComponent(n.id)}">返回公示</a></p>`,
  );
}
