import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import { sampleCorrelation as r } from "simple-statistics";
import { benjaminiHochberg, partialCorrelation, partialCorrelationGiven, correlationPValue, erfc, iccConsistency, iccLowerBound, featureLinks } from "../../src/index";

const close = (a: number | null | undefined, b: number, eps = 1e-9) => assert.ok(a !== undefined && a !== null && Math.abs(a - b) < eps, `${a} ≉ ${b}`);

/*
 * Reference values from /usr/bin/python3 (3.11, standard library only):
 *
 *   import math, statistics as st
 *   p = [0.01, 0.04, 0.03, 0.2, 0.5, 0.001]; m = len(p)
 *   order = sorted(range(m), key=lambda i: p[i]); q = [0]*m; run = 1
 *   for k in range(m-1, -1, -1): i = order[k]; run = min(run, p[i]*m/(k+1)); q[i] = run
 *   x = [1,2,3,4,5,6,7,8,9,10]; y = [2,1,4,3,7,5,8,9,6,10]; z = [3,3,2,5,6,4,8,7,9,9]
 *   def resid(a, b): s = st.linear_regression(b, a); return [ai - (s.intercept + s.slope*bi) for ai, bi in zip(a, b)]
 *   st.correlation(resid(x, z), resid(y, z))          # partial r as the r of residuals: 0.5894283499985701
 *   # ICC(C,1): two-way ANOVA sums of squares of M, (MSR − MSE) / (MSR + (k−1) MSE)
 *   M = [[1,2,3],[3,4,5],[5,6,8],[2,2,4],[6,5,7]]; n, k = len(M), len(M[0]); g = sum(map(sum, M))/(n*k)
 *   rm = [sum(r)/k for r in M]; cm = [sum(M[i][j] for i in range(n))/n for j in range(k)]
 *   sst = sum((M[i][j]-g)**2 for i in range(n) for j in range(k)); ssr = k*sum((a-g)**2 for a in rm); ssc = n*sum((a-g)**2 for a in cm)
 *   msr = ssr/(n-1); mse = (sst-ssr-ssc)/((n-1)*(k-1)); (msr-mse)/(msr+(k-1)*mse)   # 0.9322033898305083
 *   def pv(rho, n, c=0): return math.erfc(abs(math.atanh(rho))/math.sqrt((1+rho*rho/2)/(n-3-c))/math.sqrt(2))
 */
test("Benjamini–Hochberg q-values, partial correlation, ICC(C,1) and Fisher-z p-values match Python's standard library", () => {
  const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.5, 0.001]);
  [0.03, 0.06, 0.06, 0.24000000000000005, 0.5, 0.006].forEach((v, i) => close(q[i], v, 1e-15));
  assert.deepEqual(benjaminiHochberg([NaN, 0.02]).map((v) => (Number.isNaN(v) ? "NaN" : v)), ["NaN", 0.02]);
  // the formula on the three Pearson r's equals the r of the residuals after regressing on z
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], y = [2, 1, 4, 3, 7, 5, 8, 9, 6, 10], z = [3, 3, 2, 5, 6, 4, 8, 7, 9, 9];
  close(partialCorrelation(r(x, y), r(x, z), r(y, z)), 0.5894283499985701, 1e-12);
  close(partialCorrelation(0.5, 0.6, 0.7), 0.140028008402801, 1e-12);
  assert.equal(partialCorrelation(0.5, 1, 0.3), undefined);
  // two controls: the recursion on the correlation matrix equals the r of the Frisch–Waugh residuals
  //   x, y as above plus two more points (11, 12 / 12, 11); z1 = z + [10, 12]; z2 = [5,1,4,2,6,3,2,7,1,8,4,6]
  //   z2r = resid(z2, z1); st.correlation(resid(resid(x, z1), z2r), resid(resid(y, z1), z2r))   # 0.6297551808273801
  const cols = [[...x, 11, 12], [...y, 12, 11], [...z, 10, 12], [5, 1, 4, 2, 6, 3, 2, 7, 1, 8, 4, 6]];
  close(partialCorrelationGiven(cols.map((a) => cols.map((b) => (a === b ? 1 : r(a, b)))), 0, 1, [2, 3]), 0.6297551808273801, 1e-12);
  close(partialCorrelationGiven([[1, 0.5, 0.6, 0.2], [0.5, 1, 0.7, 0.1], [0.6, 0.7, 1, 0.3], [0.2, 0.1, 0.3, 1]], 0, 1, [2, 3]), 0.14622800457553317, 1e-12);
  close(iccConsistency([[1, 2, 3], [3, 4, 5], [5, 6, 8], [2, 2, 4], [6, 5, 7]]), 0.9322033898305083, 1e-12);
  close(iccConsistency([[1, 2, 3], [3, 4, 5], [5, 6, 8]]), 0.9767441860465116, 1e-12);
  // a shift common to every subject at an occasion (practice) leaves ICC(C,1) unchanged
  close(iccConsistency([[1, 12, 23], [3, 14, 25], [5, 16, 28], [2, 12, 24], [6, 15, 27]]), 0.9322033898305083, 1e-12);
  assert.equal(iccConsistency([[1, 2]]), undefined);
  assert.throws(() => iccConsistency([[1, 2], [1]]), /rows of equal length/);
  // erfc's Chebyshev fit has a fractional error below 1.2e-7
  for (const [v, ref] of [[1, 0.15729920705028513], [3, 2.2090496998585438e-05], [-0.5, 1.5204998778130465]]) close(erfc(v) / ref, 1, 1.2e-7);
  close(correlationPValue(0.3, 100) / 0.002863190528696387, 1, 2e-7);
  close(correlationPValue(-0.12, 500, 1) / 0.007453972567570008, 1, 2e-7);
  close(correlationPValue(0.05, 40) / 0.7609740857808026, 1, 2e-7);
  assert.ok(Number.isNaN(correlationPValue(0.3, 4, 1)));
});

/*
 * featureLinks on a 30-row table, against Python (same helpers as above; ranks = average ranks of ties):
 *   N = 30; sr = [(i*37)%23 for i in range(N)]; d = [(i*11)%17+(i%5) ...]; w = [50+(i*13)%41 ...]; ans = [1+i%4 ...]
 *   avg = [w[i]/ans[i] ...]; fr = [((i*7)%10)/100 ...]
 *   rho = st.correlation(ranks(f), ranks(d)); p = pv(rho, N)
 *   partial: pc(a, b, c) = (a − b c)/√((1 − b²)(1 − c²)) applied twice on the Spearman matrix of [f, d, w, ans]
 *   (given w, then given ans | w); partial p = pv(part, N, 2); none for the amount features w, avg, ans
 *   q = BH over the six links (speech_rate × d and overall_score = d; the four text features × d; the risk target is constant, not a test)
 */
test("the ICC's lower confidence bound (McGraw & Wong case 3A) is 0 exactly where F reaches its critical value in a printed F table", () => {
  // ICC(C,1) = (F − 1) / (F + k − 1): at F = F_crit(n − 1, (n − 1)(k − 1)) the bound is 0. Critical values from the
  // NIST/SEMATECH e-Handbook's F tables: F_0.95(10, 20) = 2.348, F_0.99(4, 12) = 5.412.
  const iccAt = (f: number, k: number) => (f - 1) / (f + k - 1);
  close(iccLowerBound(iccAt(2.348, 3), 11, 3)!, 0, 1e-3);
  close(iccLowerBound(iccAt(5.412, 4), 5, 4, 0.99)!, 0, 1e-3);
  // ICC 0.6 over 11 subjects × 3: F = 5.5, F_L = 5.5 / 2.348, bound (F_L − 1) / (F_L + 2) = 0.3091.
  close(iccLowerBound(0.6, 11, 3)!, (5.5 / 2.348 - 1) / (5.5 / 2.348 + 2), 1e-3);
  assert.ok(iccLowerBound(0.6, 11, 3)! < 0.6);
  assert.equal(iccLowerBound(1, 11, 3), 1);
  assert.equal(iccLowerBound(0.5, 1, 3), undefined);
});

test("feature links: Spearman, partial ρ at an equal amount said (total_words and answers), p and BH q over the run match Python", () => {
  const N = 30;
  const idx = Array.from({ length: N }, (_, i) => i);
  const w = idx.map((i) => 50 + ((i * 13) % 41));
  const d = idx.map((i) => ((i * 11) % 17) + (i % 5));
  const t = aq.table({
    "audio.speech_rate": idx.map((i) => (i * 37) % 23), "score:d": d, overall_score: d, risk_tags: idx.map(() => null),
    total_words: w, avg_answer_len: idx.map((i) => w[i] / (1 + (i % 4))), filler_ratio: idx.map((i) => ((i * 7) % 10) / 100),
  });
  const links = featureLinks(t, ["d"], { resamples: 0 });
  // speech_rate against d and overall_score (the risk target is constant: no test); the text features against d only
  assert.equal(links.length, 6);
  const ref: [string, number, number, number, number | null, number | null][] = [
    ["audio.speech_rate", 0.25490417156582895, 0.1825637167469548, 0.3651274334939096, 0.25425772939582936, 0.20079606670681377],
    ["diagnostics.total_words", 0.11426670786535004, 0.5522347891699518, 0.6130884467240275, null, null],
    ["diagnostics.avg_answer_len", -0.09723775245418272, 0.6130884467240275, 0.6130884467240275, null, null],
    ["diagnostics.filler_ratio", -0.2960078224138274, 0.12068262335274972, 0.3651274334939096, -0.33259594727811764, 0.09241197929370346],
    ["diagnostics.answers", 0.13076721592853144, 0.49618997261622544, 0.6130884467240275, null, null],
  ];
  for (const [feature, rho, p, q, partial, partialP] of ref) {
    const l = links.find((x) => x.feature === feature && x.target === "d")!;
    close(l.spearman, rho, 1e-12);
    close(l.p / p, 1, 2e-7);
    close(l.q / q, 1, 2e-7);
    assert.equal(l.significant, false);
    if (partial === null) assert.equal(l.partial_spearman, null);
    else { close(l.partial_spearman, partial, 1e-12); close(l.partial_p / partialP!, 1, 2e-7); }
  }
});

/*
 * dimensionQuality's length figures and ICC on 8 students × 3 sessions, against Python (helpers as above):
 *   i = 3u + j; a = (i*7)%11 + u; b = (i*5)%13 + 2j; c = (i*3)%7 + u%3; w = 40 + (i*17)%29; answers n = 1 + i%3
 *   rest = (b + c)/2; partial item–rest = pc applied twice on the Spearman matrix of [a, rest, w, n]   # 0.18003109291836789
 *   sp(a, w) # 0.14243485504515763   sp(a, n) # -0.12228356810314862   ICC(C,1) of a's 8×3 matrix # 0.1739130434782606
 *   st.correlation(a, rest) # 0.19987517970514343
 */
test("dimension quality: partial item–rest at an equal amount said, length_r, answers_r and the ICC match Python", async () => {
  const { dimensionQuality } = await import("../../src/index");
  const i = Array.from({ length: 24 }, (_, k) => k);
  const u = i.map((k) => Math.floor(k / 3)), j = i.map((k) => k % 3);
  const w = i.map((k) => 40 + ((k * 17) % 29));
  const sessions = aq.table({
    session_id: i.map((k) => `s${k}`), user_id: u.map((x) => `u${x}`), ts: i.map((k) => new Date(Date.UTC(2025, 0, 1 + j[k], u[k]))),
    "score:a": i.map((k) => ((k * 7) % 11) + u[k]), "score:b": i.map((k) => ((k * 5) % 13) + 2 * j[k]), "score:c": i.map((k) => ((k * 3) % 7) + (u[k] % 3)),
    total_words: w, avg_answer_len: i.map((k) => w[k] / (1 + (k % 3))), filler_ratio: i.map(() => 0.01),
  });
  const a = dimensionQuality(sessions, ["a", "b", "c"], { minStudents: 5 }).dimensions.a;
  close(a.partial_item_rest_r, 0.18003109291836789, 1e-12);
  close(a.length_r, 0.14243485504515763, 1e-12);
  close(a.answers_r, -0.12228356810314862, 1e-12);
  close(a.retest_icc, 0.1739130434782606, 1e-12);
  close(a.item_rest_r, 0.19987517970514343, 1e-12);
  assert.equal(a.retest_icc_students, 8);
  assert.ok(a.flags.includes("unreliable") && a.flags.includes("unsupported") && a.verdict === "arbitrary", `${a.flags} ${a.verdict}`);
});

test("a link's partial ρ over the pairs with both controls equals the one computed on those rows alone", () => {
  const n = 60;
  const idx = Array.from({ length: n }, (_, i) => i);
  const w = idx.map((i) => (i % 7 === 0 ? NaN : 50 + ((i * 13) % 41)));
  const table = (keep: (i: number) => boolean) => {
    const rows = idx.filter(keep);
    return aq.table({
      "audio.speech_rate": rows.map((i) => (i * 37) % 23), "score:d": rows.map((i) => ((i * 11) % 17) + (i % 5)), overall_score: rows.map(() => 1), risk_tags: rows.map(() => null),
      total_words: rows.map((i) => w[i]), avg_answer_len: rows.map((i) => (w[i] || 60) / (1 + (i % 4))), filler_ratio: rows.map((i) => ((i * 7) % 10) / 100),
    });
  };
  const some = featureLinks(table(() => true), ["d"], { resamples: 0, features: ["audio.speech_rate"] })[0];
  const complete = featureLinks(table((i) => Number.isFinite(w[i])), ["d"], { resamples: 0, features: ["audio.speech_rate"] })[0];
  assert.equal(some.n, n);
  assert.equal(complete.n, n - Math.ceil(n / 7));
  close(some.partial_spearman, complete.partial_spearman!, 1e-12);
  close(some.partial_p, complete.partial_p, 1e-15);
});
