/**
 * What no request may hold, checked after JSON.parse and before the contract: the NUL character
 * (U+0000) in a text or field name, or nesting deeper than MAX_DEPTH. The same limits, codes and
 * messages as the server's guard (apps/server/src/http/input-guards.ts), so that `ftai calc`
 * refuses what POST /api/v1/calculate refuses, with exit code 2.
 */
export const MAX_DEPTH = 64;

export interface InputLimitIssue {
  readonly path: string;
  readonly code: 'FTAI_ERR_INVALID_TEXT' | 'FTAI_ERR_TOO_DEEP';
  readonly message: string;
}

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | null;
  readonly key: string | number;
}

const MAX_KEY_SHOWN = 100;

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) keys.push(f.key);
  let out = '';
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i] as string | number;
    if (typeof k === 'number') {
      out += `[${k}]`;
      continue;
    }
    const shown = (k.length > MAX_KEY_SHOWN ? `${k.slice(0, MAX_KEY_SHOWN)}…` : k).replaceAll('\0', '\\u0000');
    out += out ? `.${shown}` : shown;
  }
  return out;
}

/**
 * The first problem of a parsed JSON value, or undefined. Iterative: a value nested 100,000 deep
 * is refused in a few steps, not a stack overflow.
 *
 * @example findInputProblem({ enterprise: { name: 'a\u0000' } })?.path // 'enterprise.name'
 */
export function findInputProblem(value: unknown): InputLimitIssue | undefined {
  const stack: Frame[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (typeof v === 'string') {
      if (v.includes('\0')) {
        return { path: pathOf(frame), code: 'FTAI_ERR_INVALID_TEXT', message: 'expected text without the NUL character (U+0000)' };
      }
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const depth = frame.depth + 1;
    if (depth > MAX_DEPTH) {
      return {
        path: pathOf(frame),
        code: 'FTAI_ERR_TOO_DEEP',
        message: `expected at most ${MAX_DEPTH} levels of nesting (no request needs more)`,
      };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, parent: frame, key: i });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child: Frame = { value: (v as Record<string, unknown>)[key], depth, parent: frame, key };
      if (key.includes('\0')) {
        return {
          path: pathOf(child),
          code: 'FTAI_ERR_INVALID_TEXT',
          message: 'expected a field name without the NUL character (U+0000)',
        };
      }
      stack.push(child);
    }
  }
  return undefined;
}
