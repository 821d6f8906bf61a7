import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

// Issue 13, findings 1 and 2, through the real actions: a staff form carrying a prototype key or a huge row
// index is refused with the editor's input given back, and neither the process nor the database is touched.

const { getServerSession } = await import("next-auth");
const { createOrganization } = await import("@/lib/organizations/actions");
const { createMeeting } = await import("@/lib/meetings/actions");
const { getOrganizationPage } = await import("@/lib/organizations/queries");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

let kursk = 0;
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

function organizationForm(values: Record<string, string>) {
  return form({
    kind: "enterprise",
    name: `Attack test ${process.pid} ${Math.random()}`,
    regionId: String(kursk),
    status: "active",
    primarySector: "28",
    ...values,
  });
}

beforeAll(async () => {
  await seedOnce();
  signInAs(getServerSession, await createStaffUser("editor"));
  kursk = (await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } })).id;
});

afterAll(() => prisma.$disconnect());

describe("a staff form sent by hand", () => {
  it.each([["__proto__.polluted"], ["constructor.prototype.polluted"], ["partners.0.__proto__.polluted"], ["__proto__[]"]])(
    "with %s is refused as invalid, and every page still reads afterwards",
    async (name) => {
      const before = await prisma.organization.count();
      const data = organizationForm({ [name]: "yes" });
      const state = await createOrganization({}, data);
      expect(state).toMatchObject({ ok: false, message: "invalid", errors: { form: ["invalid"] } });
      // What the editor typed comes back; the hostile name does not.
      expect(state.values?.name).toBe(data.get("name"));
      expect(Object.keys(state.values ?? {})).not.toContain(name);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(prototypeKeys()).toEqual(cleanPrototype);
      expect(await prisma.organization.count()).toBe(before);
      // A read after the attack works as before (it answered 500 until a restart).
      const { slug, name: stored } = await prisma.organization.findFirstOrThrow({
        where: { archivedAt: null },
        select: { slug: true, name: true },
      });
      expect((await getOrganizationPage(slug))?.name).toBe(stored);
    },
  );

  it("with a row index of a billion gets a field error at once, and nothing is built or saved", async () => {
    const before = await prisma.organization.count();
    const started = Date.now();
    const state = await createOrganization({}, organizationForm({ kind: "joint_venture", "partners.1000000000.regionId": "10" }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(state).toMatchObject({ ok: false, message: "checkFields" });
    expect(state.errors?.partners).toEqual(["tooMany|200"]);
    expect(await prisma.organization.count()).toBe(before);
  });

  it("with 201 rows of a group is refused beside the group; the schema's own limit speaks below that", async () => {
    const rows = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`participants.${i}.name`, `Participant ${i}`]));
    const state = await createMeeting(
      {},
      form({ titleEn: "Rows", titleRu: "Строки", date: "2024-05-01", level: "government", ...rows, "participants.200.name": "x" }),
    );
    expect(state.ok).toBe(false);
    expect(state.errors?.participants).toEqual(["tooMany|200"]);
    const withinReader = await createMeeting(
      {},
      form({ titleEn: "Rows", titleRu: "Строки", date: "2024-05-01", level: "government", ...rows }),
    );
    expect(withinReader.errors?.participants).toEqual(["tooMany|50"]);
  });
});
