/**
 * One step of an engine explanation, read for display: an assumed reading (MEASURES.md: one
 * "假设：…" line where a reading touches a figure; "assumed: …" in English) is marked as such.
 *
 * @example readStep('假设：同一年度新达到多档的，只按最高一档支持') // { assumed: '假设', text: '同一年度新达到多档的，只按最高一档支持' }
 */
export function readStep(step: string): { readonly assumed: string | null; readonly text: string } {
  const m = /^(假设：|assumed: )/.exec(step);
  if (!m) return { assumed: null, text: step };
  return { assumed: m[1] === '假设：' ? '假设' : 'assumed', text: step.slice(m[0].length) };
}
