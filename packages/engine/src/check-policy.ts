import type { EngineRequest, Measure, ParamRef, Policy } from './measure.js';
import type { ParameterDefinition, ParameterUnit } from './parameter.js';

/**
 * What is wrong with a policy's definition, before any request: a measure that names a parameter
 * the set does not have or has in another unit, and readings (switch parameters) set to a value
 * the engine does not implement. Empty when all is well; the policy package fails to load otherwise.
 *
 * @example checkPolicy(fengtaiPolicy) // []
 */
export function checkPolicy<R extends EngineRequest>(policy: Policy<R>): string[] {
  const problems: string[] = [];
  const defs = new Map<string, ParameterDefinition>(policy.parameters.definitions().map((d) => [d.id, d]));
  const need = (where: string, id: string, unit: ParameterUnit, canBeFalse = true) => {
    const def = defs.get(id);
    if (!def) {
      problems.push(`${where}: no parameter ${id}`);
      return;
    }
    if (def.unit !== unit) problems.push(`${where}: parameter ${id} is in ${def.unit}, expected ${unit}`);
    if (unit !== 'switch') return;
    for (const v of def.values) {
      if (v.value !== false) continue;
      if (!canBeFalse) problems.push(`${where}: reading ${id} is false from ${v.from}, but only the reading "true" is implemented`);
      else if (!def.assumedIfFalse) problems.push(`${where}: reading ${id} is false from ${v.from} without assumedIfFalse to say so`);
    }
  };
  const needAll = (where: string, ref: ParamRef, unit: ParameterUnit) => {
    for (const id of typeof ref === 'string' ? [ref] : Object.values(ref)) need(where, id, unit);
  };
  if (policy.firstYearInFull) need('policy', policy.firstYearInFull, 'switch', false);
  if (policy.generalConditionsReading) need('policy', policy.generalConditionsReading, 'switch');
  const ids = new Set<string>();
  for (const m of policy.measures as readonly Measure<R>[]) {
    const at = `measure ${m.id}`;
    if (ids.has(m.id)) problems.push(`${at}: defined twice`);
    ids.add(m.id);
    const s = m.scope;
    if (s.kind === 'one-time') {
      if (s.perSubjectReading) need(at, s.perSubjectReading, 'switch');
      for (const id of s.readings ?? []) need(at, id, 'switch', false);
      if (s.per === 'tier' && !(m.rule.kind === 'tiers' && m.rule.milestones))
        problems.push(`${at}: one-time per tier needs a milestone rule`);
    } else if (s.kind === 'per-year') {
      if (s.reading) need(at, s.reading, 'switch');
    } else if (s.kind === 'consecutive') {
      needAll(at, s.years, 'years');
      if (s.capPerYear) need(at, s.capPerYear, 'switch');
      if (s.yearsReading) need(at, s.yearsReading, 'switch', false);
    }
    const r = m.rule;
    switch (r.kind) {
      case 'percent':
        needAll(at, r.rate, 'rate');
        needAll(at, r.cap, 'yuan');
        break;
      case 'maximum':
        needAll(at, r.amount, 'yuan');
        break;
      case 'tiers':
        needAll(at, r.tiers, 'tiers');
        if (r.bonus) needAll(at, r.bonus, 'yuan');
        if (r.milestones) {
          need(at, r.milestones.highestOnly, 'switch', false);
          for (const id of typeof r.tiers === 'string' ? [r.tiers] : Object.values(r.tiers)) {
            const def = defs.get(id);
            if (def?.unit !== 'tiers') continue; // reported above
            const withoutId = def.values.some((v) => (v.value as { id?: string }[]).some((t) => !t.id));
            if (withoutId) problems.push(`${at}: milestone tiers of ${id} need ids`);
          }
          if (s.kind !== 'one-time' || s.per !== 'tier') problems.push(`${at}: a milestone rule is one-time per tier`);
        }
        break;
      case 'per-unit':
        needAll(at, r.unit, 'yuan');
        needAll(at, r.cap, 'yuan');
        break;
      case 'prize':
        needAll(at, r.cap, 'yuan');
        need(at, r.noPrizeCap, 'switch');
        break;
      default:
        break;
    }
    if (m.alternativeGroup) need(at, m.alternativeGroup.tieReading, 'switch');
    for (const id of m.readings ?? []) need(at, id, 'switch');
  }
  for (const m of policy.measures as readonly Measure<R>[]) {
    for (const shared of m.scope.kind === 'one-time' ? (m.scope.shared ?? []) : []) {
      if (!ids.has(shared)) problems.push(`measure ${m.id}: shares its one-time scope with unknown measure ${shared}`);
    }
  }
  return problems;
}
