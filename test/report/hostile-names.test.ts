import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { writeReport } from "../../src/index";
import { tempDir } from "../helpers";
import { launchChromium, screenshot, watchedPage } from "../browser";
import { HOSTILE_NAMES, HOSTILE_USERS, LONG_NAME, LONG_WORD, hostileNamesLog } from "../dataset/hostile-names-log";

// One report of the 14 hostile dimension names (test/dataset/hostile-names-log.ts), from a log whose file name holds
// a bidi override, opened in Chromium once for every test of this file.
const RTL_FILE = "hostile\u202egol.log";
let browser: Browser;
let report: string;

before(async () => {
  const log = join(tempDir(), RTL_FILE);
  copyFileSync(hostileNamesLog(), log);
  report = join(tempDir(), "hostile.html");
  await writeReport(log, report);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** The report at a viewport width, drawn (the tuner ready), with the errors it logs. */
async function openReport(width = 1280): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await watchedPage(browser, { width, height: 900 });
  await page.goto(pathToFileURL(report).href);
  await page.waitForFunction(() => (window as unknown as { metricsKitReport?: { ready?: boolean } }).metricsKitReport?.ready === true, undefined, { timeout: 60_000 });
  return { page, errors };
}

/**
 * The left edges, as laid out, of the characters of `needle` where it first follows `anchor` in the text of the
 * element `selector`: increasing when the needle reads left to right, decreasing when a bidi override upstream
 * reversed it.
 */
function needleLefts(page: Page, selector: string, anchor: string, needle: string): Promise<number[]> {
  return page.evaluate(({ selector, anchor, needle }) => {
    const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const a = text.indexOf(anchor);
      const at = a < 0 ? -1 : text.indexOf(needle, a + anchor.length);
      if (at < 0) continue;
      return Array.from(needle, (_, k) => {
        const range = document.createRange();
        range.setStart(node!, at + k);
        range.setEnd(node!, at + k + 1);
        return range.getBoundingClientRect().left;
      });
    }
    throw new Error(`no ${JSON.stringify(needle)} after ${JSON.stringify(anchor)} in ${selector}`);
  }, { selector, anchor, needle });
}

const increasing = (xs: readonly number[]) => xs.every((x, k) => k === 0 || x > xs[k - 1]);

test("a bidi override in a dimension name, a user id or a file name reverses nothing around it in the report", async () => {
  const { page, errors } = await openReport();
  // In sentences: the text after a name whose override is left open still reads left to right.
  const after = await needleLefts(page, "#answers", "\u202eopen", "(ICC");
  assert.ok(increasing(after), `"(ICC" after the open override is laid out right to left: ${after}`);
  const progress = await needleLefts(page, "#answers", "\u202eopen", "improved");
  assert.ok(increasing(progress), `progress answer: ${progress}`);
  // A stray isolate terminator in a name cannot end its isolate early (and let the override after it out).
  const stray = await needleLefts(page, "#answers", "\u202estray", "improved");
  assert.ok(increasing(stray), `after a stray PDI: ${stray}`);
  const files = await needleLefts(page, "#data-quality", RTL_FILE, "sessions");
  assert.ok(increasing(files), `the file name's override reverses the data-quality line: ${files}`);
  // The tuner's agreement line names the chosen dimension; its flagged sessions list ids.
  await page.selectOption("#outcome", "risk:rtl \u202edesrever\u202c then \u202eopen");
  const agreement = await needleLefts(page, "#tuner-agreement", "\u202eopen", "against");
  assert.ok(increasing(agreement), `the tuner's agreement line: ${agreement}`);
  await page.evaluate(() => {
    const on = document.querySelector<HTMLInputElement>('input[type=checkbox][data-path="media.audio.speech_rate.min"]')!;
    const number = document.querySelector<HTMLInputElement>('input[type=number][data-path="media.audio.speech_rate.min"]')!;
    number.value = "1000";
    number.dispatchEvent(new Event("change"));
    on.checked = true;
  });
  assert.match(await page.locator("#tuner-media").innerText(), /s2\u202e_0/);
  assert.ok(increasing(await needleLefts(page, "#tuner-media", "s2\u202e_0", "(96)")), "a session id's override reverses the list after it");
  // In charts (SVG text cannot isolate): every bidi control of a label is written as its escape.
  await page.fill("#student", "evil");
  await page.click(`#student-matches button[data-user="${HOSTILE_USERS[0]}"]`);
  await page.waitForFunction(() => document.querySelector("[data-figure=trajectory] .gtitle")?.textContent?.includes("evil"));
  assert.equal(await page.locator("[data-figure=trajectory] .gtitle").textContent(), "Trajectory of u\\u202e01 evil (4 sessions)");
  const raw = await page.evaluate(() => Array.from(document.querySelectorAll(".main-svg text")).map((t) => t.textContent ?? "").filter((t) => /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(t)));
  assert.deepEqual(raw, [], "chart labels with a raw bidi control");
  // the tick label shows the escapes (cut to 20 characters), the hover the whole name with its escapes
  assert.ok((await page.locator("[data-figure=tuner-tags]").textContent())!.includes("rtl \\u202edesrever\\…"));
  const hover = await page.evaluate(() => (document.querySelector("[data-figure=tuner-tags]") as unknown as { data: { hovertext: string[] }[] }).data[0].hovertext);
  assert.ok(hover.includes("rtl \\u202edesrever\\u202c then \\u202eopen"), hover.join(" | "));
  await page.locator("#answers").scrollIntoViewIfNeeded();
  await screenshot(page, "report-hostile-bidi");
  assert.deepEqual(errors, []);
  await page.close();
});

/** Per figure: its traces, the bars drawn (a path with an area or a baseline, not plotly's empty "M0,0Z"), the legend entries and the category tick labels shown. */
function drawn(page: Page, figure: string) {
  return page.evaluate((figure) => {
    const el = document.querySelector(`[data-figure=${figure}]`)!;
    // (no named function inside: tsx would wrap it in a helper the page does not have)
    return {
      traces: (el as unknown as { data: unknown[] }).data.length,
      bars: Array.from(el.querySelectorAll(".barlayer .point path")).filter((p) => (p.getAttribute("d") ?? "M0,0Z") !== "M0,0Z").length,
      lines: el.querySelectorAll(".scatterlayer .trace").length,
      legend: Array.from(el.querySelectorAll(".legend .traces .legendtext")).map((t) => t.textContent ?? ""),
      ticks: Array.from(el.querySelectorAll(".xtick text, .ytick text")).map((t) => t.textContent ?? "").filter((t) => !/^[−-]?[\d.]+%?$/.test(t)),
    };
  }, figure);
}

const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty"];

test("dimensions named __proto__, constructor, toString or hasOwnProperty keep their bars, ticks and lines in every chart", async () => {
  const { page, errors } = await openReport();
  const n = HOSTILE_NAMES.length;
  const tags = await drawn(page, "tuner-tags");
  assert.equal(tags.bars, 4 * n, `tag rates: ${tags.bars} bars drawn of ${4 * n}`);
  assert.equal(tags.ticks.length, n, `tag rates' tick labels: ${tags.ticks.join(" | ")}`);
  for (const name of PROTOTYPE_NAMES) assert.ok(tags.ticks.includes(name), `tag rates: no tick ${name}`);
  const quality = await drawn(page, "quality");
  assert.equal(quality.bars, 5 * n, `quality: ${quality.bars} bars drawn of ${5 * n}`);
  for (const name of PROTOTYPE_NAMES) assert.ok(quality.ticks.some((t) => t.startsWith(name)), `quality: no tick ${name}`);
  // lines: the cohort curve (a band and a line a dimension) and a student's trajectory; a histogram per dimension
  const cohort = await drawn(page, "cohort");
  assert.deepEqual([cohort.traces, cohort.lines, cohort.legend.length], [2 * n, 2 * n, n]);
  for (const name of PROTOTYPE_NAMES) assert.ok(cohort.legend.includes(name), `cohort legend: no ${name}`);
  const trajectory = await drawn(page, "trajectory");
  assert.deepEqual([trajectory.lines, trajectory.legend.length], [n, n]);
  for (const [k, name] of HOSTILE_NAMES.entries()) {
    if (!PROTOTYPE_NAMES.includes(name)) continue;
    const h = await drawn(page, `histogram-${k}`);
    assert.equal(h.bars, 10, `histogram of ${name}`);
    assert.match(await page.locator(`[data-figure=histogram-${k}] .gtitle`).textContent() ?? "", new RegExp(`^${name} \\(n = 96\\)`));
  }
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * Per figure: its plot area's size, the pairs of its tick labels (on one axis) or legend entries whose boxes
 * overlap, and the legend entries outside the legend's visible box. Plain JavaScript run in the page (tsx would wrap the named functions of a TypeScript callback in a helper
 * the page does not have).
 */
const OVERLAPS = `(() => {
  const boxes = (el, selector) => Array.from(el.querySelectorAll(selector)).map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() })).filter((b) => b.r.width > 0);
  const clash = (list) => {
    const found = [];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const a = list[i].r, b = list[j].r;
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) found.push(list[i].text + " × " + list[j].text);
    }
    return found;
  };
  return Array.from(document.querySelectorAll("[data-figure]")).map((el) => {
    const plot = el.querySelector(".nsewdrag");
    const r = plot ? plot.getBoundingClientRect() : { width: 0, height: 0 };
    // a legend taller than its room scrolls: the entries past its visible box are hidden
    const bg = el.querySelector(".legend .bg");
    const room = bg ? bg.getBoundingClientRect() : null;
    const hidden = room ? boxes(el, ".legend .legendtext").filter((b) => b.r.bottom > room.bottom + 1 || b.r.top < room.top - 1).map((b) => b.text) : [];
    return { figure: el.getAttribute("data-figure"), plotWidth: r.width, plotHeight: r.height, hidden,
      clashes: [...clash(boxes(el, ".xtick text")), ...clash(boxes(el, ".ytick text")), ...clash(boxes(el, ".legend .legendtext"))] };
  });
})()`;

function overlaps(page: Page): Promise<{ figure: string; plotWidth: number; plotHeight: number; hidden: string[]; clashes: string[] }[]> {
  return page.evaluate(OVERLAPS);
}

for (const width of [1280, 390]) {
  test(`at ${width} px the report fits: no sideways scroll, wide tables scroll in their box, long names cut with an ellipsis, no chart label on another`, async () => {
    const { page, errors } = await openReport(width);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
    await page.waitForTimeout(200);
    const page_ = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
    assert.ok(page_.scroll <= page_.inner, `the page scrolls sideways: ${page_.scroll} > ${page_.inner}`);
    // The dimension-quality table is wider than the page: it scrolls in its own box.
    const box = await page.evaluate(() => {
      const el = document.querySelector("#dimension-quality .table-scroll")!;
      return { scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX };
    });
    assert.ok(box.scroll > box.client && box.overflow === "auto", `quality table box: ${JSON.stringify(box)}`);
    // Its legend is under the box, in the page's width: it wraps there, not scrolling away with the table.
    const legend = await page.evaluate(() => {
      const el = document.querySelector("#dimension-quality .table-scroll")!.nextElementSibling as HTMLElement;
      return { tag: el.tagName, right: el.getBoundingClientRect().right, page: document.documentElement.clientWidth, text: el.textContent ?? "" };
    });
    assert.ok(legend.tag === "P" && legend.right <= legend.page && legend.text.includes("verdict"), `legend: ${JSON.stringify({ ...legend, text: legend.text.slice(0, 40) })}`);
    // A 200-character name, with spaces or without, is one line cut with an ellipsis, whole in its title.
    for (const name of [LONG_NAME, LONG_WORD]) {
      const cell = await page.evaluate((name) => {
        const span = Array.from(document.querySelectorAll<HTMLElement>("#dimension-quality td .name")).find((s) => s.title === name)!;
        return { cut: span.scrollWidth > span.clientWidth, ellipsis: getComputedStyle(span).textOverflow, height: span.getBoundingClientRect().height, width: span.getBoundingClientRect().width };
      }, name);
      assert.ok(cell.cut && cell.ellipsis === "ellipsis" && cell.height < 30 && cell.width < 300, `${name.slice(0, 12)}…: ${JSON.stringify(cell)}`);
    }
    // Charts: every plot keeps its area; no tick label (14 dimensions) or legend entry lies on another.
    const figures = await overlaps(page);
    assert.equal(figures.length, 24);
    for (const f of figures) {
      assert.deepEqual(f.clashes, [], `${f.figure}: overlapping labels`);
      assert.deepEqual(f.hidden, [], `${f.figure}: legend entries scrolled out of sight`);
      assert.ok(f.plotWidth >= 150 && f.plotHeight >= 150, `${f.figure}: plot area ${Math.round(f.plotWidth)}×${Math.round(f.plotHeight)}`);
    }
    const tick = await page.evaluate(() => Array.from(document.querySelectorAll("[data-figure=tuner-tags] .ytick text")).map((t) => t.textContent ?? ""));
    assert.ok(tick.includes("A very long dimensi…"), tick.join(" | "));
    await page.locator("[data-figure=quality]").scrollIntoViewIfNeeded();
    await screenshot(page, `report-hostile-${width}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("every chart of the hostile report downloads as a PNG (plotly's toImage, the modebar's camera): no control character in its SVG", async () => {
  const { page, errors } = await openReport();
  const results = await page.evaluate(`Promise.all(Array.from(document.querySelectorAll("[data-figure]")).map((el) =>
    Plotly.toImage(el, { format: "png", width: 600, height: 400 }).then((url) => [el.getAttribute("data-figure"), url.length], (e) => [el.getAttribute("data-figure"), String(e && e.type || e)])))`) as [string, number | string][];
  assert.equal(results.length, 24);
  assert.deepEqual(results.filter(([, r]) => typeof r !== "number" || r < 1000), [], "figures whose PNG failed");
  assert.deepEqual(errors, []);
  await page.close();
});
