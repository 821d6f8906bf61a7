import { afterEach, describe, expect, it, vi } from "vitest";
import { cached, invalidate, REPLICA_SETTLE_MS } from "@/lib/cache";

function counter() {
  let calls = 0;
  const read = async (id: number) => {
    calls += 1;
    return { id, at: new Date(0), calls };
  };
  return { read, calls: () => calls };
}

describe("the read cache", () => {
  it("answers a repeated read from memory, with values as they were (dates stay dates)", async () => {
    const source = counter();
    const read = cached("test-repeat", ["organizations"], source.read);
    const first = await read(1);
    const second = await read(1);
    expect(second).toBe(first);
    expect(second.at).toBeInstanceOf(Date);
    expect(source.calls()).toBe(1);
    await read(2);
    expect(source.calls()).toBe(2);
  });

  it("reads again after a write invalidates one of its tags, and not after another tag", async () => {
    const source = counter();
    const read = cached("test-invalidate", ["meetings", "links"], source.read);
    await read(1);
    invalidate("trade");
    await read(1);
    expect(source.calls()).toBe(1);
    invalidate("links");
    expect((await read(1)).calls).toBe(2);
  });

  it("runs concurrent misses for one key once", async () => {
    const source = counter();
    const read = cached("test-concurrent", ["regions"], source.read);
    const results = await Promise.all([read(7), read(7), read(7)]);
    expect(source.calls()).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it("does not keep a result read while a write happened", async () => {
    let release: () => void = () => {};
    let calls = 0;
    const read = cached("test-race", ["regions"], async () => {
      calls += 1;
      if (calls === 1) await new Promise<void>((done) => (release = done));
      return calls;
    });
    const slow = read();
    await Promise.resolve();
    invalidate("regions");
    release();
    expect(await slow).toBe(1);
    expect(await read()).toBe(2);
  });
});

describe("the read cache with read replicas", () => {
  afterEach(() => {
    delete process.env.DATABASE_REPLICA_URLS;
    vi.useRealTimers();
  });

  it("serves but does not keep a result read while a replica may not have replayed a write, and keeps it after", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    process.env.DATABASE_REPLICA_URLS = "postgresql://reader@replica:5432/interregio";
    const source = counter();
    const read = cached("test-replica-settle", ["commitments"], source.read);
    invalidate("commitments");
    expect((await read(1)).calls).toBe(1);
    // Within the settle time every read asks the replica again: the one before may have been the old value.
    vi.advanceTimersByTime(REPLICA_SETTLE_MS - 1);
    expect((await read(1)).calls).toBe(2);
    vi.advanceTimersByTime(1);
    expect((await read(1)).calls).toBe(3);
    expect((await read(1)).calls).toBe(3);
    // A write to another tag does not hold this read back.
    invalidate("trade");
    expect((await read(1)).calls).toBe(3);
  });

  it("keeps a result read just after a write when every read goes to the primary", async () => {
    const source = counter();
    const read = cached("test-primary-settle", ["commitments"], source.read);
    invalidate("commitments");
    await read(1);
    expect((await read(1)).calls).toBe(1);
  });
});
