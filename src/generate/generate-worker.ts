// A worker thread of `writeLog`: simulates its share of the blocks, merges them in log order and sends the events in
// batches, one batch per request (the main thread asks for the next while it merges this one: bounded memory).
import { parentPort, workerData } from "node:worker_threads";
import type { RulesConfig } from "../rules/rules-config";
import type { ResolvedOptions } from "./scenarios";
import { mergedEvents } from "./generate-log";
import type { BlockTruth } from "./simulate-block";
import { packEvents, SLOT_BYTES, SLOTS, type EventBatch } from "./write-log";

const { options, rules, blocks, batchLines, shared } = workerData as { options: ResolvedOptions; rules: RulesConfig; blocks: number[]; batchLines: number; shared: SharedArrayBuffer };
const truths: BlockTruth[] = [];
const events = mergedEvents(options, rules, blocks, truths);

// Batch n goes to slot n mod SLOTS: the main thread has merged batch n − SLOTS before it asks for batch n.
let batchNo = 0;
parentPort!.on("message", () => {
  const slot = batchNo++ % SLOTS;
  const { done, ...batch } = packEvents(events, batchLines, Buffer.from(shared, slot * SLOT_BYTES, SLOT_BYTES));
  const message: EventBatch = { ...batch, slot, truths: done ? blocks.map((b) => [b, truths[b]]) : undefined };
  parentPort!.postMessage(message, [message.times, message.blocks, message.ends, message.lines].map((a) => a.buffer as ArrayBuffer));
});
