#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm install` (scripts/build.mjs). A memoised command whose inputs are unchanged
// is answered from the cache before the CLI loads (see dist/cli/memo-replay.js).
require("../dist/cli/memo-replay.js").replayMemo(process.argv).then((replayed) => replayed || require("../dist/cli/main.js").main(process.argv));
