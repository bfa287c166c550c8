import { createHash } from "node:crypto";
import { readSync } from "node:fs";

/** Blocks sampled evenly over the prefix, and their size. */
const SAMPLES = 32;
const SAMPLE_BYTES = 4096;
/** Bytes hashed just before the prefix's end: an edit, insertion or deletion anywhere before them shifts them. */
const TAIL_BYTES = 1 << 16;

/**
 * A fingerprint of a file's first `end` bytes: a SHA-1 over `end`, 32 blocks of 4 KiB spread evenly over them and
 * their last 64 KiB (~200 KiB read whatever the size). A log rotated, truncated, replaced, or edited so that its
 * bytes moved (an insertion or a deletion) changes it; an edit that keeps every byte in place is caught by the
 * file's mtime instead (see `openCachedLog`).
 *
 * @example prefixFingerprint(fd, 1_000_000) // "9c1e…" (40 hex digits)
 */
export function prefixFingerprint(fd: number, end: number): string {
  const hash = createHash("sha1").update(`${end}\n`);
  const buffer = Buffer.alloc(Math.max(SAMPLE_BYTES, TAIL_BYTES));
  const take = (at: number, n: number) => {
    const len = Math.max(0, Math.min(n, end - at));
    let got = 0;
    while (got < len) {
      const r = readSync(fd, buffer, got, len - got, at + got);
      if (r === 0) break;
      got += r;
    }
    hash.update(buffer.subarray(0, got)).update(`|${got}\n`);
  };
  const sampled = Math.max(0, end - TAIL_BYTES);
  for (let k = 0; k < SAMPLES; k++) take(Math.floor((sampled * k) / SAMPLES), SAMPLE_BYTES);
  take(sampled, TAIL_BYTES);
  return hash.digest("hex");
}
