const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * Rounds like Python's `round(x, ndigits)`: to the nearest, ties to even, on the exact binary value
 * (so `pyRound(72.25, 1) === 72.2` and `pyRound(0.15, 1) === 0.1`, where `Math.round` would give 72.3 and 0.2).
 */
export function pyRound(x: number, ndigits = 1): number {
  if (!Number.isFinite(x)) return x;
  const scale = ndigits >= 0 && ndigits < POW10.length ? POW10[ndigits] : 10 ** ndigits;
  const scaled = x * scale;
  const fraction = scaled - Math.floor(scaled);
  // Far from a tie, the nearest is unambiguous: skip the exact decimal expansion (the slow path below).
  if (Math.abs(fraction - 0.5) > 1e-7 && Math.abs(scaled) < 2 ** 52) return Math.round(scaled) / scale;
  const sign = x < 0 ? -1 : 1;
  const exact = Math.abs(x).toFixed(Math.min(100, ndigits + 30));
  const [int, frac] = exact.split(".");
  const kept = frac.slice(0, ndigits);
  const rest = frac.slice(ndigits);
  let units = Number(int + kept);
  const tie = rest[0] === "5" && !/[1-9]/.test(rest.slice(1));
  if (rest[0] > "5" || (rest[0] === "5" && !tie) || (tie && units % 2 === 1)) units += 1;
  return (sign * units) / 10 ** ndigits;
}
