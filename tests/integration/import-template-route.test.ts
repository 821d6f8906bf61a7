import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { GET } = await import("@/app/api/staff/import-template/route");
const { readSpreadsheet } = await import("@/lib/import/read");
const { matchHeaders } = await import("@/lib/import/headers");
const { createStaffUser, prisma, seedOnce, signInAs } = await import("./setup");

// Issue 15: staff download the import template of a record type; it reads back with every column matched.

const template = (query: string) => GET(new NextRequest(`http://localhost/api/staff/import-template?${query}`));

beforeAll(() => seedOnce());
afterAll(() => prisma.$disconnect());

describe("GET /api/staff/import-template", () => {
  it("answers signed-in staff only, and says what to give", async () => {
    signInAs(getServerSession, null);
    expect((await template("type=organizations")).status).toBe(401);
    signInAs(getServerSession, await createStaffUser("editor"));
    const bad = await template("type=widgets");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("organizations, partners, meetings, links, trade, commitments");
  });

  it("gives an XLSX whose headers all map back to the record type's fields", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const response = await template("type=organizations&lang=ru");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="interregio-organizations-ru.xlsx"');
    const read = await readSpreadsheet({ bytes: new Uint8Array(await response.arrayBuffer()), name: "template.xlsx" });
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const sheet = read.sheets[0]!;
    expect(sheet.headers.some((header) => header.includes("Наименование"))).toBe(true);
    expect(matchHeaders("organizations", sheet.headers).unmapped).toEqual([]);
    expect(sheet.rows.length).toBe(1);
  });
});
