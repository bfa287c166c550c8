/**
 * A typed array's copy in a `SharedArrayBuffer`: worker threads read it without a copy of their own (a typed array
 * over a `SharedArrayBuffer` crosses `postMessage` and `workerData` as a view of the same memory).
 *
 * @example toShared(Float64Array.of(1, 2)).buffer instanceof SharedArrayBuffer // true
 */
export function toShared<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as { new (buffer: SharedArrayBuffer): T };
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}
