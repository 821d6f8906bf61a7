/**
 * Reads asked for one at a time, made in batches: the keys asked for while the callers in flight run up to
 * their next await (until Node turns to I/O) go to `loadMany` together, as one query, at most `maxBatch` keys
 * a query. A caller awaits its own value as if it had asked alone. The import's preview checks hundreds of
 * rows at once this way, with a query per step for all of them instead of one per row.
 */
export function batchedLoader<Key, Value>(
  loadMany: (keys: readonly Key[]) => Promise<readonly Value[]>,
  maxBatch = 500,
): (key: Key) => Promise<Value> {
  type Waiting = { key: Key; resolve: (value: Value) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  const flush = () => {
    const taken = waiting;
    waiting = [];
    for (let start = 0; start < taken.length; start += maxBatch) {
      const part = taken.slice(start, start + maxBatch);
      loadMany(part.map((w) => w.key)).then(
        (values) => part.forEach((w, i) => w.resolve(values[i]!)),
        (error: unknown) => part.forEach((w) => w.reject(error)),
      );
    }
  };
  return (key) =>
    new Promise<Value>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ key, resolve, reject });
    });
}
