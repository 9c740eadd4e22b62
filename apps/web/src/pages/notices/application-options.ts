import type { NoticeLine } from '@ftai/api';

/** The applications on a notice, for the objection form: one option per application. */
export function applicationOptions(lines: readonly NoticeLine[]): { value: string; label: string }[] {
  const byApp = new Map<string, { name: string; measures: string[] }>();
  for (const l of lines) {
    const a = byApp.get(l.applicationId) ?? { name: l.enterpriseName, measures: [] };
    if (!a.measures.includes(l.measure)) a.measures.push(l.measure);
    byApp.set(l.applicationId, a);
  }
  return [...byApp.entries()].map(([value, a]) => ({ value, label: `${a.name}(${a.measures.join('、')})` }));
}
