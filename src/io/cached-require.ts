import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import { writeOutput } from "./write-output";

/** Where a file's V8 code cache is kept: beside it, `<file>.v8`. */
export const codeCachePath = (file: string): string => `${file}.v8`;

/**
 * Loads a CommonJS file as `require` would (its own `module`, `exports` and `require`), compiled with the V8 code
 * cache kept beside it (`codeCachePath`) when there is one that V8 accepts: the code is then not parsed and compiled
 * again at every start. A cache that V8 rejects (another node, other flags) or that is missing only costs the
 * compile; it is never rewritten here (`writeCodeCache` writes it, at build time). The file is loaded once per
 * thread, like `require`.
 *
 * @example requireCached("/kit/dist/cli/metrics-kit.bundle.js").main(process.argv)
 */
export function requireCached(file: string): Record<string, unknown> {
  const loaded = modules.get(file);
  if (loaded) return loaded.exports;
  const cache = codeCachePath(file);
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  const script = compile(file, cachedData);
  const module = { exports: {} as Record<string, unknown>, script, cached: script.cachedDataRejected === false };
  modules.set(file, module);
  run(module, file);
  return module.exports;
}

/** Whether `requireCached` compiled `file` from its code cache (`false`: compiled afresh; `undefined`: not loaded). */
export function loadedFromCache(file: string): boolean | undefined {
  return modules.get(file)?.cached;
}

/**
 * Compiles `file` and runs its top level (as `requireCached` would), then writes the code V8 compiled meanwhile as
 * its code cache, atomically (`writeOutput`). Returns the cache's size in bytes.
 *
 * @example writeCodeCache("/kit/dist/cli/metrics-kit.bundle.js") // 1.2e6
 */
export function writeCodeCache(file: string): number {
  const module = { exports: {} as Record<string, unknown>, script: compile(file, undefined) };
  run(module, file);
  return writeOutput(codeCachePath(file), module.script.createCachedData(), { force: true });
}

/** True when `bundle` exists and is at least as new as `source` (the file it was bundled from). */
export function isFresh(bundle: string, source: string): boolean {
  try {
    return statSync(bundle).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
}

const modules = new Map<string, { exports: Record<string, unknown>; cached: boolean }>();

function compile(file: string, cachedData: Buffer | undefined): Script {
  return new Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
}

function run(module: { exports: Record<string, unknown>; script: Script }, file: string): void {
  const body = module.script.runInThisContext() as (...args: unknown[]) => void;
  body.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}
