// The worker thread of `linksInParallel`: links each feature it is sent (one message each on its port, then null)
// against the shared targets and controls, answers on its port with every feature's links, then sets its state
// (1 answered, 2 failed) and wakes the caller blocked on it.
import { workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { LinksWorkerData, LinksWorkerFeature } from "./parallel-links";
import type { FeatureLink } from "./feature-link";

const { inputs, settings, state, port } = workerData as LinksWorkerData & { port: MessagePort };

/** Answers, sets the state and wakes the caller. */
function finish(code: 1 | 2, answer: { links?: FeatureLink[][]; error?: string }): void {
  port.postMessage(answer);
  Atomics.store(state, 0, code);
  Atomics.notify(state, 0);
  port.close();
}

const failed = (e: unknown) => finish(2, { error: String((e as Error)?.stack ?? e) });
try {
  // Required inside the try: a failure to load is an answer too (the caller links the features itself).
  const { linksOfFeature } = require("./feature-link-rows") as typeof import("./feature-link-rows");
  const { LinkScratch } = require("./link-pairs") as typeof import("./link-pairs");
  const scratch = new LinkScratch(inputs.rows);
  const links: FeatureLink[][] = [];
  port.on("message", (message: LinksWorkerFeature | null) => {
    try {
      if (message === null) return finish(1, { links });
      links.push(linksOfFeature(message.feature, message.values, inputs, settings, scratch));
      Atomics.add(state, 1, 1);
    } catch (e) {
      failed(e);
    }
  });
} catch (e) {
  failed(e);
}
