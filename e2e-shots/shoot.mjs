// Screenshots for a visual check (not a test): node e2e-shots/shoot.mjs <base> <out-dir> <path...>
import { chromium } from "@playwright/test";
const [base, out, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const lang of ["en", "ru"]) {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === "ru" ? "ru-RU" : "en-GB" });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(base + path, { timeout: 120000 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      const name = `${out}/${lang}-${width}-${path.replace(/[^a-z0-9]+/gi, "_")}.png`;
      await page.screenshot({ path: name, fullPage: true });
      console.log(name, "scrollWidth", wide);
    }
    await context.close();
  }
}
await browser.close();
