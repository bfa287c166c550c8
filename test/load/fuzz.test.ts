import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { existsSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { loadMetrics, loadTables, generateLog, MAX_LINE_BYTES, type LoadIssue, type LoadResult } from "../../src/index";
import { createRng, type Rng } from "../../src/generate/rng";
import { writeTemp, cli } from "../helpers";

// Seeded fuzzing of the loader (issue 14, "Fuzzing in CI"): a generated log is damaged line by line with every class
// of hostile input, and the load must account for every line: lines = rows + rejected + skipped, every damaged line
// reported at its number, every undamaged line kept, the same on both loading paths, plain or gzip; the CLI exits
// only 0, 1 or 2.

/**
 * What a line must give: `kept` a row (warnings allowed), `rejected` an error and no row, `recovered` a row and a
 * `torn_fragment` warning, `warned` a row and an `out_of_range` warning.
 */
type Expect = "kept" | "rejected" | "recovered" | "warned";
interface Damaged { bytes: Buffer; expect: Expect; codes: LoadIssue["code"][] }

const HOSTILE_NAMES = ["__proto__", "user_id", "ts", "constructor", "session_id", "", "toString", "line", "\u001b[31m"];
const b = (s: string) => Buffer.from(s, "utf8");

/** Random bytes that can never be JSON: at least one C0 control byte; no newline or carriage return (they would split the line). */
function randomBytes(rng: Rng, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    let v = rng.int(0, 255);
    while (v === 10 || v === 13) v = rng.int(0, 255);
    out[i] = v;
  }
  out[rng.int(0, n - 1)] = rng.int(1, 8);
  return out;
}

/** One way of damaging a line, or `undefined` when it does not apply to this line. */
type Damage = (line: string, rng: Rng, other: string) => Damaged | undefined;

const DAMAGES: Record<string, Damage> = {
  randomBytes: (l, rng) => {
    const at = rng.int(1, l.length - 1);
    return { bytes: Buffer.concat([b(l.slice(0, at)), randomBytes(rng, rng.int(1, 16)), b(l.slice(at))]), expect: "rejected", codes: ["invalid_json", "invalid_utf8"] };
  },
  nulRun: (l, rng) => {
    const at = rng.int(1, l.length - 10);
    return { bytes: b(l.slice(0, at) + "\u0000".repeat(rng.int(1, 2000)) + l.slice(at + rng.int(1, 9))), expect: "rejected", codes: ["invalid_json"] };
  },
  nulPadding: (l, rng) => ({ bytes: b("\u0000".repeat(rng.int(1, 5000)) + l), expect: "recovered", codes: ["torn_fragment"] }),
  tornFragment: (l, rng, other) => ({ bytes: b(other.slice(0, rng.int(1, other.length - 2)) + l), expect: "recovered", codes: ["torn_fragment"] }),
  hugeLine: (_, rng) => ({ bytes: Buffer.alloc(MAX_LINE_BYTES + rng.int(1, 100_000), "a"), expect: "rejected", codes: ["line_too_long"] }),
  deepNesting: (l, rng) => {
    const n = rng.int(10_000, 100_000);
    if (rng.uniform() < 0.5) return { bytes: b("[".repeat(n) + "]".repeat(n)), expect: "rejected", codes: ["not_object"] };
    if (!l.includes('"dimensions": [')) return { bytes: b('{"type": '.repeat(n)), expect: "rejected", codes: ["invalid_json"] };
    return { bytes: b(l.replace('"dimensions": [', `"dimensions": [${"[".repeat(n)}${"]".repeat(n)}, `)), expect: "rejected", codes: ["schema"] };
  },
  invalidUtf8: (l, rng) => {
    const key = rng.pick(['"session_id": "', '"ts": "', '"type": "']);
    const at = l.indexOf(key) + key.length;
    const bad = rng.pick([[0xff, 0xfe], [0xc3], [0xe8, 0xa1], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]);
    return { bytes: Buffer.concat([b(l.slice(0, at)), Buffer.from(bad), b(l.slice(at))]), expect: "rejected", codes: ["invalid_utf8"] };
  },
  outOfRange: (l, rng) => {
    const m = /"(score|pause_ratio|filler_ratio)": [0-9.]+/.exec(l);
    if (!m) return undefined;
    const value = rng.pick(["-20", "250", "-0.5", "1e9"]);
    return { bytes: b(l.replace(m[0], `"${m[1]}": ${value}`)), expect: "warned", codes: ["out_of_range"] };
  },
  hostileDimension: (l, rng) => {
    if (!l.includes('"name": "表达清晰度"')) return undefined;
    return { bytes: b(l.replace('"name": "表达清晰度"', `"name": ${JSON.stringify(rng.pick(HOSTILE_NAMES))}`)), expect: "kept", codes: [] };
  },
};

/** A damaged copy of a generated log, and what each of its lines must give. */
function damagedLog(seed: number) {
  const rng = createRng(seed);
  const lines = [...generateLog({ students: 25, seed }).lines].join("").split("\n").filter((l) => l.length > 0);
  const names = Object.keys(DAMAGES);
  const expect: { expect: Expect; codes: LoadIssue["code"][]; damage: string }[] = [];
  const parts: Buffer[] = [];
  let huge = 0;
  for (const line of lines) {
    let out: Damaged | undefined;
    let damage = "none";
    if (rng.uniform() < 0.3) {
      damage = rng.pick(names);
      if (damage === "hugeLine" && huge++ >= 2) damage = "nulPadding"; // at most two 8 MiB lines: time stays bounded
      out = DAMAGES[damage](line, rng, rng.pick(lines));
    }
    out ??= { bytes: b(line), expect: "kept", codes: [] };
    expect.push({ expect: out.expect, codes: out.codes, damage });
    parts.push(out.bytes, b("\n"));
  }
  return { body: Buffer.concat(parts), expect };
}

/** The invariant, line by line: rows + rejected + skipped = lines, and each line as expected. */
function checkAccounting(r: LoadResult, expect: ReturnType<typeof damagedLog>["expect"], upTo = expect.length) {
  const rows = new Set(r.rows.map((x) => x.line));
  const byLine = new Map<number, LoadIssue[]>();
  for (const i of r.issues) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i]);
  let [kept, rejected, skipped] = [0, 0, 0];
  for (let line = 1; line <= upTo; line++) {
    const issues = byLine.get(line) ?? [];
    const errors = issues.filter((i) => i.severity === "error");
    const e = expect[line - 1];
    const what = `line ${line} (${e.damage}): ${JSON.stringify(issues.map((i) => i.code))}`;
    if (rows.has(line)) {
      kept++;
      assert.equal(errors.length, 0, `a line with a row has no error: ${what}`);
    } else if (errors.length > 0) rejected++;
    else if (issues.some((i) => i.code === "unknown_type")) skipped++;
    assert.equal(rows.has(line), e.expect !== "rejected", what);
    if (e.codes.length > 0) assert.ok(issues.some((i) => e.codes.includes(i.code)), `reported: ${what}`);
  }
  assert.equal(kept + rejected + skipped, upTo);
  return { kept, rejected, skipped };
}

const SEEDS = [1, 2];
const bodies = SEEDS.map(damagedLog);

// Bounded time: ~3 s of CPU each on the machine these were written on (the bound leaves room for a busy machine).
const BOUND = { timeout: 20_000 };

test("fuzz: every line of a damaged log is accounted for, on both paths, plain, multi-member and truncated gzip", BOUND, async () => {
  for (const [s, { body, expect }] of bodies.entries()) {
    const plain = writeTemp(`fuzz-${s}.log`, body);
    const r = await loadMetrics(plain);
    const counts = checkAccounting(r, expect);
    assert.ok(counts.rejected > 10 && counts.kept > 100, JSON.stringify(counts));
    const t = await loadTables(plain, { workers: s === 0 ? 2 : 0, highWaterMark: 1 << 16 });
    assert.deepEqual(t.issues, r.issues);
    assert.equal(t.rows.session_report + t.rows.media_report, r.rows.length);

    // The same bytes as three gzip members: the same lines, rows and issues.
    const thirds = [0, body.length / 3, (2 * body.length) / 3, body.length].map(Math.floor);
    const members = [0, 1, 2].map((i) => gzipSync(body.subarray(thirds[i], thirds[i + 1])));
    const gz = writeTemp(`fuzz-${s}.log.gz`, Buffer.concat(members));
    const g = await loadMetrics(gz);
    assert.deepEqual(g.issues.map((i) => ({ ...i, file: plain })), r.issues);
    assert.deepEqual(g.rows.map((x) => x.line), r.rows.map((x) => x.line));

    // Truncated: the lines before the cut as above; the truncation reported at the line reached.
    const cut = writeTemp(`fuzz-${s}-cut.log.gz`, Buffer.concat(members).subarray(0, members[0].length + (members[1].length >> 1)));
    const c = await loadMetrics(cut);
    const reached = c.issues.find((i) => i.code === "gzip_truncated");
    assert.ok(reached, "truncation reported");
    checkAccounting(c, expect, reached.line - 1);
    assert.ok(c.rows.every((x) => x.line < reached.line));
  }
});

test("fuzz: the CLI exits 0 on damaged logs (1 with --strict, 2 for an unreadable file) and reports what the library does", BOUND, async () => {
  assert.ok(existsSync(join(__dirname, "..", "..", "dist", "cli", "main.js")), "build first: node scripts/build.mjs");
  const { body } = bodies[0];
  const plain = writeTemp("fuzz-cli.log", body);
  const cut = writeTemp("fuzz-cli.log.gz", gzipSync(body).subarray(0, body.length >> 6));
  const lib = await loadMetrics([cut, plain]);
  const run = cli(["summary", "--json", cut, plain]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout).issues, lib.issues);
  const text = cli(["summary", plain]);
  assert.equal(text.status, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/); // hostile names and bytes escaped
  for (const args of [["summary", "--strict", plain], ["summary", "--json", plain, "/nonexistent/metrics.log"]]) {
    const r = cli(args);
    assert.ok([0, 1, 2].includes(r.status), `${args.join(" ")}: exit ${r.status}`);
    assert.equal(r.status, args.includes("--strict") ? 1 : args.includes("/nonexistent/metrics.log") ? 2 : 0, r.stderr);
    assert.ok(r.stderr.split("\n").filter(Boolean).length <= 1, `one line at most on stderr: ${r.stderr}`);
  }
  for (const path of [plain, cut]) assert.deepEqual(readdirSync(dirname(path)), [path.slice(dirname(path).length + 1)]); // nothing written beside the logs
});
