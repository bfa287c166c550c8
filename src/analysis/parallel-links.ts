import { existsSync } from "node:fs";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { runSteps } from "./steps";
import { workerScript } from "../io/worker-script";
import { toShared } from "../stats/shared-arrays";
import { linksOfFeature, type LinkSettings } from "./feature-link-rows";
import { LinkScratch } from "./link-pairs";
import type { LinkInputs } from "./link-inputs";
import { isTextFeature } from "./text-features";
import type { FeatureLink, LinkFeature } from "./feature-link";

/**
 * What the links worker receives at start: the inputs (shared memory) and where to answer. Its features follow on
 * its port, one message each (`LinksWorkerFeature`), then `null`.
 */
export interface LinksWorkerData {
  inputs: LinkInputs;
  settings: LinkSettings;
  /** [0]: 0 running, 1 answered, 2 failed; [1]: features done (progress). */
  state: Int32Array;
}

/** Each feature's links in the features' order, how many features the worker linked (0: it failed or stalled), and what `alongside` returned. */
export interface ParallelLinks<T = undefined> {
  links: FeatureLink[][];
  byWorker: number;
  extra: T;
}

/** One of the worker's features and its column (shared); `null` ends the list. */
export type LinksWorkerFeature = { feature: LinkFeature; values: Float64Array };

/** A worker that makes no progress for this long is given up: its features are linked on the calling thread. */
const STALL_MS = 120_000;

/**
 * Each feature's links, in the features' order, computed on the calling thread and one worker thread at once, and
 * returned synchronously (the caller blocks on `Atomics.wait` for the worker's answer, read by
 * `receiveMessageOnPort`): `featureLinks` stays a plain function. The features are dealt costliest first (their
 * share of present rows times the targets they meet): the worker is kept two features ahead (each posted with its
 * column in shared memory) and the calling thread takes the next one whenever the worker has enough, so neither
 * waits for the other; `alongside`, when given (steps: a generator), runs here first, the worker topped up between
 * its steps. Should the worker fail or stall, its features are linked here.
 */
export function linksInParallel<T = undefined>(features: readonly LinkFeature[], column: (f: LinkFeature) => Float64Array, inputs: LinkInputs, settings: LinkSettings, weight: (f: LinkFeature) => number, alongside?: () => Iterator<void, T, undefined>): ParallelLinks<T> {
  const [file, options] = workerScript("analysis", "links-worker");
  const scratch = new LinkScratch(inputs.rows);
  const here = (f: LinkFeature) => linksOfFeature(f, column(f), inputs, settings, scratch);
  if (!existsSync(file)) return { extra: (alongside ? runSteps(alongside()) : undefined) as T, links: features.map(here), byWorker: 0 };
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const data: LinksWorkerData = { inputs, settings, state };
  const worker = new Worker(file, { ...options, workerData: { ...data, port: port2 }, transferList: [port2] });
  worker.unref();
  const queue = byCost(features, inputs, weight);
  const theirs: LinkFeature[] = [];
  const post = (f: LinkFeature) => {
    theirs.push(f);
    port1.postMessage({ feature: f, values: toShared(column(f)) } satisfies LinksWorkerFeature);
  };
  queue.splice(0, 2).forEach(post);
  const wantsMore = () => theirs.length - Atomics.load(state, 1) < 2;
  // Between the steps of `alongside`, the worker is topped up to two features ahead, so that it never waits for them.
  const extra = (alongside ? runSteps(alongside(), () => {
    while (queue.length && wantsMore()) post(queue.shift()!);
  }) : undefined) as T;
  const done = new Map<LinkFeature, FeatureLink[]>();
  while (queue.length) {
    const f = queue.shift()!;
    if (wantsMore()) post(f);
    else done.set(f, here(f));
  }
  port1.postMessage(null);
  const answer = awaitWorker(state, port1);
  void worker.terminate();
  port1.close();
  theirs.forEach((f, k) => done.set(f, answer?.[k] ?? here(f)));
  return { extra, links: features.map((f) => done.get(f)!), byWorker: answer ? theirs.length : 0 };
}

/** Blocks until the worker answers (its links per feature) or fails or stalls (undefined). */
function awaitWorker(state: Int32Array, port: MessagePort): FeatureLink[][] | undefined {
  let progress = -1;
  let since = Date.now();
  while (Atomics.load(state, 0) === 0) {
    Atomics.wait(state, 0, 0, 1000);
    const now = Atomics.load(state, 1);
    if (now !== progress) {
      progress = now;
      since = Date.now();
    } else if (Date.now() - since > STALL_MS) return undefined;
  }
  const message = receiveMessageOnPort(port)?.message as { links?: FeatureLink[][] } | undefined;
  return Atomics.load(state, 0) === 1 ? message?.links : undefined;
}

/** The features, costliest first: a feature's cost is its `weight` (its share of present rows) times the targets it meets (the text features meet the dimensions only). */
function byCost(features: readonly LinkFeature[], inputs: LinkInputs, weight: (f: LinkFeature) => number): LinkFeature[] {
  const costs = new Map(features.map((f) => [f, weight(f) * (isTextFeature(f) ? inputs.dimensions : inputs.targets.length)]));
  return [...features].sort((a, b) => costs.get(b)! - costs.get(a)!);
}
