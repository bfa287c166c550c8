#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm install` (scripts/build.mjs).
require("../dist/cli/main.js").main(process.argv);
