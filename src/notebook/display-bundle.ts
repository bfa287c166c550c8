import type { MimeBundle } from "./table-bundle";

type WriteDisplayData = (data: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void;

/**
 * Sends a MIME bundle to the notebook as one display output. Inside a tslab kernel this goes through tslab's display
 * channel (its `display.raw` takes one MIME type; a bundle needs every representation in one message); anywhere
 * else (plain node, a script) the `text/plain` representation is printed.
 */
export function displayBundle(bundle: MimeBundle): void {
  const write = tslabWriter();
  if (write) write({ data: bundle, metadata: {}, transient: {} }, false);
  else console.log(String(bundle["text/plain"] ?? ""));
}

function tslabWriter(): WriteDisplayData | undefined {
  try {
    // tslab keeps the current cell's writer on its jupyter module; the kernel process has it loaded already.
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}
