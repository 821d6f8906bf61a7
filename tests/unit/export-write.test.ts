import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ExportTable } from "@/lib/export/columns";
import { writeCsv, writeXlsx, type RowSource } from "@/lib/export/write";

type Row = { n: number };
const table: ExportTable<Row> = {
  fileStem: "rows",
  sheetName: { en: "Rows", ru: "Строки" },
  columns: [
    { key: "n", header: { en: "Number", ru: "Номер" }, type: "number", value: (row) => row.n },
    // Text that does not compress to nothing, so that the file's bytes keep pace with its rows.
    {
      key: "text",
      header: { en: "Text", ru: "Текст" },
      type: "text",
      value: (row) => `Строка ${row.n} ${(row.n * 7919).toString(36).repeat(8)}`,
    },
  ],
};
const about = { licence: "CC BY 4.0", registryUpdatedAt: null, sourceUrl: "http://localhost/rows", filters: [] };

/** 200 batches of 500 rows, counting what was read and how the source was closed. */
function countingSource() {
  const state = { batches: 0, closed: undefined as boolean | undefined };
  const source: RowSource<Row> = {
    read: async () => {
      if (state.batches >= 200) return [];
      state.batches += 1;
      return Array.from({ length: 500 }, (_, i) => ({ n: state.batches * 500 + i }));
    },
    close: async (broken) => {
      state.closed ??= broken;
    },
  };
  return { source, state };
}

/** A reader that takes the first `limit` bytes and then stops reading, as a stalled client does. */
function stallingReader(limit: number) {
  let taken = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      taken += chunk.length;
      if (taken < limit) callback();
    },
  });
}

/** Waits until `value()` has stayed the same for a while (the writer has stopped asking for rows). */
async function settled(value: () => number) {
  let last = -1;
  while (value() !== last) {
    last = value();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe.each([
  ["XLSX", writeXlsx],
  ["CSV", writeCsv],
] as const)("a %s export with a reader that stops reading", (_format, write) => {
  it("stops reading the database after a few batches, and closes it when the reader goes away", async () => {
    const { source, state } = countingSource();
    const reader = stallingReader(64 * 1024);
    const out = write(table, source, { locale: "ru", about });
    out.pipe(reader);
    await settled(() => state.batches);
    expect(state.batches).toBeGreaterThan(0);
    expect(state.batches).toBeLessThan(20);
    expect(state.closed).toBeUndefined();

    out.destroy();
    await settled(() => (state.closed === undefined ? 0 : 1));
    expect(state.closed).toBe(true);
  });
});
