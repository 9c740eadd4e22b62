import { type CalendarDate, isCalendarDate } from './calendar-date.js';
import type { Localised } from './localised.js';
import { type Yuan, yuan } from './money.js';
import { parseRate, type Rate } from './rate.js';

/** One tier of a tiered amount: reached at `min` yuan (inclusive) or by a named flag. */
export interface Tier {
  /** The tier's id, the subject of a milestone result (`revenue-100m`). */
  readonly id?: string;
  readonly min?: number;
  readonly flag?: string;
  readonly amount: number;
  readonly label: Localised;
}

/**
 * `switch`: a reading of the text where it is silent (true: the reading the policy ships), e.g.
 * "the cap applies to each year"; always carries `assumed`.
 */
export type ParameterUnit = 'yuan' | 'rate' | 'years' | 'tiers' | 'switch';

/**
 * A policy figure with the dates it took effect, the clause it comes from, and — where the
 * text is silent — the assumption it stands for (OpenFisca keeps such figures in dated data).
 */
export interface ParameterDefinition {
  readonly id: string;
  readonly unit: ParameterUnit;
  readonly label: Localised;
  /** The clause the figure comes from, e.g. 第一条. */
  readonly reference: string;
  /** Present when the text does not give the figure: what is assumed, shown wherever it is used. */
  readonly assumed?: Localised;
  /** A switch: what is assumed when it is set to false (the other reading). */
  readonly assumedIfFalse?: Localised;
  /**
   * Where a later parameter version fixed the figure (the year's 申报指南, say): one line naming
   * that document wherever the figure is used, in place of an assumption.
   */
  readonly basis?: Localised;
  readonly values: readonly { readonly from: CalendarDate; readonly value: unknown }[];
}

export type ParameterValue = Yuan | Rate | number | boolean | readonly Tier[];

export interface ResolvedParameter<V extends ParameterValue = ParameterValue> {
  readonly definition: ParameterDefinition;
  readonly value: V;
  readonly from: CalendarDate;
}

interface CompiledParameter {
  readonly definition: ParameterDefinition;
  /** Values ordered by `from`, checked and converted. */
  readonly values: readonly { readonly from: CalendarDate; readonly value: ParameterValue }[];
}

function convert(def: ParameterDefinition, raw: unknown): ParameterValue {
  const fail = (expected: string): never => {
    throw new TypeError(`parameter ${def.id}: expected ${expected}, got ${JSON.stringify(raw)}`);
  };
  switch (def.unit) {
    case 'yuan':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? yuan(raw) : fail('whole yuan');
    case 'rate':
      return parseRate(raw) ?? fail('a rate such as "20%"');
    case 'years':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 ? raw : fail('a whole number of years');
    case 'switch':
      return typeof raw === 'boolean' ? raw : fail('true or false');
    case 'tiers': {
      if (!Array.isArray(raw) || raw.length === 0) return fail('a list of tiers');
      const tiers = raw as Tier[];
      for (const t of tiers) {
        if (!Number.isSafeInteger(t.amount) || (t.min === undefined) === (t.flag === undefined)) {
          fail('tiers with an amount and either min or flag');
        }
        if (t.id !== undefined && (typeof t.id !== 'string' || t.id === '')) fail('tiers whose id is a text');
      }
      // Highest amount first, so the first tier reached is the one paid.
      return [...tiers].sort((a, b) => b.amount - a.amount);
    }
  }
}

/**
 * The parameters of a policy, resolved per assessment year: the value in force on the last day
 * of the year applies (a change during the year applies to that whole year).
 *
 * @example new ParameterSet(defs).at(2026).rate('1.rate') // { num: 20, den: 100 }
 */
export class ParameterSet {
  private readonly compiled = new Map<string, CompiledParameter>();
  private readonly byYear = new Map<number, ParametersAt>();

  constructor(definitions: readonly ParameterDefinition[]) {
    for (const def of definitions) {
      if (this.compiled.has(def.id)) throw new Error(`parameter ${def.id} is defined twice`);
      if (def.values.length === 0) throw new Error(`parameter ${def.id} has no value`);
      if (def.unit === 'switch' && def.assumed === undefined)
        throw new Error(`parameter ${def.id}: a switch is a reading, so it says what is assumed`);
      const values = [...def.values]
        .map((v) => {
          if (!isCalendarDate(v.from)) throw new Error(`parameter ${def.id}: bad date ${v.from}`);
          return { from: v.from, value: convert(def, v.value) };
        })
        .sort((a, b) => (a.from < b.from ? -1 : 1));
      for (let i = 1; i < values.length; i++) {
        if (values[i]?.from === values[i - 1]?.from) throw new Error(`parameter ${def.id}: two values from ${values[i]?.from}`);
      }
      this.compiled.set(def.id, { definition: def, values });
    }
  }

  definitions(): ParameterDefinition[] {
    return [...this.compiled.values()].map((c) => c.definition);
  }

  has(id: string): boolean {
    return this.compiled.has(id);
  }

  /** The parameters in force for assessment year `year` (cached). */
  at(year: number): ParametersAt {
    let set = this.byYear.get(year);
    if (!set) {
      const day = `${String(year).padStart(4, '0')}-12-31`;
      const resolved = new Map<string, ResolvedParameter>();
      for (const [id, c] of this.compiled) {
        let pick = c.values[0] as (typeof c.values)[number];
        for (const v of c.values) if (v.from <= day) pick = v;
        resolved.set(id, { definition: c.definition, value: pick.value, from: pick.from });
      }
      set = new ParametersAt(resolved);
      this.byYear.set(year, set);
    }
    return set;
  }
}

export class ParametersAt {
  constructor(private readonly resolved: ReadonlyMap<string, ResolvedParameter>) {}

  get(id: string): ResolvedParameter {
    const p = this.resolved.get(id);
    if (!p) throw new Error(`unknown parameter ${id}`);
    return p;
  }
  yuan(id: string): Yuan {
    return this.get(id).value as Yuan;
  }
  rate(id: string): Rate {
    return this.get(id).value as Rate;
  }
  years(id: string): number {
    return this.get(id).value as number;
  }
  tiers(id: string): readonly Tier[] {
    return this.get(id).value as readonly Tier[];
  }
  switch(id: string): boolean {
    return this.get(id).value as boolean;
  }
}
