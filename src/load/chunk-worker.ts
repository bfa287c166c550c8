// A worker thread of `parseChunks`: receives chunks of whole lines (their buffer transferred), answers with their
// columns (typed arrays transferred back), issues and drift. An exception ends the worker; the pool reports it.
// Or of `parseAhead`: receives a range of a file, reads and parses it, and answers chunk by chunk.
import { parentPort, workerData } from "node:worker_threads";
import { chunkTransferList } from "../store/store-chunk";
import { Interner, PARSER_INTERNER_CHARS } from "../store/interner";
import type { ByteChunk, ByteChunkOptions } from "./line-source";
import { parseChunk } from "./parse-chunk";
import { parseChunks } from "./parse-chunks";

// One dictionary for the worker's life (one `parseChunks` call): each distinct string is sent once.
const dictionary = new Interner({ id: (workerData as { dictionary: number }).dictionary, maxChars: PARSER_INTERNER_CHARS });
parentPort!.on("message", (message: ByteChunk | { range: RangeRequest }) => {
  if ("range" in message) return void parseRange(message.range);
  const parsed = parseChunk(message, dictionary);
  parentPort!.postMessage(parsed, chunkTransferList(parsed.columns));
});

/** A range of a file to read and parse here (`parseAhead`). */
type RangeRequest = ByteChunkOptions & { file: string };

/**
 * Reads and parses a range on this thread (`parseChunks` without workers), posting each chunk located (line numbers
 * from the range's start), then `done`; `failed` if it cannot be read.
 */
async function parseRange(range: RangeRequest): Promise<void> {
  try {
    for await (const located of parseChunks([range.file], { ...range, workers: 0 })) {
      parentPort!.postMessage({ located }, chunkTransferList(located.parsed.columns));
    }
    parentPort!.postMessage({ done: true });
  } catch {
    parentPort!.postMessage({ failed: true });
  }
}
