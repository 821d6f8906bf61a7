import { describe, expect, it } from "vitest";
import { fillingOrder } from "@/lib/backup/catalog";
import { encodeFrame, encodeJsonFrame, FRAME_LIMITS, readFrames, TableTally } from "@/lib/backup/format";

async function framesOf(...chunks: Buffer[]) {
  async function* source() {
    yield* chunks;
  }
  const frames = [];
  for await (const frame of readFrames(source())) frames.push({ kind: frame.kind, text: frame.payload.toString("utf8") });
  return frames;
}

describe("backup frames", () => {
  it("read back as written, however the stream cuts them", async () => {
    const bytes = Buffer.concat([encodeJsonFrame("M", { a: 1 }), encodeFrame("D", Buffer.from("1\tx\n")), encodeJsonFrame("Z", {})]);
    const oneByteChunks = [...bytes].map((byte) => Buffer.from([byte]));
    const expected = [
      { kind: "M", text: '{"a":1}' },
      { kind: "D", text: "1\tx\n" },
      { kind: "Z", text: "{}" },
    ];
    expect(await framesOf(bytes)).toEqual(expected);
    expect(await framesOf(...oneByteChunks)).toEqual(expected);
  });

  it("refuse a frame over its bound before its bytes arrive, an unknown kind, and a stream ending mid-frame", async () => {
    const header = Buffer.alloc(5);
    header.write("D", 0, "latin1");
    header.writeUInt32BE(FRAME_LIMITS.maxDataBytes + 1, 1);
    await expect(framesOf(header)).rejects.toThrow(/over the limit/);
    await expect(framesOf(Buffer.from("X\0\0\0\0"))).rejects.toThrow(/unknown frame/);
    await expect(framesOf(encodeJsonFrame("M", { a: 1 }).subarray(0, 8))).rejects.toThrow(/ends in the middle of a frame/);
  });

  it("count a table's rows by its newlines, COPY escaping those inside values", () => {
    const tally = new TableTally();
    tally.add(Buffer.from("1\tline\\nbreak\n2\t"));
    tally.add(Buffer.from("\\N\n"));
    expect(tally.end("t")).toMatchObject({ table: "t", rows: 2, bytes: 19 });
  });
});

describe("the tables' filling order", () => {
  it("puts every table after those it references", () => {
    const order = fillingOrder([
      { name: "partners", references: ["organizations", "regions"] },
      { name: "organizations", references: ["regions", "elsewhere"] },
      { name: "regions", references: [] },
    ]).map((table) => table.name);
    expect(order).toEqual(["regions", "organizations", "partners"]);
  });

  it("names the tables of a cycle", () => {
    expect(() =>
      fillingOrder([
        { name: "a", references: ["b"] },
        { name: "b", references: ["a"] },
      ]),
    ).toThrow(/a, b reference each other/);
  });
});
