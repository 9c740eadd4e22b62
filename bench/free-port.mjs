import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on now (the system's choice), for a server a benchmark starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
