import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { staffLogin } from "./staff-login";

// Issue 16: several app instances on one PostgreSQL agree. A second instance of the same build is started on
// another port, as two server processes; what an editor changes on the first is what the public reads on the
// second within a second, though each process keeps its own read cache; and a process that dies is replaced.
test.use({ storageState: staffLogin.editor });

const organization = "Pharmseym LLC";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let second: ChildProcess | undefined;
let secondUrl = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  second = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", WEB_CONCURRENCY: "2" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const started = Date.now();
  for (;;) {
    const answer = await fetch(`${secondUrl}/`).catch(() => null);
    if (answer?.ok) break;
    if (Date.now() - started > 100_000) throw new Error("The second instance did not start.");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(() => {
  second?.kill("SIGTERM");
});

/** The status the second instance answers for `path` once it is `expected`, or after a second. */
async function statusThere(path: string, expected: number) {
  const started = Date.now();
  let status = (await fetch(`${secondUrl}${path}`)).status;
  while (status !== expected && Date.now() - started < 1_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (await fetch(`${secondUrl}${path}`)).status;
  }
  return status;
}

test("an organization archived on one instance leaves the other's public pages within a second, and comes back", async ({ page }) => {
  await page.goto(`/workspace?type=organizations&q=${encodeURIComponent(organization)}`);
  await page.getByRole("link", { name: organization, exact: true }).first().click();
  const publicPath = (await page.getByRole("link", { name: "View the public page" }).getAttribute("href")) ?? "";
  expect(publicPath).toMatch(/^\/organizations\//);

  // The second instance has read the page, and keeps it in its cache.
  expect((await fetch(`${secondUrl}${publicPath}`)).status).toBe(200);
  expect((await fetch(`${secondUrl}${publicPath}`)).status).toBe(200);

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("status").first()).toContainText("Archived");
  expect(await statusThere(publicPath, 404)).toBe(404);

  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status").first()).toContainText("Restored");
  expect(await statusThere(publicPath, 200)).toBe(200);
});

function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, timeout: 15_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy(new Error(`${url} did not answer within 15 s`)));
    request.on("error", reject);
  });
}

/** The pids of a process's children, from /proc (Linux, as CI runs). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // pid (comm) state ppid ...: the command may hold spaces and parentheses, so read after its last ")".
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Whether a process is the cluster's job process (scripts/serve.ts marks it in its environment). */
function isJobProcess(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes("INTERREGIO_PROCESS=jobs");
  } catch {
    return false;
  }
}

/** The page servers among a cluster primary's children (the job process set aside). */
const pageServersOf = (primary: number) => childrenOf(primary).filter((pid) => !isJobProcess(pid));

test("a server process that dies is replaced, and the instance answers throughout", async () => {
  test.setTimeout(90_000);
  // tsx's launcher runs the first process, which runs the server processes and, beside them, the job process.
  const [primary] = childrenOf(second!.pid!);
  expect(childrenOf(primary!).filter(isJobProcess)).toHaveLength(1);
  const workers = pageServersOf(primary!);
  expect(workers).toHaveLength(2);
  process.kill(workers[0]!, "SIGKILL");
  // A connection the primary handed over in the instant the process was dying is lost with it (Node's cluster
  // cannot take it back); once the primary has seen the death (reaped the process), it sends none there.
  await expect.poll(() => childrenOf(primary!).includes(workers[0]!), { timeout: 10_000 }).toBe(false);
  // Each on a new connection: a kept-alive one to the killed process is gone with it (a browser retries then).
  for (let i = 0; i < 10; i += 1) expect(await statusOnNewConnection(`${secondUrl}/regions`)).toBe(200);
  await expect.poll(() => pageServersOf(primary!).filter((pid) => !workers.includes(pid)).length, { timeout: 60_000 }).toBe(1);
  expect(pageServersOf(primary!)).toHaveLength(2);
});
