import type { ParamRef } from '../measure.js';

/** The parameter id a reference names for the candidate's variant, else its default. */
export function paramFor(ref: ParamRef, variant: string | undefined): string {
  if (typeof ref === 'string') return ref;
  const id = (variant !== undefined ? ref[variant] : undefined) ?? ref.default;
  if (id === undefined) throw new Error(`no parameter for variant ${variant ?? 'default'}`);
  return id;
}

/** As paramFor, for a reference some variants leave out (a bonus only some variants get). */
export function optionalParamFor(ref: ParamRef, variant: string | undefined): string | undefined {
  if (typeof ref === 'string') return ref;
  return (variant !== undefined ? ref[variant] : undefined) ?? ref.default;
}
