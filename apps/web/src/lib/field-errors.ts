import { issueText } from '@ftai/api/issue-text';
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../api/client';

/** "facts.modelFilings[0].date" → ['facts', 'modelFilings', 0, 'date'] (an Ant Design name path). */
export function pathToName(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** The page's language (i18n.ts keeps <html lang> in step with it). */
const pageLang = (): 'zh' | 'en' => (typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh');

/**
 * Shows the API's field errors in place on a form. `prefix` is the part of the API path the form
 * does not have (e.g. 'facts' when the form holds only the facts). Returns the issues that match
 * no field of the form, to show above it.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, prefix = ''): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const rest: FieldIssue[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of error.issues) {
    const path = prefix && issue.path.startsWith(`${prefix}.`) ? issue.path.slice(prefix.length + 1) : prefix ? '' : issue.path;
    const name = path ? pathToName(path) : [];
    if (name.length > 0 && form.getFieldInstance(name) !== undefined) fields.push({ name, errors: [issueText(issue.message, pageLang())] });
    else rest.push(issue);
  }
  form.setFields(fields);
  return rest;
}
