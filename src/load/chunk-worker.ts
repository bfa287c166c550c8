// A worker thread of `parseChunks`: receives chunks of whole lines (their buffer transferred), answers with their
// columns (typed arrays transferred back), issues and drift. An exception ends the worker; the pool reports it.
// Or of `parseAhead`: receives a range of a file, reads and parses it, and answers chunk by chunk.
import { parentPort, workerData } from "node:worker_threads";
import { chunkTransferList } from "../store/store-chunk";
import { Interner, PARSER_INTERNER_CHARS } from "../store/interner";
import { readByteChunks, type ByteChunk, type ByteChunkOptions } from "./line-source";
import { parseChunk } from "./parse-chunk";

// One dictionary for the worker's life (one `parseChunks` call): each distinct string is sent once.
const dictionary = new Interner({ id: (workerData as { dictionary: number }).dictionary, maxChars: PARSER_INTERNER_CHARS });
parentPort!.on("message", (message: ByteChunk | { range: RangeRequest }) => {
  if ("range" in message) return void parseRange(message.range);
  const parsed = parseChunk(message, dictionary);
  parentPort!.postMessage(parsed, chunkTransferList(parsed.columns));
});

/** A range of a file to read and parse here (`parseAhead`). */
type RangeRequest = ByteChunkOptions & { file: string };

/** Reads and parses a range, posting each chunk located (line numbers from the range's start), then `done`; `failed` if it cannot be read. */
async function parseRange(range: RangeRequest): Promise<void> {
  try {
    let lineBase = 0;
    for await (const chunk of readByteChunks(range.file, range)) {
      const [end, torn] = [chunk.end ?? 0, chunk.unterminated];
      const parsed = parseChunk(chunk, dictionary);
      parentPort!.postMessage({ located: { file: chunk.file, lineBase, parsed, end, torn } }, chunkTransferList(parsed.columns));
      lineBase += parsed.lines;
    }
    parentPort!.postMessage({ done: true });
  } catch {
    parentPort!.postMessage({ failed: true });
  }
}
