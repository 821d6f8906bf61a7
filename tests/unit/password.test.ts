import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import {
  createWorkLimiter,
  DUMMY_HASH,
  hashPassword,
  needsRehash,
  PasswordWorkBusyError,
  passwordWork,
  verifyPassword,
} from "@/lib/auth/password";

/** A task that runs until the test lets it finish. */
function heldTask() {
  let finish!: () => void;
  let started = false;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    started = true;
    await done;
    return "finished";
  };
  return { task, finish, started: () => started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createWorkLimiter", () => {
  it("runs at most `concurrency` tasks at a time and starts waiting ones in turn", async () => {
    const limiter = createWorkLimiter({ concurrency: 2, queue: 5 });
    const tasks = Array.from({ length: 5 }, heldTask);
    const results = tasks.map((held) => limiter.run(held.task));
    await tick();
    expect(tasks.map((held) => held.started())).toEqual([true, true, false, false, false]);
    expect(limiter.load()).toEqual({ running: 2, waiting: 3 });

    tasks[1]!.finish();
    await tick();
    expect(tasks.map((held) => held.started())).toEqual([true, true, true, false, false]);
    expect(limiter.load()).toEqual({ running: 2, waiting: 2 });

    for (const held of tasks) held.finish();
    expect(await Promise.all(results)).toEqual(Array(5).fill("finished"));
    expect(limiter.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once beyond the queue, without running the task, and takes work again once there is room", async () => {
    const limiter = createWorkLimiter({ concurrency: 1, queue: 2 });
    const tasks = Array.from({ length: 3 }, heldTask);
    const results = tasks.map((held) => limiter.run(held.task));
    let overflowRan = false;
    await expect(
      limiter.run(async () => {
        overflowRan = true;
      }),
    ).rejects.toBeInstanceOf(PasswordWorkBusyError);
    expect(overflowRan).toBe(false);

    // Work that must not be refused (hashing by admins and scripts) still waits its turn.
    const patient = heldTask();
    const patientResult = limiter.run(patient.task, { refuseWhenFull: false });
    expect(limiter.load()).toEqual({ running: 1, waiting: 3 });

    tasks[0]!.finish();
    await tick();
    expect(limiter.load()).toEqual({ running: 1, waiting: 2 });
    for (const held of [...tasks, patient]) held.finish();
    await Promise.all([...results, patientResult]);
    await expect(limiter.run(async () => "again")).resolves.toBe("again");
  });

  it("gives one key at most its share, refusing its excess at once, so that a flood from one key cannot starve another", async () => {
    const limiter = createWorkLimiter({ concurrency: 1, queue: 3, perKey: 2 });
    const flood = Array.from({ length: 10 }, heldTask);
    const floodResults = flood.map((held) => limiter.run(held.task, { key: "203.0.113.9" }).catch((error: unknown) => error));
    await tick();
    // One running and one waiting; the other eight refused without running.
    expect(limiter.load()).toEqual({ running: 1, waiting: 1 });
    expect(flood.filter((held) => held.started())).toHaveLength(1);
    const refused = (await Promise.all(floodResults.slice(2))) as unknown[];
    expect(refused.every((error) => error instanceof PasswordWorkBusyError)).toBe(true);

    // Other keys still find places in the queue, and work without a key has no share to exceed.
    const other = heldTask();
    const otherResult = limiter.run(other.task, { key: "198.51.100.7" });
    const unkeyed = heldTask();
    const unkeyedResult = limiter.run(unkeyed.task);
    expect(limiter.load()).toEqual({ running: 1, waiting: 3 });

    for (const held of [...flood, other, unkeyed]) held.finish();
    expect(await otherResult).toBe("finished");
    expect(await unkeyedResult).toBe("finished");
    expect(await Promise.all(floodResults.slice(0, 2))).toEqual(["finished", "finished"]);
    // The share is given back with the slot, whether the task succeeded or failed: the key gets in again.
    for (let i = 0; i < 2; i++)
      await expect(limiter.run(() => Promise.reject(new Error("boom")), { key: "203.0.113.9" })).rejects.toThrow();
    const again = [1, 2].map(() => limiter.run(async () => "again", { key: "203.0.113.9" }));
    expect(await Promise.all(again)).toEqual(["again", "again"]);
    expect(limiter.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("hands a freed slot to a key that runs nothing before a key's second place, however late it came", async () => {
    const limiter = createWorkLimiter({ concurrency: 1, queue: 3, perKey: 2 });
    const [burstFirst, burstSecond] = [heldTask(), heldTask()];
    const burst = [limiter.run(burstFirst.task, { key: "203.0.113.9" }), limiter.run(burstSecond.task, { key: "203.0.113.9" })];
    const editor = heldTask();
    const editorResult = limiter.run(editor.task, { key: "198.51.100.7" });
    await tick();
    expect([burstFirst.started(), burstSecond.started(), editor.started()]).toEqual([true, false, false]);

    burstFirst.finish();
    await tick();
    expect([burstSecond.started(), editor.started()]).toEqual([false, true]);
    editor.finish();
    await tick();
    expect(burstSecond.started()).toBe(true);
    burstSecond.finish();
    expect(await Promise.all([...burst, editorResult])).toEqual(["finished", "finished", "finished"]);
  });

  it("reserves a place at once, before the task is known, and gives it back unused on cancel, waiting or not", async () => {
    const limiter = createWorkLimiter({ concurrency: 1, queue: 1, perKey: 2 });
    const first = limiter.reserve({ key: "203.0.113.9" });
    const second = limiter.reserve({ key: "203.0.113.9" });
    expect(limiter.load()).toEqual({ running: 1, waiting: 1 });
    // Reserved places count as taken: the queue is full, and so is this key's share.
    expect(() => limiter.reserve({ key: "198.51.100.7" })).toThrow(PasswordWorkBusyError);
    second.cancel();
    expect(limiter.load()).toEqual({ running: 1, waiting: 0 });
    const third = limiter.reserve({ key: "198.51.100.7" });
    first.cancel();
    // The cancelled slot goes to the place that waited for it.
    expect(limiter.load()).toEqual({ running: 1, waiting: 0 });
    expect(await third.run(async () => "ran")).toBe("ran");
    third.cancel();
    expect(limiter.load()).toEqual({ running: 0, waiting: 0 });
    await expect(third.run(async () => "twice")).rejects.toThrow();
    expect(limiter.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const limiter = createWorkLimiter({ concurrency: 1, queue: 0 });
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(limiter.load()).toEqual({ running: 0, waiting: 0 });
    await expect(limiter.run(async () => 1)).resolves.toBe(1);
  });
});

describe("the unknown-email hash", () => {
  it("has the parameters of a fresh hash, so that checking against it costs the same as against a real one", async () => {
    const parameters = (hash: string) => hash.split("$").slice(1, 4).join("$");
    const fresh = await hashPassword("any pass phrase");
    expect(parameters(DUMMY_HASH)).toBe(parameters(fresh));
    // One lane: one thread per hash, which is what the limiter counts.
    expect(fresh).toMatch(/^\$argon2id\$v=19\$m=65536,p=1,t=3\$/);
    expect(needsRehash(fresh)).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=65536,p=4,t=3$5B5dDpVmsjknyFc/Zw+RQA$xY6s/xKsQyIsI40PDIASRqUdGkJmerA462PUh8TTYhs")).toBe(true);
  });
});

describe("verifyPassword under a burst", () => {
  it("never runs more hashes at once than the shared limiter allows, and refuses the overflow as busy", async () => {
    const concurrency = Math.max(1, Math.floor(availableParallelism() / 2));
    const attempts = concurrency + 8 + 4;
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, passwordWork.load().running)), 1);
    const outcomes = await Promise.allSettled(Array.from({ length: attempts }, () => verifyPassword(undefined, "wrong")));
    clearInterval(sample);
    expect(peak).toBe(concurrency);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused.length).toBe(4);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(PasswordWorkBusyError);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled").every((outcome) => outcome.value === false)).toBe(true);
  }, 60_000);

  it("keeps a place for another address while one address sends a dozen at once", async () => {
    const flood = Array.from({ length: 12 }, () => verifyPassword(undefined, "wrong", { key: "203.0.113.9" }));
    const editor = verifyPassword(DUMMY_HASH, "wrong", { key: "198.51.100.7" });
    const outcomes = await Promise.allSettled(flood);
    // The flood's share: one running and one waiting, whatever the number of cores.
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
    await expect(editor).resolves.toBe(false);
  }, 60_000);
});
