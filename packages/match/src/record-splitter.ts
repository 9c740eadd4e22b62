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
 * GB18030, so the cuts are safe in both.
 */
export class RecordSplitter {
  private buffer: Buffer = Buffer.alloc(0);
  /** Where `buffer` starts in the input. Every offset below is in the input, not in `buffer`. */
  private base = 0;
  /** How far the input has been scanned, and the quoting state there. */
  private scanned = 0;
  private inQuotes = false;
  /** Record ends found and not yet taken, from `ends[head]` on (offsets just past each LF). */
  private ends: number[] = [];
  private head = 0;

  constructor(
    private readonly quoted: boolean,
    private readonly maxRunBytes: number,
  ) {}

  /** Adds bytes read from the input. */
  append(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.scan();
  }

  /** Bytes held that end no record yet: a record still coming (or a quote never closed). */
  get unfinishedBytes(): number {
    const lastEnd = this.ends.length > this.head ? (this.ends[this.ends.length - 1] as number) : this.base;
    return this.base + this.buffer.length - lastEnd;
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
    const end = this.base + this.buffer.length;
    if (final && count === 0) {
      if (this.buffer.length === 0) return undefined;
      // The last record, without a final newline.
      cut = end;
      count = 1;
    } else {
      this.head += count;
    }
    const size = cut - this.base;
    const bytes = new Uint8Array(size);
    bytes.set(this.buffer.subarray(0, size));
    this.buffer = this.buffer.subarray(size);
    this.base = cut;
    // Taken ends are dropped now and then, not at every run: a chunk may hold a million short lines.
    if (this.head > 4096 && this.head * 2 > ends.length) {
      this.ends = ends.slice(this.head);
      this.head = 0;
    }
    return { bytes, records: count, endOffset: cut };
  }

  private scan(): void {
    const buf = this.buffer;
    const base = this.base;
    const n = base + buf.length;
    let p = this.scanned;
    if (!this.quoted) {
      for (let nl = buf.indexOf(LF, p - base); nl !== -1; nl = buf.indexOf(LF, nl + 1)) this.ends.push(base + nl + 1);
      this.scanned = n;
      return;
    }
    const quoteAfter = (from: number) => {
      const q = buf.indexOf(QUOTE, from - base);
      return q === -1 ? -1 : base + q;
    };
    let nextQuote = quoteAfter(p);
    while (p < n) {
      if (this.inQuotes) {
        if (nextQuote === -1) {
          p = n;
          break;
        }
        this.inQuotes = false;
        p = nextQuote + 1;
        nextQuote = quoteAfter(p);
        continue;
      }
      const found = buf.indexOf(LF, p - base);
      const nl = found === -1 ? -1 : base + found;
      if (nextQuote !== -1 && (nl === -1 || nextQuote < nl)) {
        this.inQuotes = true;
        p = nextQuote + 1;
        nextQuote = quoteAfter(p);
        continue;
      }
      if (nl === -1) {
        p = n;
        break;
      }
      this.ends.push(nl + 1);
      p = nl + 1;
    }
    this.scanned = p;
  }
}
