import { availableParallelism } from "node:os";
import { join } from "node:path";

/**
 * How to start one of the kit's worker threads: the compiled `<folder>/<name>.js` of the kit (`dist/`, the folder
 * above this module's — also when this module is part of the CLI's bundle, `dist/cli/`); when the kit runs from its
 * TypeScript sources (tests, through tsx), the `.ts` file with tsx's loader, which a worker does not inherit.
 *
 * @example new Worker(...workerScript("load", "chunk-worker"))
 */
export function workerScript(folder: string, name: string, fromSource = __filename.endsWith(".ts")): [string, { execArgv?: string[] }] {
  return [join(__dirname, "..", folder, `${name}${fromSource ? ".ts" : ".js"}`), fromSource ? { execArgv: ["--require", "tsx/cjs"] } : {}];
}

/** The default number of worker threads: one per core, at most 4, none on a one-core machine. */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores, 4) : 0;
}
