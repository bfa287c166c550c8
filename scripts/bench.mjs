// npm run bench: speed and memory, as ratios against a bare baseline measured in the same run.
// Each measurement runs in a child process of its own so that its peak RSS is its own.
//   baseline  read the file, split lines, JSON.parse each (nothing kept)
//   ndjson    the ndjson package's stream parser (the design card's splitter), for comparison
//   load      load + validate (readMetricsBatches: Python JSON, zod, issues, drift)
//   join      load + validate + join (loadTables: sessions, media, per-session media, sessions ⟕ media)
//   generate  write the synthetic log of at least 1M rows
//   analyze   on a log of ~100k sessions: loadTables, then analyze (dimension quality, feature links, progress)
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync, unlinkSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "build", "bench");
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 135000);
const log = join(dir, `bench-${STUDENTS}.log`);

async function child(mode, file, students) {
  const kit = await import(join(root, "dist", "index.js"));
  const t0 = performance.now();
  let rows = 0;
  if (mode === "baseline") {
    const decoder = new StringDecoder("utf8");
    let carry = "";
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const lines = (carry + decoder.write(chunk)).split("\n");
      carry = lines.pop();
      for (const l of lines) {
        if (!l) continue;
        try { JSON.parse(l); rows++; } catch { /* NaN/Infinity rows are not JSON: the baseline only skips them */ }
      }
    }
  } else if (mode === "ndjson") {
    const ndjson = (await import("ndjson")).default;
    await new Promise((resolve, reject) => {
      createReadStream(file, { highWaterMark: 1 << 20 }).pipe(ndjson.parse({ strict: false })).on("data", () => rows++).on("end", resolve).on("error", reject);
    });
  } else if (mode === "load") {
    for await (const batch of kit.readMetricsBatches(file, { onIssue: () => {} })) rows += batch.length;
  } else if (mode === "join") {
    const t = await kit.loadTables(file, {});
    rows = t.rows.session_report + t.rows.media_report;
    if (t.joined.numRows() === 0) throw new Error("empty join");
  } else if (mode === "analyze") {
    const t = await kit.loadTables(file, {});
    const loaded = performance.now();
    const a = kit.analyze(t);
    rows = t.sessions.numRows();
    process.stdout.write(JSON.stringify({ mode, rows, seconds: (performance.now() - t0) / 1000, loadSeconds: (loaded - t0) / 1000,
      analyzeSeconds: (performance.now() - loaded) / 1000, links: a.links.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
    return;
  } else if (mode === "generate") {
    const { writeLines } = await import(join(root, "dist", "cli", "write-output.js"));
    writeLines(file, kit.generateLog({ students: Number(students), seed: 1, faults: 0, trackTruth: false }).lines, true, () => rows++);
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ mode, rows, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function measure(mode, file, students = STUDENTS) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", mode, file, String(students)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

if (process.argv[2] === "--child") {
  await child(process.argv[3], process.argv[4], process.argv[5]);
} else {
  mkdirSync(dir, { recursive: true });
  const results = {};
  const gen = measure("generate", `${log}.tmp`);
  if (existsSync(log)) unlinkSync(`${log}.tmp`);
  else renameSync(`${log}.tmp`, log);
  const mb = statSync(log).size / 2 ** 20;
  results.generate = gen;
  for (const mode of ["baseline", "ndjson", "load", "join"]) results[mode] = measure(mode, log);
  const row = (name, r) => `${name.padEnd(10)} ${String(r.rows).padStart(9)} rows ${r.seconds.toFixed(2).padStart(7)} s ${Math.round(r.rows / r.seconds).toLocaleString("en").padStart(10)} rows/s ${(mb / r.seconds).toFixed(1).padStart(7)} MB/s  peak RSS ${r.maxRssMB.toFixed(0).padStart(5)} MB`;
  console.log(`log: ${log} (${mb.toFixed(0)} MB, ${results.baseline.rows} rows)`);
  for (const [k, v] of Object.entries(results)) console.log(row(k, v));
  const b = results.baseline;
  const ratios = {
    "load/baseline time (b/a)": results.load.seconds / b.seconds,
    "join/baseline time (c/a, target ≤ 1.5)": results.join.seconds / b.seconds,
    "join/baseline peak RSS (target ≤ 2.5)": results.join.maxRssMB / b.maxRssMB,
    "ndjson/baseline time": results.ndjson.seconds / b.seconds,
    "generate rows/s ÷ load rows/s (target ≥ 1)": (results.generate.rows / results.generate.seconds) / (results.load.rows / results.load.seconds),
  };
  const sessionsLog = join(dir, "bench-100k-sessions.log");
  if (!existsSync(sessionsLog)) measure("generate", sessionsLog, 28000); // ≈ 3.3 sessions a student → ~92k sessions
  const an = measure("analyze", sessionsLog);
  results.analyze = an;
  ratios["analyze/load time on ~100k sessions (target ≤ 1.5)"] = an.analyzeSeconds / an.loadSeconds;
  console.log(`analyze    ${String(an.rows).padStart(9)} sessions: load ${an.loadSeconds.toFixed(2)} s, analyze ${an.analyzeSeconds.toFixed(2)} s (${an.links} feature links), peak RSS ${an.maxRssMB.toFixed(0)} MB`);
  for (const [k, v] of Object.entries(ratios)) console.log(`${k.padEnd(52)} ${v.toFixed(2)}`);
  writeFileSync(join(dir, "results.json"), JSON.stringify({ log, mb, results, ratios }, null, 2));
}
