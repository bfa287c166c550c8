import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { CacheWriter } from "./cache-file";
import { chunkRecord, type SegmentRef, type StoredChunk } from "./log-index";

/**
 * Writes chunks into a new segment file as they come (opened at the first), so that caching holds no chunk in
 * memory. A failure to write turns it off: the load goes on uncached. The segment holds the chunks of log `id` from byte
 * `from`, line `lineBase`.
 *
 * @example const w = new SegmentWriter(dir, id, params, 0, 0); w.add(chunk, 0); w.commit() // { name, from, to, lines }
 */
export class SegmentWriter {
  private w: CacheWriter | undefined;
  private failed = false;
  private to: number;
  private lines = 0;
  private readonly name: string;
  constructor(private dir: string, id: string, private params: string, private from: number, private lineBase: number) {
    this.to = from;
    this.name = `${id}.${randomBytes(5).toString("hex")}.seg`;
  }

  add(chunk: StoredChunk, lineBase: number): void {
    if (this.failed) return;
    if (lineBase !== this.lineBase + this.lines) throw new Error(`cache: chunk at line ${lineBase} after line ${this.lineBase + this.lines}`);
    try {
      this.w ??= CacheWriter.open(join(this.dir, this.name), segmentKey({ name: this.name, from: this.from }, this.params));
      this.w.record(chunkRecord(chunk));
      this.to = chunk.end;
      this.lines += chunk.parsed.lines;
    } catch {
      this.discard();
    }
  }

  /** Commits the file; its reference, or `undefined` when it holds nothing. */
  commit(): SegmentRef | undefined {
    if (this.failed || !this.w) return undefined;
    this.w.commit();
    return { name: this.name, from: this.from, to: this.to, lines: this.lines };
  }

  discard(): void {
    this.failed = true;
    this.w?.discard();
  }
}

/** A segment's key: its name and where it starts, with the parser's parameters. @example segmentKey({ name, from: 0 }, params) */
export function segmentKey(seg: Pick<SegmentRef, "name" | "from">, params: string): string {
  return `segment ${seg.name} ${seg.from} ${params}`;
}
