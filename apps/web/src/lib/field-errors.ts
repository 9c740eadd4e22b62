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
 * no field of the form, to show above it. `fallback` words, in the page's language, an issue whose
 * English message issueText does not know (the field's own rule, as the form states it); the
 * message as the API wrote it otherwise.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  prefix = '',
  fallback?: (issue: FieldIssue, name: (string | number)[]) => string | undefined,
): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const rest: FieldIssue[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of error.issues) {
    const path = prefix && issue.path.startsWith(`${prefix}.`) ? issue.path.slice(prefix.length + 1) : prefix ? '' : issue.path;
    const name = path ? pathToName(path) : [];
    if (name.length > 0 && form.getFieldInstance(name) !== undefined) fields.push({ name, errors: [fieldText(issue, name, fallback)] });
    else rest.push(issue);
  }
  form.setFields(fields);
  return rest;
}

/** An issue in the page's language: issueText's Chinese where it knows the message, else the fallback, else as written. */
function fieldText(
  issue: FieldIssue,
  name: (string | number)[],
  fallback?: (issue: FieldIssue, name: (string | number)[]) => string | undefined,
): string {
  const lang = pageLang();
  const text = issueText(issue.message, lang);
  if (lang === 'en' || text !== issue.message) return text;
  return fallback?.(issue, name) ?? text;
}
