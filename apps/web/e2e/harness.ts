import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * End-to-end tests drive Debian's Chromium (headless) with playwright-core against the real
 * server (`ftai serve`) on a fresh SQLite database with the built web app.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..', '..');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'ftai.js');
export const CHROMIUM = process.env.FTAI_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SCREENSHOTS = join(here, 'screenshots');
export const PASSWORD = 'e2e-password-123';

export interface E2EServer {
  readonly url: string;
  readonly dataDir: string;
  /** Runs `ftai …` against this server's database. */
  ftai(...args: string[]): string;
  stop(): Promise<void>;
}

/**
 * Starts `ftai serve` on a free port with a fresh data folder (and `extraEnv`'s settings, e.g. an
 * SMTP server's address) and waits for /healthz. Ports are
 * drawn below Linux's ephemeral range (32768+), where outgoing connections of other processes
 * cannot hold them; a port taken anyway is retried with another.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<E2EServer> {
  if (!existsSync(join(ROOT, 'apps', 'web', 'dist', 'index.html'))) throw new Error('build the web app first: npm run build -w @ftai/web');
  const dataDir = mkdtempSync(join(tmpdir(), 'ftai-e2e-'));
  for (let attempt = 1; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const env = { ...process.env, FTAI_DATA_DIR: dataDir, PORT: String(port), FTAI_SCRYPT_LOG_N: '12', DATABASE_URL: '', ...extraEnv };
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const url = `http://127.0.0.1:${port}`;
    const started = await waitForHealth(url, child, () => output);
    if (!started) {
      if (attempt < 5 && output.includes('EADDRINUSE')) continue;
      throw new Error(`the server did not start:\n${output}`);
    }
    return serverAt(url, dataDir, env, child);
  }
}

/** True once /healthz answers; false when the server exits first; throws after 15 s. */
async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<boolean> {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return true;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) return false;
    if (i > 150) throw new Error(`the server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function serverAt(url: string, dataDir: string, env: NodeJS.ProcessEnv, child: ChildProcess): E2EServer {
  return {
    url,
    dataDir,
    ftai: (...args) => execFileSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
      // The audit key and anchors live beside the data folder (FTAI_AUDIT_KEY_FILE's default).
      rmSync(`${dataDir}-audit`, { recursive: true, force: true });
    },
  };
}

export interface E2EBrowser {
  readonly browser: Browser;
  /** A new page (1366×768 unless told) that records console errors and failed requests. */
  page(options?: { width?: number; height?: number }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<E2EBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async page(o = {}) {
      const context = await browser.newContext({ viewport: { width: o.width ?? 1366, height: o.height ?? 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      return { page, context, errors };
    },
    close: () => browser.close(),
  };
}

/** The rules on a page's structure that fail the suite whatever axe's impact says. */
const STRUCTURE = new Set(['page-has-heading-one', 'landmark-one-main', 'landmark-no-duplicate-main', 'landmark-main-is-top-level']);

/** axe-core's browser build, injected into the page under test. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Checks the page as it is now with axe-core (WCAG 2 A and AA rules and axe's best practices) and
 * fails on any serious or critical violation, and on a page without one h1 or without one main
 * landmark, naming each rule, how many elements and the first few of them. Every screenshot of
 * the suite runs it first: each page of each role, at desktop and at phone width, in the states
 * the tests bring it to.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  // Transitions (a field's message fading in) finish first: the page as it stays, not half-drawn.
  // Endless ones (a spinner, an active progress bar) are left alone, and none is waited for long.
  await page.evaluate(() => {
    type Animation = { finished: Promise<unknown>; effect: { getTiming(): { iterations: number } } | null };
    const animations = (globalThis as unknown as { document: { getAnimations(): Animation[] } }).document
      .getAnimations()
      .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY);
    return Promise.race([
      Promise.all(animations.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 1500)),
    ]);
  });
  const violations = await page.evaluate(
    async () =>
      (
        await (globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeViolation[] }> } }).axe.run({
          // Ant Design's Select keeps a hidden copy of its options for screen readers (role listbox,
          // id …_list) that carries no name of its own: the select's combobox, which is named (its
          // label or aria-label) and points to it, is what a screen reader announces.
          exclude: [['[role="listbox"][id$="_list"]']],
        })
      ).violations,
  );
  // Serious and critical ones, and whatever their impact those that say the page has no h1 or not
  // one main landmark (issue 12: one h1 and proper landmarks on every page).
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || STRUCTURE.has(v.id));
  const h1s = await page.locator('h1:visible').count();
  if (h1s > 1) grave.push({ id: 'one-h1', impact: 'moderate', help: `one h1 per page, found ${h1s}`, nodes: [{ target: ['h1'] }] });
  if (grave.length > 0) {
    const list = grave.map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => String(n.target[0]))
          .join(' | ')}`,
    );
    throw new Error(`accessibility of ${name}: ${grave.length} serious or critical violation(s)\n${list.join('\n')}`);
  }
}

/**
 * Words a page in Chinese may show in Latin letters: the product's name, file formats, units, and
 * what is written in Latin letters in Chinese official text too (AI, the enterprise's own names).
 */
export const LATIN_ALLOWED = new Set([
  'ftai',
  'AI',
  'PDF',
  'OFD',
  'PNG',
  'JPEG',
  'JPG',
  'WebP',
  'Word',
  'Excel',
  'CSV',
  'JSON',
  'JSONL',
  'XLSX',
  'xlsx',
  'SHA',
  // Units of a file's size, as Chinese text writes them too.
  'KB',
  'MB',
  'ID',
  'English',
  'Lines',
]);

/**
 * The Latin words a page in Chinese shows outside what may be Latin (LATIN_ALLOWED): text in
 * `code`, `kbd`, `pre`, `[lang="en"]`, `[translate="no"]` (codes, ids, hashes, file paths), form
 * fields' values, and tokens that are codes (FTAI_ERR_…, hex, ids with digits, e-mail addresses,
 * file names, URL paths) are not words. Empty on a page in English.
 */
export async function englishWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The browser's DOM, typed as much as used here (the test's own types have no DOM).
    type El = { parentElement: El | null; closest(s: string): El | null; getBoundingClientRect(): { width: number; height: number } };
    type TextNode = { parentElement: El | null; textContent: string | null };
    const doc = (
      globalThis as unknown as {
        document: {
          documentElement: { lang: string };
          body: unknown;
          createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null };
        };
      }
    ).document;
    if (!doc.documentElement.lang.startsWith('zh')) return [];
    // Charts (svg) label the data they draw, cut to fit (a filing's id shows as "Bei…").
    const skip = 'code,kbd,pre,script,style,noscript,svg,[lang^="en"],[translate="no"],[aria-hidden="true"],.ant-select-selection-search';
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const words = new Set<string>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // Tokens as a reader sees them: ids, versions, paths and file names hold together (a-b.c/d_e@f).
      for (const token of (node.textContent ?? '').split(/[\s，。；：、（）“”《》〔〕,;:()!?"'|·…—[\]{}<>=+*#&%$]+/)) {
        // Codes, ids, e-mail addresses and file names (合同.pdf) are not words; nor are paths and standard numbers (GB/T, T/FT: a group standard's code).
        if (
          /\d/.test(token) ||
          /^FTAI_/.test(token) ||
          /_/.test(token) ||
          /@/.test(token) ||
          /\//.test(token) ||
          /\.[A-Za-z]{2,5}$/.test(token)
        )
          continue;
        // The Latin runs inside the token (丰台AI政策通 → AI).
        for (const run of token.match(/[A-Za-z][A-Za-z'’]*/g) ?? []) if (run.length >= 2 && !/^[A-F]+$/.test(run)) words.add(run);
      }
    }
    return [...words];
  });
}

/** A PDF the page downloaded: its pages' text, with the white space the layout puts between runs taken out. */
export async function pdfText(path: string): Promise<{ readonly pages: number; readonly text: string }> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: (text as string).replace(/\s+/g, '') };
}

/** Checks the page's accessibility (expectAccessible), then saves a full-page screenshot to e2e/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await expectAccessible(page, name);
  // No English on a page in Chinese (issue 11): every word in Latin letters is one LATIN_ALLOWED names.
  const english = (await englishWords(page)).filter((w) => !LATIN_ALLOWED.has(w));
  if (english.length > 0) throw new Error(`English on ${name}, a page in Chinese: ${english.join(' ')}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A calendar date `days` from today (Beijing time), as YYYY-MM-DD: a call's dates, an offer's deadline. */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Signs in through the login page. */
export async function signIn(page: Page, base: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  // The header has a sign-in button too: press the one of the form.
  await page
    .locator('main form')
    .getByRole('button', { name: /登\s*录|Sign in/ })
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A signed-in API caller for test set-up (cookies and CSRF token kept). */
export async function apiAs(server: E2EServer, username: string, password = PASSWORD) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in ${username}: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T = unknown>(p: string) => call<T>('GET', p),
    post: <T = unknown>(p: string, b?: unknown) => call<T>('POST', p, b ?? {}),
    put: <T = unknown>(p: string, b?: unknown) => call<T>('PUT', p, b ?? {}),
  };
}

/** Creates an account with `ftai users add` (password PASSWORD). */
export function addUser(server: E2EServer, username: string, role: string, extra: string[] = []): void {
  server.ftai('users', 'add', '--username', username, '--role', role, '--password', PASSWORD, ...extra);
}
