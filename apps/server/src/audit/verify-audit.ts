import type { AuditProblem, AuditVerification } from '@ftai/api';
import type { Kysely } from 'kysely';
import { GENESIS } from '../db/migrations/0001-initial.js';
import type { Database } from '../db/schema.js';
import { type AuditAnchor, anchorMac, readAnchors } from './anchor-audit.js';
import { auditEntryHash } from './append-audit.js';
import { attachedAuditLog } from './attach-audit-log.js';
import { auditKeyId } from './audit-key.js';
import { checkAuditTriggers } from './check-audit-triggers.js';

export interface VerifyOptions {
  readonly pageSize?: number;
}

/**
 * Checks the audit log of a database opened through createContext (which attaches its key and
 * anchor file):
 * - every entry: the sequence, the link to the one before, and its HMAC under the key (entries
 *   written before keying: plain SHA-256, and only before the seal, the first keyed entry);
 * - the head: the end of the chain;
 * - the anchors: every head written to the anchor file must be in the chain, with its hash — a
 *   cut tail, a head moved back, a wiped and restarted log, an edited and re-hashed entry all
 *   lose one;
 * - the triggers that keep the tables append-only.
 */
export async function verifyAudit(db: Kysely<Database>, options: VerifyOptions = {}): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 1000;
  const problems: AuditProblem[] = [];
  const log = attachedAuditLog(db);
  let key: Buffer | null = null;
  if (!log)
    problems.push({
      seq: 0,
      code: 'key',
      problem: 'no audit key is attached to this database (createContext): keyed entries were not checked',
    });
  else {
    try {
      key = log.key(false);
    } catch (error) {
      problems.push({ seq: 0, code: 'key', problem: `${(error as Error).message}: keyed entries were not checked` });
    }
  }

  // Anchors: seq → the anchor lines naming it.
  const anchorFile = log ? readAnchors(log.settings.auditAnchorFile) : undefined;
  const anchored = new Map<number, AuditAnchor[]>();
  let lastAnchor: AuditAnchor | null = null;
  if (log && anchorFile) {
    const file = log.settings.auditAnchorFile;
    for (const line of anchorFile.unreadable)
      problems.push({
        seq: 0,
        code: 'anchor',
        problem: `line ${line} of the anchor file ${file} is not an anchor: the file was damaged or edited`,
      });
    for (const a of anchorFile.anchors) {
      if (key) {
        if (a.key !== auditKeyId(key)) {
          problems.push({
            seq: a.seq,
            code: 'anchor',
            problem: `line ${a.line} of the anchor file was written with another key (id ${a.key}, this one is ${auditKeyId(key)}): is FTAI_AUDIT_KEY (or its file) the server's?`,
          });
          continue;
        }
        if (anchorMac(key, a) !== a.mac) {
          problems.push({
            seq: a.seq,
            code: 'anchor',
            problem: `line ${a.line} of the anchor file was altered (its MAC is not the key's)`,
          });
          continue;
        }
      }
      anchored.set(a.seq, [...(anchored.get(a.seq) ?? []), a]);
      if (!lastAnchor || a.seq > lastAnchor.seq) lastAnchor = a;
    }
  }

  // The chain, page by page; it may grow while it is read, so the head is read once the pages
  // run out, and the reading goes on while the head is ahead (an append that committed meanwhile).
  let prevHash = GENESIS;
  let expected = 1;
  let entries = 0;
  let after = 0;
  let keyedFrom: number | null = null;
  let head: { seq: number; hash: string } | undefined;
  for (let round = 0; round < 10; round++) {
    const before = entries;
    for (;;) {
      const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      if (page.length === 0) break;
      for (const raw of page) {
        const row = { ...raw, seq: Number(raw.seq) };
        entries++;
        if (row.seq !== expected)
          problems.push({ seq: row.seq, code: 'missing', problem: `entries ${expected}–${row.seq - 1} are missing` });
        if (row.prev_hash !== prevHash) problems.push({ seq: row.seq, code: 'link', problem: 'does not link to the entry before it' });
        const isKeyed = key !== null && auditEntryHash(key, row.prev_hash, row) === row.hash;
        const isPlain = !isKeyed && auditEntryHash(null, row.prev_hash, row) === row.hash;
        if (isKeyed) keyedFrom ??= row.seq;
        else if (isPlain && keyedFrom !== null)
          problems.push({
            seq: row.seq,
            code: 'unkeyed',
            problem: `is not keyed, though the chain is keyed from ${keyedFrom}: written or rewritten without the key`,
          });
        else if (!isPlain && key !== null) problems.push({ seq: row.seq, code: 'changed', problem: 'was changed after it was written' });
        for (const a of anchored.get(row.seq) ?? [])
          if (a.hash !== row.hash)
            problems.push({
              seq: row.seq,
              code: 'anchor',
              problem: `differs from the entry anchored at ${a.at} (line ${a.line}): it was rewritten since`,
            });
        anchored.delete(row.seq);
        prevHash = row.hash;
        expected = row.seq + 1;
        after = row.seq;
      }
    }
    const h = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    head = h ? { seq: Number(h.seq), hash: h.hash } : undefined;
    if (!head || head.seq <= after || (round > 0 && entries === before)) break;
  }

  const end = expected - 1;
  if (!head) problems.push({ seq: 0, code: 'head', problem: 'the chain head is missing' });
  else if (head.seq !== end || head.hash !== prevHash)
    problems.push({
      seq: head.seq,
      code: 'head',
      problem: `the chain ends at ${end} but its head says ${head.seq}: entries were removed or added outside the log`,
    });
  if (key && entries > 0 && keyedFrom === null)
    problems.push({
      seq: 0,
      code: 'unkeyed',
      problem: `no entry is keyed with the audit key (id ${auditKeyId(key)}): the log was written before keying and not yet sealed (start the server once), was rewritten without the key, or this is not the server's key`,
    });

  // Anchors left over name entries the chain no longer holds: above its end, it was cut (or wiped
  // and restarted); within it, an entry is missing (already named above).
  const lost = [...anchored.values()].flat().sort((a, b) => a.seq - b.seq);
  const beyond = lost.filter((a) => a.seq > end);
  for (const a of lost.filter((x) => x.seq <= end))
    problems.push({ seq: a.seq, code: 'anchor', problem: `was anchored at ${a.at} (line ${a.line}) and is gone` });
  const highest = beyond.at(-1);
  if (highest)
    problems.push({
      seq: highest.seq,
      code: 'anchor',
      problem: `the chain ends at ${end}, but reached ${highest.seq} by ${highest.at} (anchor file line ${highest.line}; ${beyond.length} anchor(s) beyond the end): entries were cut or the log was wiped`,
    });
  if (log && anchorFile && !anchorFile.exists && keyedFrom !== null)
    problems.push({
      seq: 0,
      code: 'anchor',
      problem: `the anchor file ${log.settings.auditAnchorFile} is missing: a cut or a reset of the log cannot be ruled out (FTAI_AUDIT_ANCHOR_FILE)`,
    });

  if (log) for (const problem of await checkAuditTriggers(db, log.dialect)) problems.push({ seq: 0, code: 'trigger', problem });

  return {
    ok: problems.length === 0,
    entries,
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? null,
    keyedFrom,
    keyId: key ? auditKeyId(key) : null,
    anchors:
      log && anchorFile
        ? {
            file: log.settings.auditAnchorFile,
            count: anchorFile.anchors.length,
            last: lastAnchor ? { seq: lastAnchor.seq, hash: lastAnchor.hash, at: lastAnchor.at } : null,
          }
        : null,
    problems,
  };
}
