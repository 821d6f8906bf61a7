import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoSeriousA11yViolations } from "./a11y";
import { staffLogin } from "./staff-login";

// The briefing pack: an editor picks the demo pair, reads the dossier, prints it without the site's chrome and
// downloads it as a PDF in Russian.

test.use({ storageState: staffLogin.editor });

test("an editor prepares the briefing for Kursk Oblast and Belarus, prints it and downloads the PDF", async ({ page }) => {
  await page.goto("/workspace/briefing");
  await expect(page.getByRole("heading", { name: "Briefing pack", level: 1 })).toBeVisible();
  const choice = page.getByRole("form", { name: "Choose the regions of the briefing" });
  await choice.getByLabel("Region", { exact: true }).selectOption({ label: "Kursk Oblast" });
  await choice.getByLabel("Partner region or country").selectOption({ label: "Belarus" });
  await choice.getByRole("button", { name: "Show the briefing" }).click();

  // The choice is in the address, so the briefing can be bookmarked.
  await expect(page).toHaveURL(/\/workspace\/briefing\?region=kursk-oblast&partner=belarus$/);
  const dossier = page.getByRole("article", { name: "Briefing: Kursk Oblast and Belarus" });
  for (const section of ["Trade", "Open commitments", "Joint ventures", "Latest meetings", "Organizations discussed most"]) {
    await expect(dossier.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  }
  await expect(
    dossier.getByText("Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013 not recorded."),
  ).toBeVisible();
  await expect(dossier.getByText("Relations between Belarus and Kursk Oblast show positive dynamics.")).toBeVisible();
  await expect(dossier.getByRole("link", { name: "Agreements, once made, are to be honored." })).toBeVisible();
  // The trade chart, drawn on the server, named and described by the section's sentence.
  await expect(
    dossier.getByRole("img", {
      name: /^Turnover of Kursk Oblast with Belarus by year, US dollars\. Trade between Kursk Oblast and Belarus/,
    }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // On paper: the dossier alone, without the site's header, navigation, footer and forms.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(choice).toBeHidden();
  await expect(dossier.getByRole("heading", { name: "Briefing: Kursk Oblast and Belarus" })).toBeVisible();
  await expect(dossier.getByRole("heading", { name: "Sources", level: 3 }).first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  // The PDF, in the language chosen for it, headed on every page by the ministry and a classification mark.
  const download = page.getByRole("form", { name: "Download the briefing as a PDF" });
  await download.getByLabel("Language of the PDF").selectOption({ label: "Russian" });
  await download.getByLabel("Ministry or department (optional)").fill("Министерство иностранных дел");
  await download.getByLabel("Classification mark").selectOption({ label: "For official use only" });
  const [file] = await Promise.all([page.waitForEvent("download"), download.getByRole("button", { name: "Download PDF" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^interregio-briefing-kursk-oblast-belarus-ru-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await readFile((await file.path())!);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text;
  expect(pages.length).toBeGreaterThan(1);
  for (const text of pages) {
    expect(text).toContain("Министерство иностранных дел");
    expect(text).toContain("Для служебного пользования");
  }

  const response = await page.request.get("/workspace/briefing/pdf?region=kursk-oblast&partner=belarus&lang=en");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="interregio-briefing-kursk-oblast-belarus-en-/);
});
