import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * A file (or standard output) written in whole chunks, waiting whenever the stream asks to
 * (backpressure), so that memory stays flat however fast the workers answer.
 */
export class OutputFile {
  private failure: Error | undefined;

  private constructor(
    private readonly stream: Writable,
    private readonly owned: boolean,
  ) {
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  static create(path: string): OutputFile {
    return new OutputFile(createWriteStream(path), true);
  }

  /** Writes to a stream the caller owns (standard output): closing only flushes it. */
  static over(stream: Writable): OutputFile {
    return new OutputFile(stream, false);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (chunk.length === 0) return;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          if (error) reject(error);
          else resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('error', done);
      });
    }
  }

  /** Flushes and closes (a file), or waits until what was written has been taken (a stream the caller owns). */
  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      if (this.owned) {
        this.stream.once('error', reject);
        this.stream.end(() => resolve());
      } else if (this.stream.writableNeedDrain) {
        this.stream.once('drain', () => resolve());
      } else resolve();
    });
  }
}
