// The I/O floor of `ftai calc --jsonl FILE`: what any answerer of JSON Lines does at least, on one
// thread: each line read (node:readline over a read stream), parsed, and written back as JSON,
// buffered. `ftai calc --jsonl` does this and validates and calculates, on a worker thread per
// core (the matcher's pipeline, packages/match). Usage: node bench/io-floor.mjs FILE > OUT
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/io-floor.mjs FILE\n');
  process.exit(2);
}
const input = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
const out = process.stdout;
let buffer = '';
for await (const line of lines) {
  if (line.trim() === '') continue;
  buffer += `${JSON.stringify(JSON.parse(line))}\n`;
  if (buffer.length >= 1 << 16) {
    const flushed = out.write(buffer);
    buffer = '';
    if (!flushed) await new Promise((resolve) => out.once('drain', resolve));
  }
}
if (buffer) out.write(buffer);
