/** A run of whole records cut from the input bytes, ready to hand to a worker. */
export interface RecordRun {
  /** The records' bytes, copied out of the read buffers (so that they can be transferred). */
  readonly bytes: Uint8Array;
  /** How many records (lines, or CSV records) the run holds. */
  readonly records: number;
  /** Where the run ends in the input, in bytes: progress. */
  readonly endOffset: number;
}

const LF = 10;
const QUOTE = 34;

/**
 * Cuts input bytes into runs of whole records without decoding them: the main thread only looks
 * for newlines (and, for CSV, double quotes, since a newline inside quotes is data). The workers
 * decode and parse. Bytes 0x0A and 0x22 are never part of a multi-byte character in UTF-8 or
 * GB18030, so the cuts are safe in both. The chunks read are kept as they came and each byte is
 * copied once, into its run: joining them first cost the main thread as much again.
 */
export class RecordSplitter {
  /** The chunks not yet taken whole, oldest first; the first from its byte `skip` on. */
  private readonly chunks: Buffer[] = [];
  private skip = 0;
  /** Where the bytes held start in the input. Every offset below is in the input. */
  private base = 0;
  /** The bytes appended in all: the end of the input so far. */
  private total = 0;
  /** The quoting state at the end of the input so far (CSV). */
  private inQuotes = false;
  /** Record ends found and not yet taken, from `ends[head]` on (offsets just past each LF). */
  private ends: number[] = [];
  private head = 0;

  constructor(
    private readonly quoted: boolean,
    private readonly maxRunBytes: number,
  ) {}

  /** Adds bytes read from the input (kept, not copied: the caller must not change them). */
  append(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.scan(chunk, this.total);
    this.total += chunk.length;
  }

  /** Bytes held that end no record yet: a record still coming (or a quote never closed). */
  get unfinishedBytes(): number {
    const lastEnd = this.ends.length > this.head ? (this.ends[this.ends.length - 1] as number) : this.base;
    return this.total - lastEnd;
  }

  /**
   * The next run of up to `maxRecords` whole records (fewer when they pass the byte limit), or
   * undefined until enough have come. `final`: the input has ended, so take what there is, the
   * last record with or without its newline.
   */
  next(maxRecords: number, final: boolean): RecordRun | undefined {
    const ends = this.ends;
    const pending = ends.length - this.head;
    let count = 0;
    let cut = this.base;
    // As many whole records as a run takes, and fewer when they are long.
    while (count < pending && count < maxRecords) {
      const e = ends[this.head + count] as number;
      if (count > 0 && e - this.base > this.maxRunBytes) break;
      cut = e;
      count++;
    }
    if (count < maxRecords && !(count > 0 && pending > count) && !final) return undefined;
    if (final && count === 0) {
      if (this.total === this.base) return undefined;
      // The last record, without a final newline.
      cut = this.total;
      count = 1;
    } else {
      this.head += count;
    }
    const bytes = this.take(cut - this.base);
    this.base = cut;
    // Taken ends are dropped now and then, not at every run: a chunk may hold a million short lines.
    if (this.head > 4096 && this.head * 2 > ends.length) {
      this.ends = ends.slice(this.head);
      this.head = 0;
    }
    return { bytes, records: count, endOffset: cut };
  }

  /** The next `size` bytes, copied out of the chunks (so that they can be transferred); chunks used up are let go. */
  private take(size: number): Uint8Array {
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const chunk = this.chunks[0] as Buffer;
      const n = Math.min(size - filled, chunk.length - this.skip);
      bytes.set(chunk.subarray(this.skip, this.skip + n), filled);
      filled += n;
      this.skip += n;
      if (this.skip === chunk.length) {
        this.chunks.shift();
        this.skip = 0;
      }
    }
    return bytes;
  }

  /** Notes the record ends in a chunk that starts at `offset` in the input. */
  private scan(chunk: Buffer, offset: number): void {
    if (!this.quoted) {
      for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, nl + 1)) this.ends.push(offset + nl + 1);
      return;
    }
    // Quotes toggle the state (an escaped quote "" toggles it twice); a newline outside quotes ends a record.
    let p = 0;
    let nextQuote = chunk.indexOf(QUOTE);
    while (p < chunk.length) {
      if (this.inQuotes) {
        // Still quoted at the chunk's end: the next chunk goes on from there.
        if (nextQuote === -1) return;
        this.inQuotes = false;
        p = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, p);
        continue;
      }
      const nl = chunk.indexOf(LF, p);
      if (nextQuote !== -1 && (nl === -1 || nextQuote < nl)) {
        this.inQuotes = true;
        p = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, p);
        continue;
      }
      if (nl === -1) return;
      this.ends.push(offset + nl + 1);
      p = nl + 1;
    }
  }
}
