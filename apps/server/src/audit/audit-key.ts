import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The least key length: HMAC-SHA-256 gains nothing from more, and is weakened by less. */
export const AUDIT_KEY_BYTES = 32;

export interface AuditKeySource {
  /** FTAI_AUDIT_KEY: hex or base64 text. */
  readonly auditKey: string | undefined;
  /** FTAI_AUDIT_KEY_FILE: read when `auditKey` is unset; created when absent and `create` is set. */
  readonly auditKeyFile: string;
}

/**
 * Reads a key written as hex (64 digits for 32 bytes) or base64 (standard or URL alphabet);
 * `where` names the setting in the error.
 */
export function parseAuditKey(text: string, where: string): Buffer {
  const t = text.trim();
  let key: Buffer | undefined;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(t)) key = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) key = Buffer.from(t, t.includes('-') || t.includes('_') ? 'base64url' : 'base64');
  if (!key) throw new Error(`${where}: expected the audit key as hex or base64`);
  if (key.length < AUDIT_KEY_BYTES) throw new Error(`${where}: expected at least ${AUDIT_KEY_BYTES} bytes of key, got ${key.length}`);
  return key;
}

/**
 * The audit key: FTAI_AUDIT_KEY when set, else the key file. With `create`, an absent file is made
 * (32 random bytes, hex, mode 0600, in a 0700 folder) — the first start of a server; without it
 * (verification), an absent key is an error, since a new key could verify nothing written before.
 */
export function loadAuditKey(source: AuditKeySource, create: boolean): Buffer {
  if (source.auditKey) return parseAuditKey(source.auditKey, 'FTAI_AUDIT_KEY');
  const file = source.auditKeyFile;
  try {
    return parseAuditKey(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!create) throw new Error(`no audit key: FTAI_AUDIT_KEY is unset and ${file} does not exist (FTAI_AUDIT_KEY_FILE)`);
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole under another name, then linked into place: two processes starting at once both
  // end up with the one key that was linked first, and neither ever reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(AUDIT_KEY_BYTES).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return parseAuditKey(readFileSync(file, 'utf8'), file);
}

/** A short public name of a key, to tell "another key" from "tampered" without showing the key. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('ftai audit key id').digest('hex').slice(0, 16);
}
