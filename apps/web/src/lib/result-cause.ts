/**
 * The cause of a result as it follows its status word: the reasons joined, without the word
 * again where a reason already starts with it (服务事项：服务事项：… reads as 服务事项：…).
 *
 * @example resultCause('服务事项', ['服务事项：纳入区级“服务包”'], 'zh') // "纳入区级“服务包”"
 */
export function resultCause(word: string, reasons: readonly string[], lang: 'zh' | 'en'): string {
  const repeat = lang === 'en' ? new RegExp(`^${escapeRegExp(word)}:\\s*`, 'i') : new RegExp(`^${escapeRegExp(word)}：`);
  return reasons.map((r) => r.replace(repeat, '')).join(lang === 'en' ? '; ' : '；');
}

/** The status word and its cause: 不予支持：已于2026年度享受本项支持（一次性）; the word alone when there is none. */
export function statusWithCause(word: string, reasons: readonly string[], lang: 'zh' | 'en'): string {
  const cause = resultCause(word, reasons, lang);
  return cause === '' ? word : `${word}${lang === 'en' ? ': ' : '：'}${cause}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
