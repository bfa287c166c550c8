import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTables, loadMetrics, parseTimestamp, columnKinds, REPORT_SPECS, MEDIA_SPECS, ChunkBuilder, Interner, chunkTransferList, CHUNK_SPECS, dimensionColumn, type ColumnSpec } from "../../src/index";

const LOG = "data/sample/metrics.log";

/** What a spec's column must hold for a row: its `read`, as the column kind stores it. */
function expected(spec: ColumnSpec<never>, row: never, at: { file: string; line: number }): unknown {
  if (spec.kind === "file") return at.file;
  if (spec.kind === "line") return at.line;
  const v = spec.read!(row) as unknown;
  if (spec.kind === "timestamp") return new Date(parseTimestamp(v as string)!);
  if (spec.kind === "number" || spec.kind === "count") return v ?? NaN;
  return v ?? null;
}

test("the tables' columns are the specs' own, in their order (dimensions after overall_score, n_reports before file)", async () => {
  const t = await loadTables(LOG, { cache: false });
  const names = REPORT_SPECS.flatMap((s) => [
    ...(s.name === "file" ? ["n_reports"] : []),
    s.name,
    ...(s.name === "overall_score" ? t.dimensions.map(dimensionColumn) : []),
  ]);
  assert.deepEqual(t.sessions.columnNames(), names);
  assert.deepEqual(t.media.columnNames(), MEDIA_SPECS.map((s) => s.name));
  const kinds = columnKinds(t.media);
  for (const s of MEDIA_SPECS) assert.equal(kinds.get(s.name), { number: "double", count: "integer", timestamp: "timestamp", list: "list", line: "integer" }[s.kind as string] ?? "varchar", s.name);
});

test("every row's value in every spec's column is what the spec reads from the row", async () => {
  const t = await loadTables(LOG, { cache: false });
  const { rows } = await loadMetrics(LOG);
  const media = rows.filter((r) => r.row.type === "media_report");
  const got = t.media.objects() as Record<string, unknown>[];
  assert.equal(got.length, media.length);
  media.forEach((r, i) => {
    for (const s of MEDIA_SPECS) assert.deepEqual(got[i][s.name], expected(s as ColumnSpec<never>, r.row as never, r), `media row ${i} ${s.name}`);
  });
  const current = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (r.row.type === "session_report") {
    const prev = current.get(r.row.session_id);
    if (!prev || parseTimestamp(r.row.ts)! >= parseTimestamp(prev.row.ts)!) current.set(r.row.session_id, r);
  }
  const sessions = t.sessions.objects() as Record<string, unknown>[];
  assert.equal(sessions.length, current.size);
  for (const got of sessions) {
    const r = current.get(got.session_id as string)!;
    for (const s of REPORT_SPECS) assert.deepEqual(got[s.name], expected(s as ColumnSpec<never>, r.row as never, r), `${r.line} ${s.name}`);
  }
});

test("a chunk's every column buffer is in its transfer list (none is cloned between threads)", async () => {
  const { rows } = await loadMetrics(LOG);
  const b = new ChunkBuilder(rows.length, new Interner({ id: 1 }));
  for (const r of rows) b.add(r.row, r.line);
  const chunk = b.finish();
  const buffers = new Set(chunkTransferList(chunk));
  const buffersOf = (c: unknown): ArrayBufferView[] => (ArrayBuffer.isView(c) ? [c] : [(c as { bytes: Uint8Array }).bytes, (c as { ends: Uint32Array }).ends]);
  const views = [chunk.reports, chunk.media].flatMap((t) => [t.line, ...Object.values(t.columns).flatMap(buffersOf)]);
  for (const v of [...views, ...chunk.reports.scores, ...chunk.reports.comments]) assert.ok(buffers.has(v.buffer as ArrayBuffer));
  assert.deepEqual(Object.keys(chunk.reports.columns), CHUNK_SPECS.reports.map((s) => s.name));
  assert.deepEqual(Object.keys(chunk.media.columns), CHUNK_SPECS.media.map((s) => s.name));
});
