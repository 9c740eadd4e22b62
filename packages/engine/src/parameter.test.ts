import { describe, expect, it } from 'vitest';
import { type ParameterDefinition, ParameterSet, type ParameterUnit, type Tier } from './parameter.js';

const label = (en: string) => ({ zh: en, en });

function def(id: string, unit: ParameterUnit, values: { from: string; value: unknown }[]): ParameterDefinition {
  return { id, unit, label: label(id), reference: '第一条', values };
}

describe('ParameterSet.at: the value in force on the last day of the year', () => {
  // Given out of order on purpose: the set orders values by date.
  const set = new ParameterSet([
    def('cap', 'yuan', [
      { from: '2028-01-01', value: 3_000_000 },
      { from: '2025-10-30', value: 2_000_000 },
      { from: '2027-07-01', value: 2_500_000 },
    ]),
    def('late', 'yuan', [{ from: '2026-12-31', value: 7 }]),
    def('early', 'yuan', [{ from: '2027-01-01', value: 9 }]),
  ]);

  it.each([
    { year: 2020, value: 2_000_000, from: '2025-10-30' }, // before the first value: the first value
    { year: 2024, value: 2_000_000, from: '2025-10-30' },
    { year: 2025, value: 2_000_000, from: '2025-10-30' }, // dated inside 2025
    { year: 2026, value: 2_000_000, from: '2025-10-30' },
    { year: 2027, value: 2_500_000, from: '2027-07-01' }, // a mid-year change applies to the whole year
    { year: 2028, value: 3_000_000, from: '2028-01-01' },
    { year: 2035, value: 3_000_000, from: '2028-01-01' },
  ])('cap in $year is $value (from $from)', ({ year, value, from }) => {
    const p = set.at(year).get('cap');
    expect(p.value).toBe(value);
    expect(p.from).toBe(from);
    expect(set.at(year).yuan('cap')).toBe(value);
  });

  it('a change dated 31 December applies to that year; one dated 1 January does not apply to the year before', () => {
    expect(set.at(2026).get('late')).toMatchObject({ value: 7, from: '2026-12-31' });
    expect(set.at(2025).get('late')).toMatchObject({ value: 7, from: '2026-12-31' }); // only value: used before it too
    expect(set.at(2026).get('early')).toMatchObject({ value: 9, from: '2027-01-01' });
  });

  it('caches one resolution per year', () => {
    expect(set.at(2027)).toBe(set.at(2027));
    expect(set.at(2027)).not.toBe(set.at(2028));
  });

  it('knows its parameters and refuses unknown ids', () => {
    expect(set.has('cap')).toBe(true);
    expect(set.has('nope')).toBe(false);
    expect(set.definitions().map((d) => d.id)).toEqual(['cap', 'late', 'early']);
    expect(() => set.at(2026).get('nope')).toThrow('unknown parameter nope');
    expect(() => set.at(2026).yuan('nope')).toThrow('unknown parameter nope');
  });
});

describe('ParameterSet: conversions by unit', () => {
  const tiers: Tier[] = [
    { min: 50_000_000, amount: 200_000, label: label('50M') },
    { flag: 'above-size', amount: 100_000, label: label('above size') },
    { min: 1_000_000_000, amount: 1_000_000, label: label('1B') },
    { min: 100_000_000, amount: 300_000, label: label('100M') },
  ];
  const set = new ParameterSet([
    def('r', 'rate', [{ from: '2025-10-30', value: '20%' }]),
    def('r2', 'rate', [{ from: '2025-10-30', value: 0.15 }]),
    def('r3', 'rate', [{ from: '2025-10-30', value: '2.5%' }]),
    def('y', 'years', [{ from: '2025-10-30', value: 3 }]),
    def('t', 'tiers', [{ from: '2025-10-30', value: tiers }]),
    def('zero', 'yuan', [{ from: '2025-10-30', value: 0 }]),
  ]);
  const at = set.at(2026);
  const switches = new ParameterSet([
    { ...def('on', 'switch', [{ from: '2025-10-30', value: true }]), assumed: label('the reading shipped') },
    {
      ...def('off', 'switch', [{ from: '2025-10-30', value: false }]),
      assumed: label('the reading shipped'),
      assumedIfFalse: label('the other reading'),
    },
    {
      ...def('later', 'switch', [
        { from: '2025-10-30', value: true },
        { from: '2027-01-01', value: false },
      ]),
      assumed: label('the reading shipped'),
    },
  ]);

  it('rates are exact fractions', () => {
    expect(at.rate('r')).toEqual({ num: 20, den: 100 });
    expect(at.rate('r2')).toEqual({ num: 15, den: 100 });
    expect(at.rate('r3')).toEqual({ num: 25, den: 1000 });
  });

  it('years and yuan are numbers', () => {
    expect(at.years('y')).toBe(3);
    expect(at.yuan('zero')).toBe(0);
  });

  it('switches are true or false', () => {
    expect(switches.at(2026).switch('on')).toBe(true);
    expect(switches.at(2026).switch('off')).toBe(false);
    expect(switches.at(2027).switch('later')).toBe(false); // changed from 2027-01-01
    expect(switches.at(2026).switch('later')).toBe(true);
  });

  it('tier ids are kept with their tiers', () => {
    const withIds = new ParameterSet([
      def('m', 'tiers', [
        {
          from: '2025-10-30',
          value: [
            { id: 'r-50m', min: 50_000_000, amount: 200_000, label: label('50M') },
            { id: 'flag', flag: 'above-size', amount: 100_000, label: label('above size') },
            { id: 'r-100m', min: 100_000_000, amount: 300_000, label: label('100M') },
          ],
        },
      ]),
    ]);
    expect(
      withIds
        .at(2026)
        .tiers('m')
        .map((t) => t.id),
    ).toEqual(['r-100m', 'r-50m', 'flag']);
  });

  it('tiers are sorted by amount, highest first, without touching the definition', () => {
    expect(at.tiers('t').map((t) => t.amount)).toEqual([1_000_000, 300_000, 200_000, 100_000]);
    expect(at.tiers('t').map((t) => t.label.en)).toEqual(['1B', '100M', '50M', 'above size']);
    expect(tiers.map((t) => t.amount)).toEqual([200_000, 100_000, 1_000_000, 300_000]);
  });
});

describe('ParameterSet: bad definitions throw', () => {
  const ok = { from: '2025-10-30', value: 1 };
  it.each([
    { name: 'a duplicate id', defs: [def('a', 'yuan', [ok]), def('a', 'yuan', [ok])], error: 'parameter a is defined twice' },
    { name: 'no value', defs: [def('a', 'yuan', [])], error: 'parameter a has no value' },
    { name: 'a date that does not exist', defs: [def('a', 'yuan', [{ from: '2026-02-29', value: 1 }])], error: 'bad date 2026-02-29' },
    { name: 'a badly shaped date', defs: [def('a', 'yuan', [{ from: '2026/01/01', value: 1 }])], error: 'bad date 2026/01/01' },
    { name: 'yuan with fen', defs: [def('a', 'yuan', [{ from: '2025-10-30', value: 1.5 }])], error: 'expected whole yuan' },
    { name: 'negative yuan', defs: [def('a', 'yuan', [{ from: '2025-10-30', value: -1 }])], error: 'expected whole yuan' },
    { name: 'yuan as text', defs: [def('a', 'yuan', [{ from: '2025-10-30', value: '100' }])], error: 'expected whole yuan' },
    {
      name: 'yuan above the largest amount',
      defs: [def('a', 'yuan', [{ from: '2025-10-30', value: 10 ** 13 }])],
      error: 'whole, non-negative',
    },
    { name: 'a junk rate', defs: [def('a', 'rate', [{ from: '2025-10-30', value: 'twenty' }])], error: 'expected a rate' },
    { name: 'zero years', defs: [def('a', 'years', [{ from: '2025-10-30', value: 0 }])], error: 'expected a whole number of years' },
    { name: 'fractional years', defs: [def('a', 'years', [{ from: '2025-10-30', value: 1.5 }])], error: 'whole number of years' },
    { name: 'no tiers', defs: [def('a', 'tiers', [{ from: '2025-10-30', value: [] }])], error: 'expected a list of tiers' },
    { name: 'tiers that are not a list', defs: [def('a', 'tiers', [{ from: '2025-10-30', value: { min: 1 } }])], error: 'a list of tiers' },
    {
      name: 'a tier with both min and flag',
      defs: [def('a', 'tiers', [{ from: '2025-10-30', value: [{ min: 1, flag: 'x', amount: 5, label: label('x') }] }])],
      error: 'either min or flag',
    },
    {
      name: 'a tier with neither min nor flag',
      defs: [def('a', 'tiers', [{ from: '2025-10-30', value: [{ amount: 5, label: label('x') }] }])],
      error: 'either min or flag',
    },
    {
      name: 'a tier whose id is empty',
      defs: [def('a', 'tiers', [{ from: '2025-10-30', value: [{ id: '', min: 1, amount: 5, label: label('x') }] }])],
      error: 'parameter a: expected tiers whose id is a text',
    },
    {
      name: 'a tier whose id is a number',
      defs: [def('a', 'tiers', [{ from: '2025-10-30', value: [{ id: 7, min: 1, amount: 5, label: label('x') }] }])],
      error: 'parameter a: expected tiers whose id is a text',
    },
    {
      name: 'a switch that is not true or false',
      defs: [{ ...def('a', 'switch', [{ from: '2025-10-30', value: 'yes' }]), assumed: label('x') }],
      error: 'parameter a: expected true or false, got "yes"',
    },
    {
      name: 'a switch given as 1',
      defs: [{ ...def('a', 'switch', [{ from: '2025-10-30', value: 1 }]), assumed: label('x') }],
      error: 'parameter a: expected true or false, got 1',
    },
    {
      name: 'a switch that does not say what it assumes',
      defs: [def('a', 'switch', [{ from: '2025-10-30', value: true }])],
      error: 'parameter a: a switch is a reading, so it says what is assumed',
    },
    {
      name: 'two values from one date',
      defs: [
        def('a', 'yuan', [
          { from: '2026-01-01', value: 1 },
          { from: '2026-01-01', value: 2 },
        ]),
      ],
      error: 'parameter a: two values from 2026-01-01',
    },
    {
      name: 'a tier with a fractional amount',
      defs: [def('a', 'tiers', [{ from: '2025-10-30', value: [{ min: 1, amount: 5.5, label: label('x') }] }])],
      error: 'either min or flag',
    },
  ])('$name', ({ defs, error }) => {
    expect(() => new ParameterSet(defs)).toThrow(error);
  });

  it('a bad later value is refused even when an earlier one is fine', () => {
    expect(
      () =>
        new ParameterSet([
          def('a', 'rate', [
            { from: '2025-10-30', value: '20%' },
            { from: '2027-01-01', value: '25%' },
          ]),
        ]),
    ).not.toThrow();
    expect(
      () =>
        new ParameterSet([
          def('a', 'rate', [
            { from: '2025-10-30', value: '20%' },
            { from: '2027-01-01', value: 'x' },
          ]),
        ]),
    ).toThrow('parameter a: expected a rate');
  });
});
