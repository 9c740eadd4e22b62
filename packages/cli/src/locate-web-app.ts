import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { isMissingPackage } from './load-server.js';

/** Where the built web app is, or why there is none to serve. */
export type WebApp =
  | { readonly dir: string }
  | { readonly dir: undefined; readonly absent: 'not installed' | 'not built'; readonly message: string };

/**
 * The built web app, found as the package @ftai/web exports it (`@ftai/web/dist/*`), wherever the
 * package manager put it: never a path relative to this file. `from` is where resolution starts.
 *
 * @example locateWebApp().dir // '/…/node_modules/@ftai/web/dist' (a link to apps/web/dist here)
 */
export function locateWebApp(from: string | URL = import.meta.url): WebApp {
  const require = createRequire(from);
  try {
    return { dir: dirname(require.resolve('@ftai/web/dist/index.html')) };
  } catch {
    // Installed but not built, or not installed at all.
  }
  try {
    require.resolve('@ftai/web/package.json');
  } catch (error) {
    if (!isMissingPackage(error, '@ftai/web')) throw error;
    return {
      dir: undefined,
      absent: 'not installed',
      message: 'the web app (@ftai/web) is not installed: serving the API only / 未安装网页端 @ftai/web，仅提供 API',
    };
  }
  return {
    dir: undefined,
    absent: 'not built',
    message: 'the web app is not built (npm run build -w @ftai/web): serving the API only / 网页端尚未构建，仅提供 API',
  };
}
