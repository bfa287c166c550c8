import type { Rng } from "./rng";
import type { ScenarioParams } from "./scenarios";
import { pyDumps, pyInt, pyIsoformat, PyJsonWriter } from "./python-json-writer";

const HOUR = 3_600_000;
/** The kinds of injected fault: lines the loader must reject or skip. */
export const FAULT_KINDS = ["torn_line", "invalid_json", "wrong_type", "missing_key", "unknown_type"] as const;

/** What was planted on one line of a block's log. */
export interface LinePlants {
  /** Kept-line quirks (NaN row, re-report, orphan media, guest…). */
  quirks?: string[];
  /** An injected fault (a line the loader must reject or skip). */
  fault?: string;
}

const NONE: LinePlants = Object.freeze({});

/**
 * Writes a block's rows as the backend would, one event at a time, into UTF-8 bytes: each row with its `ts` (the
 * log's timestamp quirks at the scenario's rates) or, at the fault rate, a damaged version of it; and lists what
 * was planted on every line.
 *
 * @example const sink = new RowSink(rng, params.quirks, 0.01, faultRng); sink.write(row, when, ["guest"]); sink.lines.length // 1 or 2
 */
export class RowSink {
  /** The plants of the current event's lines, one per line. */
  lines: LinePlants[] = [];
  /** Unknown-type lines written (they precede the row they stand for). */
  unknownType = 0;
  readonly json = new PyJsonWriter();
  private lastIntact = -1;

  /**
   * @param rng - the block's stream: the timestamps' quirks and microseconds
   * @param faultRng - the faults' own stream (whether a line is damaged, how): drawn only with `faults` > 0, and never
   *   from `rng`, so the same seed with and without faults gives the same rows
   */
  constructor(private rng: Rng, private quirks: ScenarioParams["quirks"], private faults: number, private faultRng: Rng) {}

  /** Starts a new event: the previous event's bytes and plants have been taken. */
  reset(): void {
    this.json.reset();
    this.lines = [];
    this.lastIntact = -1;
  }

  /** Adds a quirk to the last line written intact in this event (e.g. `orphan_media` on a session's last media row). */
  markLastIntact(quirk: string): void {
    if (this.lastIntact >= 0) this.lines[this.lastIntact] = { quirks: [...(this.lines[this.lastIntact].quirks ?? []), quirk] };
  }

  /**
   * Stamps `row` with the `ts` of `ms` and writes it, or a damaged version of it; returns whether it survived
   * intact. `quirks` are recorded on the line, or if there are none the timestamp's own quirk.
   */
  write(row: Record<string, unknown>, ms: number, quirks: readonly string[] = []): boolean {
    const stamp = this.timestamp(ms);
    row.ts = stamp.ts;
    const kept = quirks.length > 0 ? [...quirks] : stamp.quirk ? [stamp.quirk] : [];
    if (this.faults > 0 && this.faultRng.bernoulli(this.faults)) {
      const kind = this.faultRng.pick(FAULT_KINDS);
      if (kind !== "unknown_type") {
        this.damaged(row, kind);
        return false;
      }
      this.json.value({ type: "interview_event", session_id: row.session_id, event: "heartbeat", ts: row.ts });
      this.emit({ fault: kind });
      this.unknownType++;
    }
    this.json.value(row); // after an unknown-type line, the row itself follows on a line of its own
    this.emit(kept.length > 0 ? { quirks: kept } : NONE);
    return true;
  }

  private damaged(row: Record<string, unknown>, kind: (typeof FAULT_KINDS)[number]): void {
    if (kind === "wrong_type") this.json.value({ ...row, session_id: pyInt(this.faultRng.int(1, 99999)) });
    else if (kind === "missing_key") this.json.value(Object.fromEntries(Object.entries(row).filter(([k]) => k !== "session_id")));
    else if (kind === "invalid_json") this.json.raw(pyDumps(row).replace('": "', '" "'));
    else {
      const full = pyDumps(row);
      this.json.raw(full.slice(0, 1 + Math.floor(this.faultRng.uniform() * (full.length - 2))));
    }
    this.emit({ fault: kind });
  }

  /** Ends the line begun in `json` and records what was planted on it. */
  private emit(plants: LinePlants): void {
    this.json.byte(10);
    if (!plants.fault) this.lastIntact = this.lines.length;
    this.lines.push(plants);
  }

  /** `datetime.utcnow().isoformat()` of `ms`, or at their rates the quirks: an offset, no microseconds. */
  private timestamp(ms: number): { ts: string; quirk?: string } {
    if (this.rng.bernoulli(this.quirks.offsetTs)) {
      const local = new Date(ms + 8 * HOUR).toISOString().slice(0, 19);
      return { ts: `${local}+08:00`, quirk: "offset_ts" };
    }
    if (this.rng.bernoulli(this.quirks.noMicroseconds)) return { ts: pyIsoformat(ms, 0), quirk: "no_microseconds" };
    return { ts: pyIsoformat(ms, this.rng.int(1, 999_999)) };
  }
}
