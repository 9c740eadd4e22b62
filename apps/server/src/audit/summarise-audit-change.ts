import { isApplicationStatus, statusLabel } from '@ftai/api';
import { diffJson } from '@ftai/api/audit-diff';

/** Leaves named before the rest is counted (一共N项): a cell an auditor reads, not the whole JSON. */
const MAX_LEAVES = 12;
/** Characters of one value before it is cut (…). */
const MAX_VALUE = 80;

/** A leaf in Chinese: a status by its name (已提交), yes/no as 是/否, nothing as （空）, long text cut. */
function valueText(path: string, v: unknown): string {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (/(^|\.)(status|from|to)$/i.test(path) && isApplicationStatus(v)) return statusLabel(v, 'zh');
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/**
 * What an entry changed, in one short line per field (the same leaf-by-leaf diff as the audit
 * page, @ftai/api/audit-diff): `status：已提交→形式审查`; a record created lists its fields with
 * their values (`title：2027年度…`), one removed its old values; a field added or removed empty is
 * left out. At most MAX_LEAVES fields, then how many in all: the whole entry stays on the audit
 * page and in the API.
 *
 * @example summariseAuditChange({ status: 'submitted' }, { status: 'formal_check' }) // 'status：已提交→形式审查'
 */
export function summariseAuditChange(before: unknown, after: unknown): string {
  // A field that appears or goes with nothing in it (`note: null` beside a new status) says nothing.
  const rows = diffJson(before, after).filter((r) =>
    r.kind === 'added' ? r.after !== null : r.kind === 'removed' ? r.before !== null : true,
  );
  if (rows.length === 0) return '无字段变化';
  const isCreation = before === null || before === undefined;
  const isRemoval = after === null || after === undefined;
  const lines = rows.slice(0, MAX_LEAVES).map((r) => {
    const field = r.path === '' ? '（整体）' : r.path;
    if (isCreation) return `${field}：${valueText(r.path, r.after)}`;
    if (isRemoval) return `${field}：${valueText(r.path, r.before)}`;
    if (r.kind === 'added') return `${field}：（新增）${valueText(r.path, r.after)}`;
    if (r.kind === 'removed') return `${field}：${valueText(r.path, r.before)}（删除）`;
    return `${field}：${valueText(r.path, r.before)}→${valueText(r.path, r.after)}`;
  });
  if (rows.length > MAX_LEAVES) lines.push(`……共${rows.length}项变化`);
  return lines.join('\n');
}
