// A worker thread of `parseChunks`: receives chunks of whole lines (their buffer transferred), answers with their
// columns (typed arrays transferred back), issues and drift. An exception ends the worker; the pool reports it.
import { parentPort, workerData } from "node:worker_threads";
import { chunkTransferList } from "../store/store-chunk";
import { Interner, PARSER_INTERNER_CHARS } from "../store/interner";
import type { ByteChunk } from "./line-source";
import { parseChunk } from "./parse-chunk";

// One dictionary for the worker's life (one `parseChunks` call): each distinct string is sent once.
const dictionary = new Interner({ id: (workerData as { dictionary: number }).dictionary, maxChars: PARSER_INTERNER_CHARS });
parentPort!.on("message", (chunk: ByteChunk) => {
  const parsed = parseChunk(chunk, dictionary);
  parentPort!.postMessage(parsed, chunkTransferList(parsed.columns));
});
