import type { ColumnSpec } from "./column-spec";
import type { ChunkColumn, TableChunk } from "./store-chunk";
import type { Interner } from "./interner";
import type { ListInterner } from "./list-interner";
import type { PackedText } from "./text-column";
import { TextParts, type TextColumn } from "./text-column";
import { BlockParts, type BlockColumn, type TypedArray } from "./block-column";
import { SparseParts, type SparseColumn } from "./sparse-column";
import { CodedColumn } from "./coded-column";
import type { Column } from "./column";

/** What appending one table's part of a chunk needs besides the chunk. */
export interface AppendContext {
  /** The chunk's thread codes as the assembler's string codes; `lists`: as list codes (computed on first use). */
  strings: (codes: Int32Array) => Int32Array;
  lists: (codes: Int32Array) => Int32Array;
  /** The chunk's rows' session codes (in the assembler's `sessionIds`). */
  sessions: Int32Array;
  file: number;
  lineBase: number;
}

/** The interned values the assembled columns read. */
export interface StoreValues {
  strings: Interner;
  lists: ListInterner;
  sessionIds: Interner;
}

/** One column being assembled: fed each chunk, finished into its column. */
interface Part {
  push(table: TableChunk, c: AppendContext): void;
  finish(): Column<unknown>;
}

/** Columns assembled before, to go on from (a snapshot's), and the code of the file they were read from. */
export interface PartsSeed {
  columns: Record<string, Column<unknown>>;
  file: number;
}

/** The part assembling a (non-sparse) spec's column, going on from the seed's column when there is one. */
function part(spec: ColumnSpec<never>, values: StoreValues, seed?: PartsSeed): Part {
  const of = (t: TableChunk) => t.columns[spec.name] as ChunkColumn;
  const coded = (parts: BlockParts<Int32Array>, v: readonly unknown[]) => () => new CodedColumn(parts.finish(), v);
  const from = seed?.columns[spec.name];
  const blocks = <A extends TypedArray>(make: new (n: number) => A) => (from ? BlockParts.from((from instanceof CodedColumn ? from.codes : from) as BlockColumn<A>, make) : new BlockParts(make));
  switch (spec.kind) {
    case "string":
    case "list": {
      const parts = blocks(Int32Array);
      const map = spec.kind === "list" ? "lists" : "strings";
      return { push: (t, c) => parts.push(c[map](of(t) as Int32Array)), finish: coded(parts, spec.kind === "list" ? values.lists.values : values.strings.values) };
    }
    case "text": {
      const parts = from ? TextParts.from(from as TextColumn) : new TextParts();
      return { push: (t) => parts.push(of(t) as PackedText), finish: () => parts.finish() };
    }
    case "session": {
      const parts = blocks(Int32Array);
      return { push: (_, c) => parts.push(c.sessions), finish: coded(parts, values.sessionIds.values) };
    }
    case "file": {
      const parts = new BlockParts(Int32Array);
      if (from) parts.repeat(seed!.file, from.length);
      return { push: (t, c) => parts.repeat(c.file, t.n), finish: coded(parts, values.strings.values) };
    }
    case "line": {
      const parts = blocks(Uint32Array);
      return { push: (t, c) => parts.push(t.line, c.lineBase), finish: () => parts.finish() };
    }
    default: {
      const parts = blocks(Float64Array);
      return { push: (t) => parts.push(of(t) as Float64Array), finish: () => parts.finish() };
    }
  }
}

/**
 * Assembles one table's columns from its part of each chunk, as its specs say: numbers into fixed-size blocks
 * (`BlockParts`), strings and lists as codes into the store's interners, text packed, the specs of a `sparse`
 * group kept where present, sharing one rank (`SparseParts`).
 *
 * @example const p = new TableParts(MEDIA_SPECS, values); p.push(chunk.media, context); p.finish()["audio.speech_rate"]
 */
export class TableParts {
  private parts: [string, Part][] = [];
  private groups = new Map<string, { names: string[]; parts: SparseParts }>();

  /** `seed`: columns to go on from (with the code of their file), as `finish` gave them. */
  constructor(private readonly specs: readonly ColumnSpec<never>[], values: StoreValues, seed?: PartsSeed) {
    for (const spec of specs) {
      if (spec.sparse === undefined) this.parts.push([spec.name, part(spec, values, seed)]);
      else {
        const group = this.groups.get(spec.sparse) ?? { names: [], parts: undefined as unknown as SparseParts };
        group.names.push(spec.name);
        this.groups.set(spec.sparse, group);
      }
    }
    for (const g of this.groups.values()) {
      g.parts = seed ? SparseParts.from(g.names.map((name) => seed.columns[name] as SparseColumn)) : new SparseParts(g.names.length);
    }
  }

  push(table: TableChunk, c: AppendContext): void {
    for (const [, p] of this.parts) p.push(table, c);
    for (const g of this.groups.values()) g.parts.push(g.names.map((name) => table.columns[name] as Float64Array));
  }

  /** The columns by spec name, in spec order (more chunks may still be pushed after). */
  finish(): Record<string, Column<unknown>> {
    const done = new Map<string, Column<unknown>>(this.parts.map(([name, p]) => [name, p.finish()]));
    for (const g of this.groups.values()) g.parts.finish().forEach((column, k) => done.set(g.names[k], column));
    return Object.fromEntries(this.specs.map((s) => [s.name, done.get(s.name)!]));
  }
}
