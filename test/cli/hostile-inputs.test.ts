import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeReport } from "../../src/report/write-report";
import { tempDir } from "../helpers";

// Findings of a hostile-input probe, each run through the real CLI on real files. A run that hangs is killed after
// TIMEOUT and fails its test (status -1) instead of hanging the suite.

const BIN = join(__dirname, "..", "..", "bin", "metrics-kit.js");
const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");
const TIMEOUT = 30_000;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** The CLI, killed after `TIMEOUT`. */
function run(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: TIMEOUT, maxBuffer: 1 << 28, ...options });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A bash command line (for `<(…)` and pipes), killed after `TIMEOUT`. */
function bash(script: string): Run {
  const r = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout: TIMEOUT, maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A word quoted for the shell. */
const q = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The CLI through bash with `args`, `LOG` replaced by a process substitution of `file` (`/dev/fd/N`: an anonymous pipe). */
const runOnSubstitution = (file: string, args: string[]) => bash(`exec node ${q(BIN)} ${args.map((a) => (a === "LOG" ? `<(cat ${q(file)})` : q(a))).join(" ")}`);

/** A named pipe at `path` (mkfifo), fed `file`'s bytes by a writer process once a reader opens it. */
function fifo(path: string, file: string): ChildProcess {
  rmSync(path, { force: true });
  assert.equal(spawnSync("mkfifo", [path]).status, 0, "mkfifo");
  return spawn("sh", ["-c", 'cat "$0" > "$1"', file, path], { stdio: "ignore" });
}

/** The CLI reading `path` as a FIFO fed `file` (the writer ended afterwards, whether or not it was read). */
function runOnFifo(path: string, file: string, args: string[], cwd?: string): Run {
  const writer = fifo(path, file);
  try {
    return run(args, { cwd });
  } finally {
    writer.kill();
  }
}

/** Text with the log's name (`files`, issues' `file`) replaced by LOG: `path`, or any /dev/fd/N. */
const named = (text: string, path: string) => text.replaceAll(path, "LOG").replace(/\/dev\/fd\/\d+/g, "LOG");

// ——— 1. A FIFO, a process substitution or /dev/stdin is streamed like `-` ———

/** Each command that reads logs, with `LOG` standing for the log and `OUT` for a fresh output path. */
const READERS: { name: string; args: string[]; result(r: Run, out: string): string }[] = [
  { name: "summary", args: ["summary", "LOG", "--json"], result: (r) => r.stdout },
  { name: "analyze", args: ["analyze", "LOG", "--json"], result: (r) => r.stdout },
  { name: "replay", args: ["replay", "LOG", "--json"], result: (r) => r.stdout },
  { name: "sql", args: ["sql", "LOG", "select count(*) n, sum(overall_score) s from sessions", "--json"], result: (r) => r.stdout + r.stderr },
  { name: "compare", args: ["compare", "LOG", "--a-until", "2025-10-01", "--b-since", "2025-10-01", "--json"], result: (r) => r.stdout },
  { name: "report", args: ["report", "LOG", "--out", "OUT"], result: (r, out) => named(r.stdout, out) + readFileSync(out, "utf8") },
  { name: "export", args: ["export", "LOG", "--out", "OUT", "--format", "csv", "--tables", "sessions"], result: (r, out) => named(r.stdout, out) + readFileSync(join(out, "sessions", "sessions.csv"), "utf8") },
];

const withArgs = (args: string[], log: string, out: string) => args.map((a) => (a === "LOG" ? log : a === "OUT" ? out : a));

test("a log given as a FIFO, a process substitution or /dev/stdin: every command reads it once, like the regular file, caching and memoising nothing", () => {
  const dir = tempDir();
  const cache = join(dir, "cache");
  for (const { name, args, result } of READERS) {
    const out = (k: string) => join(dir, `${name}-${k}`);
    const plain = run([...withArgs(args, sample, out("plain")), "--no-cache"]);
    assert.equal(plain.status, 0, `${name}: ${plain.stderr}`);
    const expected = named(result(plain, out("plain")), sample);
    // a process substitution, the cache on and off
    for (const cacheArgs of [["--cache-dir", cache], ["--no-cache"]]) {
      const sub = runOnSubstitution(sample, [...withArgs(args, "LOG", out(cacheArgs[0])), ...cacheArgs]);
      assert.equal(sub.status, 0, `${name} <(…) ${cacheArgs[0]}: ${sub.stderr}`);
      assert.equal(named(result(sub, out(cacheArgs[0])), sample), expected, `${name} <(…) ${cacheArgs[0]}`);
    }
    // a named pipe, the cache on
    const pipe = join(dir, "pipe.log");
    const viaFifo = runOnFifo(pipe, sample, [...withArgs(args, pipe, out("fifo")), "--cache-dir", cache]);
    assert.equal(viaFifo.status, 0, `${name} FIFO: ${viaFifo.stderr}`);
    assert.equal(named(result(viaFifo, out("fifo")), pipe), expected, `${name} FIFO`);
  }
  // /dev/stdin on a pipe
  const stdin = bash(`cat ${q(sample)} | node ${q(BIN)} summary /dev/stdin --json --cache-dir ${q(cache)}`);
  assert.equal(stdin.status, 0, stdin.stderr);
  assert.equal(named(stdin.stdout, "/dev/stdin"), named(run(["summary", sample, "--json", "--no-cache"]).stdout, sample));
  assert.deepEqual(existsSync(cache) ? readdirSync(cache) : [], [], "nothing cached, nothing memoised");
});

test("a memoised command whose log became a FIFO reads the FIFO: the memo's check never opens it (nor a --users FIFO)", () => {
  const dir = tempDir();
  const cache = join(dir, "cache");
  const small = readFileSync(sample, "utf8").split("\n").slice(0, 5).join("\n") + "\n";
  writeFileSync(join(dir, "x.log"), small);
  const args = ["summary", "x.log", "--json", "--cache-dir", cache];
  const first = run(args, { cwd: dir });
  assert.equal(first.status, 0, first.stderr);
  assert.equal(run(args, { cwd: dir }).stdout, first.stdout);
  assert.equal(readdirSync(cache).filter((f) => f.endsWith(".memo")).length, 1, "memoised while x.log is a regular file");
  // the same command line, x.log now a FIFO fed the whole sample
  const viaFifo = runOnFifo(join(dir, "x.log"), sample, args, dir);
  assert.equal(viaFifo.status, 0, viaFifo.stderr);
  assert.equal(viaFifo.stdout, run(["summary", sample, "--json", "--no-cache"]).stdout.replaceAll(JSON.stringify(sample), '"x.log"'));
  assert.equal(readdirSync(cache).filter((f) => f.endsWith(".memo")).length, 1, "nothing memoised for the FIFO");
  // --users as a FIFO, with the cache on: the users are read, once
  const user = /"user_id": "([^"]+)"/.exec(small)![1];
  writeFileSync(join(dir, "users.txt"), `${user}\n`);
  const expected = run(["summary", sample, "--json", "--users", join(dir, "users.txt"), "--no-cache"]);
  const users = runOnFifo(join(dir, "users.fifo"), join(dir, "users.txt"), ["summary", sample, "--json", "--users", join(dir, "users.fifo"), "--cache-dir", cache]);
  assert.equal(users.status, 0, users.stderr);
  assert.equal(users.stdout, expected.stdout);
  assert.ok(JSON.parse(users.stdout).sessions > 0);
});

test("a folder given as a log: one line naming it, exit 2, with the cache on and off", () => {
  const dir = tempDir();
  for (const cacheArgs of [["--cache-dir", join(dir, "cache")], ["--no-cache"]]) {
    for (const args of [["summary", dir], ["sql", dir, "select count(*) from sessions"], ["compare", dir]]) {
      const r = run([...args, ...cacheArgs]);
      assert.equal(r.status, 2, `${args[0]} ${cacheArgs[0]}`);
      assert.equal(r.stderr, `metrics-kit: cannot read ${dir}: it is a folder\n`);
    }
  }
});

// ——— 2. An output never replaces a file the command reads ———

test("report --out naming a file it reads (same path, another spelling, a symbolic link either way, the default log, --users, --rules): refused even with --force, one line, exit 2, untouched", async () => {
  const dir = tempDir();
  const log = join(dir, "metrics.log");
  writeFileSync(log, readFileSync(sample));
  symlinkSync("metrics.log", join(dir, "link.log"));
  writeFileSync(join(dir, "users.txt"), "u_4d6b8fa8\n");
  writeFileSync(join(dir, "rules.json"), "{}\n");
  const cases: [string[], string, string][] = [
    [[log], log, `cannot write ${log}: it is a file this command reads`],
    [[log], `${dir}/.//metrics.log`, `it is ${log}, a file this command reads`],
    [[log], join(dir, "link.log"), `it is ${log}, a file this command reads`],
    [[join(dir, "link.log")], log, `it is ${join(dir, "link.log")}, a file this command reads`],
    [[], "./metrics.log", "cannot write ./metrics.log: it is metrics.log, a file this command reads"], // the default log, run in dir
    [[log, "--users", join(dir, "users.txt")], join(dir, "users.txt"), "it is a file this command reads"],
    [[log, "--rules", join(dir, "rules.json")], join(dir, "rules.json"), "it is a file this command reads"],
  ];
  for (const [args, out, message] of cases) {
    const before = [log, join(dir, "users.txt"), join(dir, "rules.json")].map((f) => readFileSync(f));
    const r = run(["report", ...args, "--out", out, "--force"], { cwd: dir });
    assert.equal(r.status, 2, `${args.join(" ")} --out ${out}`);
    assert.equal(r.stderr.split("\n").length, 2, r.stderr);
    assert.ok(r.stderr.startsWith("metrics-kit: ") && r.stderr.includes(message), r.stderr);
    assert.deepEqual([log, join(dir, "users.txt"), join(dir, "rules.json")].map((f) => readFileSync(f)), before);
    assert.equal(lstatSync(join(dir, "link.log")).isSymbolicLink(), true);
  }
  // the library's writeReport refuses it too
  await assert.rejects(writeReport(log, join(dir, "link.log"), { force: true }), /a file this command reads/);
  assert.deepEqual(readFileSync(log), readFileSync(sample));
});

test("generate --truth and --out naming one file through a linked folder: refused before anything is written", () => {
  const dir = tempDir();
  mkdirSync(join(dir, "real"));
  symlinkSync("real", join(dir, "alias"));
  const r = run(["generate", "--out", join(dir, "real", "g.log"), "--truth", join(dir, "alias", "g.log"), "--students", "2", "--force"]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, `metrics-kit: --truth and --out are the same file (${join(dir, "real", "g.log")})\n`);
  assert.deepEqual(readdirSync(join(dir, "real")), []);
});

// ——— 3. --users: a file, or a list of ids, by one rule ———

test("--users that looks like a path (a /, or .txt, .csv …) but names no file, or names a folder: one line, exit 2, before the log is read, on every filtering command", () => {
  const dir = tempDir();
  const cases: [string, string][] = [
    [join(dir, "missing", "users.txt"), `--users: no such file: ${join(dir, "missing", "users.txt")}`],
    ["users.txt", "--users: no such file: users.txt"],
    ["cohort.CSV", "--users: no such file: cohort.CSV"],
    ["team/u1", "--users: no such file: team/u1"],
    [dir, `--users: ${dir} is a folder, not a file of user ids`],
  ];
  const commands = [["summary"], ["analyze"], ["replay"], ["sql", "select 1"], ["report", "--out", join(dir, "r.html")], ["export", "--out", join(dir, "ds")]];
  for (const [value, message] of cases) {
    for (const [name, ...rest] of commands) {
      const r = run([name, sample, ...rest, "--users", value, "--no-cache"], { cwd: dir });
      assert.equal(r.status, 2, `${name} --users ${value}`);
      assert.equal(r.stderr, `metrics-kit: ${message}\n`, `${name} --users ${value}`);
    }
  }
  assert.deepEqual(readdirSync(dir), [], "nothing written");
});

test("--users: an existing file is read whatever its name, any other value is a list of ids (a list too long to be a path too)", () => {
  const dir = tempDir();
  const ids = [...new Set([...readFileSync(sample, "utf8").matchAll(/"user_id": "(u_[0-9a-f]+)"/g)].map((m) => m[1]))].slice(0, 3);
  const sessions = (args: string[]) => {
    const r = run(["summary", sample, "--json", "--no-cache", ...args], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout).sessions as number;
  };
  const expected = sessions(["--users", ids.join(",")]);
  assert.ok(expected > 0);
  writeFileSync(join(dir, "cohort"), `# a file without an ending\n${ids.join("\n")}\n`);
  assert.equal(sessions(["--users", "cohort"]), expected);
  assert.equal(sessions(["--users", join(dir, "cohort")]), expected);
  const long = [...ids, ...Array.from({ length: 3000 }, (_, k) => `nobody_${k}`)].join(",");
  assert.equal(sessions(["--users", long]), expected);
  assert.match(run(["summary", "--help"]).stdout, /must\s+name\s+a\s+file/);
});

// ——— 4. compare: its own option names, n = 0 for an empty side, terminal-safe text ———

test("compare: errors name the --a-/--b- option the user gave, one line, exit 2", () => {
  const dir = tempDir();
  const cases: [string[], string][] = [
    [["--a-since", "soon"], '--a-since: "soon" is not an ISO date (YYYY-MM-DD) or date-time'],
    [["--b-since", "soon"], '--b-since: "soon" is not an ISO date (YYYY-MM-DD) or date-time'],
    [["--a-until", "2025-13-45"], '--a-until: "2025-13-45" is not an ISO date (YYYY-MM-DD) or date-time'],
    [["--b-until", "later"], '--b-until: "later" is not an ISO date (YYYY-MM-DD) or date-time'],
    [["--b-since", "2025-11-01", "--b-until", "2025-10-01"], "--b-since 2025-11-01 is not before --b-until 2025-10-01"],
    [["--a-users", "cohort.txt"], "--a-users: no such file: cohort.txt"],
    [["--b-users", dir], `--b-users: ${dir} is a folder, not a file of user ids`],
    [["--a-users", ","], "--a-users: the list names no user id"],
  ];
  for (const [args, message] of cases) {
    const r = run(["compare", sample, ...args, "--no-cache"], { cwd: dir });
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stderr, `metrics-kit: ${message}\n`);
  }
});

test("compare --json: an empty side has n = 0 for every dimension, its other figures and verdicts null; every figure has the same keys", () => {
  const r = run(["compare", sample, "--a-since", "2030-01-01", "--json", "--no-cache"]);
  assert.equal(r.status, 0, r.stderr);
  const c = JSON.parse(r.stdout) as { figures: { figure: string; a: number | null; b: number | null; change: number | null }[]; verdicts: { dimension: string; a: string | null; b: string | null }[] };
  assert.ok(c.figures.every((f) => JSON.stringify(Object.keys(f)) === '["figure","a","b","change"]'));
  const ns = c.figures.filter((f) => f.figure.endsWith(": n"));
  assert.equal(ns.length, c.verdicts.length);
  for (const f of ns) assert.deepEqual(f, { figure: f.figure, a: 0, b: f.b, change: f.b }, f.figure);
  assert.ok(ns.every((f) => f.b! > 0));
  for (const f of c.figures.filter((f) => /: (mean|std|retest_r|item_rest_r|ceiling_share)$/.test(f.figure) || f.figure === "cronbach_alpha")) {
    assert.equal(f.a, null, f.figure);
    assert.equal(f.change, null, f.figure);
  }
  assert.deepEqual(c.figures.find((f) => f.figure === "sessions")?.a, 0);
  assert.ok(c.verdicts.every((v) => v.a === null && v.b !== null));
});

/** A log whose dimension names hold an escape sequence, a carriage return and a bidi override. */
function hostileDimensionLog(dir: string): { log: string; name: string } {
  const name = "clar\u001b[31mity\r\u202e";
  const rows = readFileSync(sample, "utf8").split("\n").filter((l) => l.includes('"session_report"')).slice(0, 40);
  const log = join(dir, "hostile.log");
  writeFileSync(log, rows.map((l) => l.replaceAll('"表达清晰度"', JSON.stringify(name))).join("\n") + "\n");
  return { log, name };
}

test("compare's text escapes control characters from the log (dimension names) as summary does; --json keeps them exact", () => {
  const { log, name } = hostileDimensionLog(tempDir());
  const text = run(["compare", log, "--a-until", "2025-10-01", "--b-since", "2025-10-01", "--no-cache"]);
  assert.equal(text.status, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  assert.ok(text.stdout.includes("clar\\x1b[31mity\\x0d\\u202e: mean"), text.stdout);
  const json = run(["compare", log, "--a-until", "2025-10-01", "--b-since", "2025-10-01", "--json", "--no-cache"]);
  assert.ok((JSON.parse(json.stdout) as { verdicts: { dimension: string }[] }).verdicts.some((v) => v.dimension === name));
});

// ——— 5. sql: a usage error without a query; a terminal-safe text table ———

test("sql without a query (none, empty, blank, only ; or comments, a log last): one usage line, exit 2, before the log is read", () => {
  const dir = tempDir();
  const usage = 'give the query last, after the log files: metrics-kit sql [LOG…] "select …"';
  const cases: [string[], string][] = [
    [[sample, ""], `sql: the query is empty; ${usage}`],
    [[sample, "  \n\t "], `sql: the query is empty; ${usage}`],
    [[sample, " ; ;"], `sql: the query is empty; ${usage}`],
    [[sample, "/* nothing */ ;"], `sql: the query is empty; ${usage}`],
    [[sample], `sql: no query: the last argument (${sample}) is a log, not a query; ${usage}`],
    [[sample, "-"], `sql: no query: the last argument (-) is a log, not a query; ${usage}`],
    [[sample, "--json"], `sql: no query: the last argument (${sample}) is a log, not a query; ${usage}`],
    [[], "missing required argument 'logs-and-query'"],
  ];
  for (const [args, message] of cases) {
    const r = run(["sql", ...args, "--no-cache"], { cwd: dir });
    assert.equal(r.status, 2, JSON.stringify(args));
    assert.equal(r.stderr, `metrics-kit: ${message}\n`, JSON.stringify(args));
    assert.equal(r.stdout, "");
  }
});

test("sql's text table escapes control characters in cells and column names from the log or the query; --json and --csv keep them exact", () => {
  const { log, name } = hostileDimensionLog(tempDir());
  const column = "col\u001b[2J\rX";
  const query = `select distinct dimension as "${column}" from scores order by 1`;
  const text = run(["sql", log, query, "--no-cache"]);
  assert.equal(text.status, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  const lines = text.stdout.trimEnd().split("\n");
  assert.equal(lines[0].trimEnd(), "col\\x1b[2J\\x0dX");
  assert.ok(lines.includes("clar\\x1b[31mity\\x0d\\u202e"), text.stdout);
  assert.equal(lines[1].length, Math.max(...lines.slice(2).map((l) => l.length), lines[0].length), "aligned on the escaped text");
  const json = run(["sql", log, query, "--json", "--no-cache"]);
  assert.ok((JSON.parse(json.stdout) as Record<string, string>[]).some((row) => row[column] === name));
  const csv = run(["sql", log, query, "--csv", "--no-cache"]);
  assert.ok(csv.stdout.startsWith(`"${column}"\n`) || csv.stdout.startsWith(`${column}\n`), JSON.stringify(csv.stdout));
  assert.ok(csv.stdout.includes(`"${name}"`), JSON.stringify(csv.stdout));
});

test("export --force never replaces a table folder that holds the --users file it reads: one line, exit 2, the file kept", () => {
  const out = tempDir();
  const first = run(["export", sample, "--format", "csv", "--tables", "sessions", "--out", out]);
  assert.equal(first.status, 0, first.stderr);
  const ids = readFileSync(sample, "utf8").match(/"user_id": "(u_[0-9a-f]+)"/)![1];
  const users = join(out, "sessions", "cohort.txt");
  writeFileSync(users, `${ids}\n`);
  const r = run(["export", sample, "--format", "csv", "--tables", "sessions", "--out", out, "--force", "--users", users]);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, `metrics-kit: ${join(out, "sessions")} holds a file being read (a log or a --users file); it is not replaced\n`);
  assert.equal(readFileSync(users, "utf8"), `${ids}\n`);
});

test("one log given twice (the same name, ./name, a link to it, - twice) is one line, exit 2, before anything is read: its rows would count twice", () => {
  const dir = tempDir();
  const log = join(dir, "m.log");
  writeFileSync(log, readFileSync(sample));
  symlinkSync(log, join(dir, "link.log"));
  for (const [args, message] of [
    [[log, log], `${log}: it is given twice`],
    [[log, `${dir}/./m.log`], `${dir}/./m.log: it is ${log} again`],
    [[log, join(dir, "link.log")], `${join(dir, "link.log")}: it is ${log} again`],
  ] as const) {
    for (const cache of [[], ["--no-cache"]]) {
      const r = run(["summary", ...args, ...cache]);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `metrics-kit: cannot read ${message} (give each log once)\n`);
    }
  }
  const stdin = run(["summary", "-", "-"], { input: readFileSync(sample, "utf8") });
  assert.equal(stdin.stderr, "metrics-kit: cannot read -: it is given twice (give each log once)\n");
  const two = run(["summary", log, sample, "--json"]);
  assert.equal(two.status, 0, "two files with the same bytes are two logs");
});
