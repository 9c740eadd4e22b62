// The limits of any input, checked on the parsed JSON before the contract (and before any route's
// schema on the server): the same for `ftai calc` and every HTTP route, so that both refuse alike.

/**
 * How deeply a request may nest. The deepest body the API takes (an application's facts) is 4
 * levels; anything past 64 is refused before a schema sees it, so that no recursive check,
 * message or JSON.stringify can overflow the stack.
 */
export const MAX_DEPTH = 64;

/** What no request may hold, said as an issue of the field (the server's answer code stays FTAI_ERR_VALIDATION). */
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

/** At most this much of a field name goes into a path: a name may be a megabyte long. */
const MAX_KEY_SHOWN = 100;

function pathOf(frame: Frame, root: string): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) keys.push(f.key);
  let out = root;
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

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null && !ArrayBuffer.isView(v);

/**
 * The first thing no request may hold, or undefined: the NUL character (U+0000) in a text or a
 * field name (PostgreSQL cannot store it in text, and no form has a use for it), or nesting
 * deeper than MAX_DEPTH. The walk is iterative, so a value nested 100,000 deep is refused, not
 * a stack overflow. `root` prefixes the path: 'query', 'params', or '' for the body.
 *
 * @example findInputProblem({ name: 'a\u0000b' }, '')?.path // 'name'
 */
export function findInputProblem(value: unknown, root = ''): InputLimitIssue | undefined {
  const stack: Frame[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (typeof v === 'string') {
      if (v.includes('\0')) {
        return {
          path: pathOf(frame, root),
          code: 'FTAI_ERR_INVALID_TEXT',
          message: 'expected text without the NUL character (U+0000)',
        };
      }
      continue;
    }
    if (!isContainer(v)) continue;
    const depth = frame.depth + 1;
    if (depth > MAX_DEPTH) {
      return {
        path: pathOf(frame, root),
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
          path: pathOf(child, root),
          code: 'FTAI_ERR_INVALID_TEXT',
          message: 'expected a field name without the NUL character (U+0000)',
        };
      }
      stack.push(child);
    }
  }
  return undefined;
}
