import { createWriteStream, existsSync, type WriteStream } from "node:fs";
import { once } from "node:events";

/** Thrown when an output file exists and `--force` was not given. */
export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists; pass --force to overwrite it`);
    this.name = "OutputExistsError";
  }
}

/** Opens an output (`-` = stdout), refusing to overwrite an existing file without `force`. */
export function openOutput(file: string, force: boolean): NodeJS.WritableStream {
  if (file === "-") return process.stdout;
  if (existsSync(file) && !force) throw new OutputExistsError(file);
  return createWriteStream(file);
}

/** Writes chunks with backpressure, then ends the stream (not stdout) and waits for it to finish. */
export async function writeAll(out: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
  }
  if (out !== process.stdout) {
    out.end();
    await once(out as WriteStream, "finish");
  }
}
