#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=4194304 node
"use strict";
// glibc's malloc gives buffers over its mmap threshold back to the system when they are freed, but by default raises
// that threshold (up to 32 MiB) after each such free, so that the analysis' typed arrays of millions of rows land in
// its arenas and their memory stays with the process once freed. The threshold fixed at 4 MiB (set above by `env -S`
// when the CLI runs as a command) keeps the report's peak at 5M rows at ~2.2 GB, where it ranged over 2.4–2.9 GB run
// to run; it costs nothing measurable at 1M rows (README, "Scale").
// The CLI is compiled to dist/ by `npm install` (scripts/build.mjs). A memoised command whose inputs are unchanged
// is answered from the cache before the CLI loads (see dist/cli/memo-replay.js). Otherwise the CLI is loaded from
// its bundle with V8's code cache (dist/io/cached-require.js); from dist/cli/main.js when dist/ was compiled since
// the bundle was made (a `tsc` run by hand).
const { join } = require("node:path");
const dist = join(__dirname, "..", "dist");
const cli = () => {
  const { isFresh, requireCached } = require("../dist/io/cached-require.js");
  const bundle = join(dist, "cli", "metrics-kit.bundle.js");
  return isFresh(bundle, join(dist, "cli", "main.js")) ? requireCached(bundle) : require("../dist/cli/main.js");
};
require("../dist/cli/memo-replay.js").replayMemo(process.argv).then((replayed) => replayed || cli().main(process.argv));
