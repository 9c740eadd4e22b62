import { type Edition, makeEdition, type ParameterChange } from '@ftai/policy-fengtai';

/**
 * A parameter version as a match receives it: its number and its changes against version 1
 * (makeEdition of @ftai/policy-fengtai). Plain data, not the Edition itself, because it goes to
 * the worker threads in MatchSettings (structured clone) and each of them makes the edition once.
 */
export interface EditionSpec {
  readonly number: number;
  readonly changes: readonly ParameterChange[];
  /** The document that fixed the figures, cited where a changed figure is used. */
  readonly authority?: string;
}

/** Two parameter versions a comparison calculates every row under: A (usually in effect) and B (usually a draft). */
export interface EditionPair {
  readonly a: EditionSpec;
  readonly b: EditionSpec;
}

/**
 * The edition of a spec; version 1 without changes is the package's own. Throws EditionError when
 * the changes are not valid.
 *
 * @example editionOf({ number: 2, changes: [{ parameter: '1.rate', value: '25%' }] }).version // '2025.10.30-2+p2'
 */
export function editionOf(spec: EditionSpec): Edition {
  return makeEdition(spec.number, spec.changes, spec.authority);
}
