import { createHmac } from 'node:crypto';
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AttachedAuditLog } from './attach-audit-log.js';
import { auditKeyId } from './audit-key.js';

/** The end of the chain: the last entry's sequence number and hash (the `audit_head` row). */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** One line of the anchor file: a head the log had reached, when, under which key, and its MAC. */
export interface AuditAnchor extends AuditHead {
  readonly at: string;
  /** The id of the key (auditKeyId) the line was written with. */
  readonly key: string;
  readonly mac: string;
  /** Its line number in the file, from 1. */
  readonly line: number;
}

export function anchorMac(key: Buffer, a: { seq: number; hash: string; at: string }): string {
  return createHmac('sha256', key).update(`ftai audit anchor\n${a.seq}\n${a.hash}\n${a.at}`).digest('hex');
}

/**
 * Appends the head to the anchor file, one JSON line, in one write (O_APPEND: lines of several
 * processes never interleave). Not fsynced: a crash may lose the last lines, which weakens the
 * anchor a little and never makes a false alarm.
 */
export function writeAnchor(log: AttachedAuditLog, head: AuditHead): void {
  const id = `${head.seq}:${head.hash}`;
  if (log.lastAnchored === id || head.seq === 0) return;
  const key = log.key(true);
  const at = log.settings.now().toISOString();
  const line = JSON.stringify({ seq: head.seq, hash: head.hash, at, key: auditKeyId(key), mac: anchorMac(key, { ...head, at }) });
  const file = log.settings.auditAnchorFile;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${line}\n`, { mode: 0o600 });
  log.lastAnchored = id;
}

// The last entry each open transaction appended, anchored once that transaction has committed.
const appended = new WeakMap<object, AuditHead>();

export function noteAppended(trx: object, head: AuditHead): void {
  appended.set(trx, head);
}

/**
 * After `trx` committed: anchors the last entry it appended, if any. A failure to write the file
 * does not undo the commit (the change was made, and recorded in the chain): it is reported as a
 * process warning, and the next anchor, whose head covers this one, makes up for it.
 */
export function anchorCommitted(log: AttachedAuditLog | undefined, trx: object): void {
  const head = appended.get(trx);
  if (!log || !head) return;
  appended.delete(trx);
  try {
    writeAnchor(log, head);
  } catch (error) {
    process.emitWarning(`ftai: could not anchor the audit head ${head.seq} in ${log.settings.auditAnchorFile}: ${String(error)}`);
  }
}

/** The head the anchor file names last, read from its end only; undefined when none. */
export function lastAnchored(file: string): AuditHead | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const line = buffer.toString('utf8').trimEnd().split('\n').at(-1) ?? '';
    const a = JSON.parse(line) as Partial<AuditHead>;
    return typeof a.seq === 'number' && typeof a.hash === 'string' ? { seq: a.seq, hash: a.hash } : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export interface AnchorFile {
  readonly exists: boolean;
  readonly anchors: readonly AuditAnchor[];
  /** Line numbers that are not an anchor line. */
  readonly unreadable: readonly number[];
}

function isAnchor(v: unknown): v is Omit<AuditAnchor, 'line'> {
  const a = v as Partial<AuditAnchor> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    Number.isSafeInteger(a.seq) &&
    typeof a.hash === 'string' &&
    typeof a.at === 'string' &&
    typeof a.key === 'string' &&
    typeof a.mac === 'string'
  );
}

export function readAnchors(file: string): AnchorFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, anchors: [], unreadable: [] };
    throw error;
  }
  const anchors: AuditAnchor[] = [];
  const unreadable: number[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      v = undefined;
    }
    if (isAnchor(v)) anchors.push({ seq: v.seq, hash: v.hash, at: v.at, key: v.key, mac: v.mac, line: i + 1 });
    else unreadable.push(i + 1);
  }
  return { exists: true, anchors, unreadable };
}
