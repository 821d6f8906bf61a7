import { defineConfig, devices } from "@playwright/test";

// `npm test` (scripts/test.ts) prepares a fresh database and a production build, then sets these.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // A loaded CI machine runs the longer journeys (a joint venture with its partners, then its page) in 20-40 s.
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // scripts/test.ts finds the browser (CHROMIUM_PATH, Debian's, or Playwright's own) before it builds.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // Signs in once as the editor and the admin and saves their cookies: staff specs start signed in
    // (`test.use({ storageState: staffLogin.editor })`); e2e/staff.spec.ts still drives the sign-in form itself.
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `node_modules/.bin/tsx scripts/serve.ts`,
    // One server process: the specs count on one process's state (its sign-in queue); e2e/instances.spec.ts
    // runs a second instance as two processes.
    env: { PORT: String(port), HOST: "127.0.0.1", WEB_CONCURRENCY: "1" },
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
