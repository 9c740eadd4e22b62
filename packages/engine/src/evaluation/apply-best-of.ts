import type { EngineRequest } from '../measure.js';
import { measureRef } from '../measure-ref.js';
import type { Fen } from '../money.js';
import type { PartShown } from '../step.js';
import { byOrderAndSubject } from './by-order-and-subject.js';
import type { Work } from './work.js';

/** One key other policies' awards name: a subject, or a measure of this policy. */
interface OtherKey<R> {
  readonly bySubject: boolean;
  readonly name: string;
  /** Per policy, in fen. */
  readonly awards: { policy: string; amount: Fen }[];
  other: number;
  /** This policy's granted results for the key. */
  readonly ours: Work<R>[];
}

/** Policy names in the order a Chinese reader expects (甲 before 乙), the same on every machine. */
const byName = new Intl.Collator('zh-Hans-CN');

/**
 * Best of, never twice (从优不重复), per key: the subject for per-subject measures, the measure
 * for the others. Where other district policies support a key, this policy's granted sum for it
 * (over all its measures, after alternatives) stands only if strictly larger than theirs
 * together, and then replaces them; otherwise every result for the key is excluded.
 */
export function applyBestOf<R extends EngineRequest>(work: Work<R>[], request: R): void {
  const awards = request.otherPolicyAwards;
  if (!awards || awards.length === 0) return;
  // A request names few awards: arrays searched in a line are cheaper here than maps.
  const keys: OtherKey<R>[] = [];
  for (const a of awards) {
    const bySubject = a.subject !== undefined;
    const name = (bySubject ? a.subject : a.measure) as string;
    let o = keys.find((k) => k.bySubject === bySubject && k.name === name);
    if (!o) {
      o = { bySubject, name, awards: [], other: 0, ours: [] };
      keys.push(o);
    }
    o.other += a.amount;
    const same = o.awards.find((x) => x.policy === a.policy);
    if (same) same.amount = (same.amount + a.amount) as Fen;
    else o.awards.push({ policy: a.policy, amount: a.amount });
  }
  for (const w of work) {
    if (w.status !== 'granted') continue;
    const bySubject = w.measure.perSubject;
    const name = bySubject ? w.subject : w.measure.id;
    for (const k of keys) if (k.bySubject === bySubject && k.name === name) k.ours.push(w);
  }
  for (const o of keys) {
    const list = o.ours;
    if (list.length === 0) continue;
    if (o.awards.length > 1) o.awards.sort((a, b) => byName.compare(a.policy, b.policy));
    let sum = 0;
    for (const w of list) sum += w.amount;
    if (list.length > 1) list.sort(byOrderAndSubject);
    const parts: PartShown[] = list.length > 1 ? list.map((w) => ({ ref: measureRef(w.measure), amount: w.amount })) : [];
    const step = { subject: o.bySubject ? o.name : null, awards: o.awards, other: o.other as Fen, parts, ours: sum };
    if (sum * 100 > o.other) {
      for (const w of list) w.steps?.push({ k: 'best-of-won', ...step });
    } else {
      for (const w of list) {
        w.status = 'excluded';
        w.amount = 0;
        w.reasons.push({ k: 'best-of-lost', ...step });
      }
    }
  }
}
