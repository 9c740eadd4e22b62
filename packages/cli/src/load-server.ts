/** The platform package: Fastify, the database drivers, the audit log. */
export type Server = typeof import('@ftai/server');

/**
 * @ftai/server is an optional peer of the command line: `ftai calc`, `match` and `measures` run
 * without it, and the platform's commands say how to get it.
 */
export class ServerMissingError extends Error {
  constructor(command: string) {
    super(
      `ftai ${command}: this command runs the platform, which is not installed: npm install @ftai/server\n` +
        `ftai ${command}：此命令需要平台组件 @ftai/server，当前未安装。请先安装：npm install @ftai/server`,
    );
    this.name = 'ServerMissingError';
  }
}

/** True when `error` says that `specifier` itself cannot be found (not one of its own imports). */
export function isMissingPackage(error: unknown, specifier: string): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' && e?.code !== 'MODULE_NOT_FOUND') return false;
  return typeof e.message === 'string' && (e.message.includes(`'${specifier}'`) || e.message.includes(`'${specifier}/`));
}

/**
 * Loads @ftai/server when a platform command runs, and only then: the calculator's commands never
 * load Fastify, pg or SQLite. `command` names the command in the message when it is missing.
 */
export async function loadServer(command: string): Promise<Server> {
  try {
    return await import('@ftai/server');
  } catch (error) {
    if (isMissingPackage(error, '@ftai/server')) throw new ServerMissingError(command);
    throw error;
  }
}
