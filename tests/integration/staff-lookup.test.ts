import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { GET } = await import("@/app/api/staff/lookup/route");
const { createStaffUser, prisma, seedOnce, signInAs } = await import("./setup");

const lookup = (query: string) => GET(new NextRequest(`http://localhost/api/staff/lookup?${query}`));

beforeAll(() => seedOnce());
afterAll(() => prisma.$disconnect());

describe("GET /api/staff/lookup (the pickers' search)", () => {
  it("answers only signed-in staff, checked against the database", async () => {
    signInAs(getServerSession, null);
    expect((await lookup("type=region&q=Kursk")).status).toBe(401);
    const disabled = await createStaffUser("editor");
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    signInAs(getServerSession, disabled);
    expect((await lookup("type=region&q=Kursk")).status).toBe(401);
  });

  it("finds live records of one type in either script, never cached", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const response = await lookup("type=region&q=%D0%9A%D1%83%D1%80%D1%81%D0%BA");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const { items } = (await response.json()) as { items: { id: number; labelEn: string }[] };
    expect(items.map((item) => item.labelEn)).toContain("Kursk Oblast");
    const kursk = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } });
    expect(items.find((item) => item.labelEn === "Kursk Oblast")?.id).toBe(kursk.id);
  });

  it("finds a region by its alternative names, and by a name with a typo", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    for (const q of [
      "Gomel%20Oblast",
      "Homiel",
      "%D0%93%D0%BE%D0%BC%D0%B5%D0%BB%D1%8C%D1%81%D0%BA%D0%B0%D1%8F%20%D0%BE%D0%B1%D0%BB",
      "Gomle",
    ]) {
      const { items } = (await (await lookup(`type=region&q=${q}`)).json()) as { items: { labelEn: string }[] };
      expect(
        items.map((item) => item.labelEn),
        q,
      ).toContain("Gomel Region");
    }
  });

  it("answers a bad type or an oversized query with 400, and nothing typed with no matches", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    expect((await lookup("type=users&q=a")).status).toBe(400);
    expect((await lookup(`type=region&q=${"a".repeat(201)}`)).status).toBe(400);
    expect((await lookup("type=organization&q=a&kind=galaxy")).status).toBe(400);
    const empty = await lookup("type=organization&q=%00%20");
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ items: [] });
  });
});
