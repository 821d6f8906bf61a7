import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { archiveOrganization, createOrganization, restoreOrganization, updateOrganization } = await import("@/lib/organizations/actions");
const { getOrganizationPage } = await import("@/lib/organizations/queries");
const { freshNumber } = await import("../support/import-sheets");
const { databaseErrorCode } = await import("@/lib/actions/prisma-errors");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
let editor: Awaited<ReturnType<typeof createStaffUser>>;
let kursk: number;
let gomel: number;
let belgorod: number;

const LETTERS = "бвгдклмнпрстфхцжзш";
const VOWELS = "аеиоуя";
/** A made-up word, different on every call: no two test organizations look like duplicates of each other. */
function word(length = 9) {
  let text = "";
  for (let i = 0; i < length; i += 1) {
    const pool = i % 2 ? VOWELS : LETTERS;
    text += pool[Math.floor(Math.random() * pool.length)];
  }
  return text[0]!.toUpperCase() + text.slice(1);
}
const uniqueName = () => `${word()} ${word(7)}`;

function organizationForm(values: Record<string, string> = {}) {
  return form({
    kind: "enterprise",
    name: `ООО «${uniqueName()}»`,
    regionId: String(kursk),
    status: "active",
    primarySector: "28",
    ...values,
  });
}

async function createTestOrganization(values: Record<string, string> = {}) {
  const data = organizationForm(values);
  await expect(createOrganization({}, data)).rejects.toMatchObject(redirected);
  return prisma.organization.findFirstOrThrow({ where: { name: String(data.get("name")) }, include: { sectors: true, partners: true } });
}

const auditCount = (id: number) => prisma.auditEvent.count({ where: { entityType: "organization", entityId: String(id) } });

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  const regionId = async (slug: string) => (await prisma.region.findUniqueOrThrow({ where: { slug } })).id;
  [kursk, gomel, belgorod] = await Promise.all([regionId("kursk-oblast"), regionId("gomel-region"), regionId("belgorod-oblast")]);
});

afterAll(() => prisma.$disconnect());

describe("createOrganization", () => {
  it("refuses the public and keeps what was typed", async () => {
    signInAs(getServerSession, null);
    const state = await createOrganization({}, organizationForm({ name: "Nobody's plant" }));
    expect(state).toMatchObject({ ok: false, message: "signedOut", values: { name: "Nobody's plant" } });
  });

  it("creates an enterprise with its country from its region, its sectors and the audit event", async () => {
    signInAs(getServerSession, editor);
    const inn = freshNumber("RU");
    const org = await createTestOrganization({
      nameEn: `${uniqueName()} LLC`,
      otherNames: "Tuskar\n\n  Туск  ",
      registrationNumber: ` ${inn.slice(0, 4)} ${inn.slice(4)} `,
      foundedYear: "1998",
      website: "https://plant.example",
      descriptionEn: "Makes seed drills.",
      "sectors.0.code": "33",
      "sectors.2.code": "c",
    });
    expect(org).toMatchObject({
      kind: "enterprise",
      countryCode: "RU",
      regionId: kursk,
      registrationNumber: inn,
      otherNames: ["Tuskar", "Туск"],
      foundedYear: 1998,
      version: 1,
      createdById: editor.id,
      capitalAmount: null,
      fieldsOfStudy: [],
    });
    expect(org.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(org.slug).toContain("llc");
    expect(org.sectors.map((s) => [s.sectorCode, s.isPrimary]).sort()).toEqual([
      ["28", true],
      ["33", false],
      ["C", false],
    ]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "organization", entityId: String(org.id) } });
    expect(event).toMatchObject({ action: "organization.create", actorId: editor.id, before: null });
    expect(event.after).toMatchObject({ kind: "enterprise", region: "Kursk Oblast", registrationNumber: inn, version: 1, archived: false });
    expect((event.after as { primarySector: string }).primarySector).toMatch(/^28 /);
  });

  it("creates a university in Belarus with a UNP and its fields of study", async () => {
    signInAs(getServerSession, editor);
    const unp = freshNumber("BY");
    const org = await createTestOrganization({
      kind: "university",
      regionId: String(gomel),
      registrationNumber: unp,
      primarySector: "85",
      fieldsOfStudy: "Mechanical engineering\nAgronomy",
      // Fields of another kind are not kept.
      capitalAmount: "1000",
      capitalCurrency: "USD",
    });
    expect(org).toMatchObject({
      kind: "university",
      countryCode: "BY",
      registrationNumber: unp,
      capitalAmount: null,
      capitalCurrency: null,
    });
    expect(org.fieldsOfStudy).toEqual(["Mechanical engineering", "Agronomy"]);
  });

  it("creates a joint venture with two partners in different regions and their shares", async () => {
    signInAs(getServerSession, editor);
    const kurskPlant = await createTestOrganization();
    const gomelPlant = await createTestOrganization({ regionId: String(gomel) });
    const venture = await createTestOrganization({
      kind: "joint_venture",
      capitalAmount: "12 500 000,50",
      capitalCurrency: "usd",
      products: "Combine harvesters",
      "partners.0.organizationId": String(kurskPlant.id),
      "partners.0.share": "51",
      "partners.2.organizationId": String(gomelPlant.id),
      "partners.2.share": "49",
    });
    expect(venture).toMatchObject({ kind: "joint_venture", capitalCurrency: "USD", products: "Combine harvesters" });
    expect(venture.capitalAmount?.toString()).toBe("12500000.5");
    expect(venture.partners.map((p) => [p.partnerOrganizationId, p.sharePercent.toString(), p.createdById, p.version])).toEqual([
      [kurskPlant.id, "51", editor.id, 1],
      [gomelPlant.id, "49", editor.id, 1],
    ]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "organization", entityId: String(venture.id) } });
    expect((event.after as { partners: string[] }).partners).toHaveLength(2);
    expect((event.after as { partners: string[] }).partners[0]).toMatch(/ 51%$/);
  });

  it("takes a region as a partner where its government holds the share", async () => {
    signInAs(getServerSession, editor);
    const venture = await createTestOrganization({
      kind: "joint_venture",
      "partners.0.regionId": String(gomel),
      "partners.0.share": "33.33",
      "partners.1.regionId": String(kursk),
      "partners.1.share": "33.33",
      "partners.2.regionId": String(belgorod),
      "partners.2.share": "33.34",
    });
    expect(venture.partners.map((p) => p.partnerRegionId)).toEqual([gomel, kursk, belgorod]);
  });

  it.each([
    ["a blank name", { name: "  " }, { name: ["required"] }],
    ["a NUL", { nameEn: "Bad\u0000name" }, { nameEn: ["containsNul"] }],
    ["a name too long", { name: "Я".repeat(301) }, { name: ["tooLong|300"] }],
    ["no region", { regionId: "" }, { regionId: ["chooseOne"] }],
    ["a tampered region id", { regionId: "1; DROP TABLE organizations" }, { regionId: ["invalid"] }],
    ["a kind we do not know", { kind: "charity" }, { kind: ["chooseOne"] }],
    ["a year out of range", { foundedYear: "1066" }, { foundedYear: ["tooSmall|1700"] }],
    ["a website that is not one", { website: "plant dot com" }, { website: ["invalidUrl"] }],
    ["no primary sector", { primarySector: "" }, { primarySector: ["chooseOne"] }],
    ["a sector twice", { "sectors.1.code": "28" }, { "sectors.1.code": ["sectorTwice"] }],
    ["a registration number with odd characters", { registrationNumber: "46/99" }, { registrationNumber: ["registrationNumberFormat"] }],
    ["too many other names", { otherNames: Array.from({ length: 21 }, (_, i) => `Name ${i}`).join("\n") }, { otherNames: ["tooMany|20"] }],
    [
      "shares over 100",
      {
        kind: "joint_venture",
        "partners.0.regionId": "1",
        "partners.0.share": "60",
        "partners.1.regionId": "2",
        "partners.1.share": "40.5",
      },
      { partners: ["sharesOverWhole|100.5"] },
    ],
    [
      "a share of 0",
      { kind: "joint_venture", "partners.0.regionId": "1", "partners.0.share": "0" },
      { "partners.0.share": ["shareRange"] },
    ],
    [
      "a share over 100",
      { kind: "joint_venture", "partners.0.regionId": "1", "partners.0.share": "101" },
      { "partners.0.share": ["tooLarge|100"] },
    ],
    [
      "a share with three decimals",
      { kind: "joint_venture", "partners.0.regionId": "1", "partners.0.share": "10.125" },
      { "partners.0.share": ["decimal|2"] },
    ],
    [
      "a partner that is both an organization and a region",
      { kind: "joint_venture", "partners.0.regionId": "1", "partners.0.organizationId": "1", "partners.0.share": "10" },
      { "partners.0.organizationId": ["partnerOneOf"] },
    ],
    ["a partner that is neither", { kind: "joint_venture", "partners.0.share": "10" }, { "partners.0.organizationId": ["partnerOneOf"] }],
    [
      "the same partner twice",
      { kind: "joint_venture", "partners.0.regionId": "1", "partners.0.share": "10", "partners.3.regionId": "1", "partners.3.share": "10" },
      { "partners.3.regionId": ["partnerTwice"] },
    ],
    ["an amount without its currency", { kind: "joint_venture", capitalAmount: "1000" }, { capitalCurrency: ["currencyRequired"] }],
    [
      "a currency that is not a code",
      { kind: "joint_venture", capitalAmount: "1000", capitalCurrency: "US$" },
      { capitalCurrency: ["currency"] },
    ],
  ])("refuses %s beside the field, echoes the input, and writes nothing", async (_, values, errors) => {
    signInAs(getServerSession, editor);
    const before = await prisma.organization.count();
    const state = await createOrganization({}, organizationForm(values as Record<string, string>));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors, values });
    expect(Object.keys(state.errors ?? {})).toEqual(Object.keys(errors));
    expect(await prisma.organization.count()).toBe(before);
  });

  it.each([
    ["an INN with a wrong check digit", "RU", "7707083894", "innCheckDigit"],
    ["an INN of 11 digits", "RU", "77070838931", "innFormat"],
    ["a 12-digit INN with a wrong second check digit", "RU", "500100732250", "innCheckDigit"],
    ["a UNP with a wrong check digit", "BY", "200988542", "unpCheckDigit"],
    ["a UNP of 10 digits", "BY", "2009885410", "unpFormat"],
  ])("refuses %s in the region's country", async (_, country, number, message) => {
    signInAs(getServerSession, editor);
    const state = await createOrganization(
      {},
      organizationForm({ regionId: String(country === "RU" ? kursk : gomel), registrationNumber: number }),
    );
    expect(state).toMatchObject({ ok: false, errors: { registrationNumber: [message] } });
  });

  it("refuses a sector or a region that does not exist", async () => {
    signInAs(getServerSession, editor);
    expect(await createOrganization({}, organizationForm({ primarySector: "04" }))).toMatchObject({
      errors: { primarySector: ["recordMissing"] },
    });
    expect(await createOrganization({}, organizationForm({ "sectors.3.code": "05", "sectors.4.code": "04" }))).toMatchObject({
      errors: { "sectors.4.code": ["recordMissing"] },
    });
    expect(await createOrganization({}, organizationForm({ regionId: "2147483000" }))).toMatchObject({
      errors: { regionId: ["recordMissing"] },
    });
  });

  it("leaves nothing when a partner turns out missing after the record was written", async () => {
    signInAs(getServerSession, editor);
    const name = `ООО «${uniqueName()}»`;
    const events = await prisma.auditEvent.count();
    const state = await createOrganization(
      {},
      organizationForm({
        name,
        kind: "joint_venture",
        "partners.0.regionId": String(gomel),
        "partners.0.share": "40",
        "partners.1.organizationId": "2147483000",
        "partners.1.share": "40",
      }),
    );
    expect(state).toMatchObject({ ok: false, errors: { "partners.1.organizationId": ["recordMissing"] }, values: { name } });
    expect(await prisma.organization.count({ where: { name } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(events);
  });
});

describe("likely duplicates", () => {
  it("lists an organization with a similar name in either script, then saves once the editor confirms", async () => {
    signInAs(getServerSession, editor);
    const first = word();
    const second = word(7);
    const existing = await createTestOrganization({ name: `ОАО «${first} ${second}»` });
    // Typed in Latin letters, as an English source spells it: romanised, both names compare.
    const latin = await prisma.$queryRaw<{ name: string }[]>`SELECT interregio_romanize(${`${first} ${second}`}::text) AS name`;
    const typed = `${latin[0]!.name} Holding`;
    const state = await createOrganization({}, organizationForm({ name: typed, locale: "en" }));
    expect(state).toMatchObject({ ok: false, message: "possibleDuplicates", errors: { confirmNotDuplicate: ["confirmDifferent"] } });
    expect(state.extra?.duplicates[0]).toEqual({ label: `ОАО «${first} ${second}», Kursk Oblast`, slug: existing.slug });
    expect(await prisma.organization.count({ where: { name: typed } })).toBe(0);

    await expect(createOrganization({}, organizationForm({ name: typed, confirmNotDuplicate: "on" }))).rejects.toMatchObject(redirected);
    expect(await prisma.organization.count({ where: { name: typed } })).toBe(1);
  });

  it("lists one with the same registration number in the same country, which the database still refuses", async () => {
    signInAs(getServerSession, editor);
    const inn = freshNumber("RU");
    const existing = await createTestOrganization({ registrationNumber: inn });
    const state = await createOrganization({}, organizationForm({ registrationNumber: inn, locale: "ru" }));
    expect(state).toMatchObject({ ok: false, message: "possibleDuplicates" });
    expect(state.extra?.duplicates[0]).toEqual({ label: `${existing.name}, Курская область, ${inn}`, slug: existing.slug });

    const confirmed = await createOrganization({}, organizationForm({ registrationNumber: inn, confirmNotDuplicate: "on" }));
    expect(confirmed).toMatchObject({ ok: false, message: "checkFields", errors: { registrationNumber: ["registrationNumberTaken"] } });
  });

  it("does not list a like name when both have registration numbers: two numbers are two organizations", async () => {
    signInAs(getServerSession, editor);
    const name = `ООО «${word()} ${word(7)}»`;
    await createTestOrganization({ name, registrationNumber: freshNumber("RU") });
    const typed = `ОАО ${name.slice(4)}`;
    await expect(createOrganization({}, organizationForm({ name: typed, registrationNumber: freshNumber("RU") }))).rejects.toMatchObject(
      redirected,
    );
    // Without a number of its own, the same name is asked about.
    const state = await createOrganization({}, organizationForm({ name: `ЗАО ${name.slice(4)}` }));
    expect(state).toMatchObject({ ok: false, message: "possibleDuplicates" });
  });

  it("does not list archived ones, though their registration number stays taken", async () => {
    signInAs(getServerSession, editor);
    const inn = freshNumber("RU");
    const existing = await createTestOrganization({ registrationNumber: inn });
    await expect(archiveOrganization(existing.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    const state = await createOrganization({}, organizationForm({ registrationNumber: inn }));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors: { registrationNumber: ["registrationNumberTaken"] } });
  });

  it("takes the same number in another country for another organization", async () => {
    signInAs(getServerSession, editor);
    const unp = freshNumber("BY");
    await createTestOrganization({ regionId: String(gomel), registrationNumber: unp });
    // Not an INN (nine digits), so Russia's rules refuse it; a country without rules would take it.
    const state = await createOrganization({}, organizationForm({ registrationNumber: unp }));
    expect(state).toMatchObject({ errors: { registrationNumber: ["innFormat"] } });
  });
});

describe("updateOrganization", () => {
  it("saves the fields, bumps the version and records before and after", async () => {
    signInAs(getServerSession, editor);
    const org = await createTestOrganization();
    const name = `АО «${uniqueName()}»`;
    const data = organizationForm({ name, status: "closed", regionId: String(gomel), version: "1" });
    await expect(updateOrganization(org.id, {}, data)).rejects.toMatchObject(redirected);
    const saved = await prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(saved).toMatchObject({ name, status: "closed", countryCode: "BY", version: 2, slug: org.slug, updatedById: editor.id });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "organization", entityId: String(org.id), action: "organization.update" },
    });
    expect(event.before).toMatchObject({ name: org.name, status: "active", region: "Kursk Oblast", countryCode: "RU", version: 1 });
    expect(event.after).toMatchObject({ name, status: "closed", region: "Gomel Region", countryCode: "BY", version: 2 });
  });

  it("refuses the second of two saves from the same version, listing what the first changed", async () => {
    signInAs(getServerSession, editor);
    const org = await createTestOrganization();
    const firstName = `АО «${uniqueName()}»`;
    await expect(
      updateOrganization(org.id, {}, organizationForm({ name: firstName, foundedYear: "2001", version: "1" })),
    ).rejects.toMatchObject(redirected);
    const state = await updateOrganization(org.id, {}, organizationForm({ name: org.name, status: "planned", version: "1" }));
    expect(state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 }, values: { status: "planned" } });
    expect(state.conflict?.changes).toEqual([
      { field: "name", before: org.name, after: firstName },
      { field: "foundedYear", before: "", after: "2001" },
    ]);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      name: firstName,
      status: "active",
      version: 2,
    });
    expect(await auditCount(org.id)).toBe(2);
  });

  it("replaces a venture's partners: a kept one keeps its row, a changed share is updated, a removed one archived", async () => {
    signInAs(getServerSession, editor);
    const partner = await createTestOrganization();
    const venture = await createTestOrganization({
      kind: "joint_venture",
      "partners.0.organizationId": String(partner.id),
      "partners.0.share": "50",
      "partners.1.regionId": String(gomel),
      "partners.1.share": "30",
      "partners.2.regionId": String(belgorod),
      "partners.2.share": "20",
    });
    const rowOf = (where: object) => venture.partners.find((p) => Object.entries(where).every(([k, v]) => p[k as keyof typeof p] === v))!;
    await expect(
      updateOrganization(
        venture.id,
        {},
        organizationForm({
          name: venture.name,
          kind: "joint_venture",
          version: "1",
          "partners.0.organizationId": String(partner.id),
          "partners.0.share": "50",
          "partners.1.regionId": String(gomel),
          "partners.1.share": "45",
          "partners.5.regionId": String(kursk),
          "partners.5.share": "5",
        }),
      ),
    ).rejects.toMatchObject(redirected);
    const rows = await prisma.jointVenturePartner.findMany({ where: { ventureId: venture.id }, orderBy: { id: "asc" } });
    expect(rows.find((r) => r.id === rowOf({ partnerOrganizationId: partner.id }).id)).toMatchObject({ version: 1, archivedAt: null });
    expect(rows.find((r) => r.id === rowOf({ partnerRegionId: gomel }).id)).toMatchObject({
      version: 2,
      archivedAt: null,
      updatedById: editor.id,
    });
    expect(rows.find((r) => r.id === rowOf({ partnerRegionId: belgorod }).id)).toMatchObject({ version: 2, archivedAt: expect.any(Date) });
    expect(rows.filter((r) => r.partnerRegionId === kursk && r.archivedAt === null)).toHaveLength(1);
    const page = await getOrganizationPage(venture.slug);
    expect(page?.partners.map((p) => p.sharePercent)).toEqual([50, 45, 5]);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "organization", entityId: String(venture.id), action: "organization.update" },
    });
    expect((event.before as { partners: string[] }).partners).toHaveLength(3);
    expect((event.after as { partners: string[] }).partners).toEqual(
      expect.arrayContaining([expect.stringMatching(/ 45%$/), expect.stringMatching(/ 5%$/)]),
    );
  });

  it("moves shares between partners in one save, and drops them when the venture becomes an enterprise", async () => {
    signInAs(getServerSession, editor);
    const venture = await createTestOrganization({
      kind: "joint_venture",
      "partners.0.regionId": String(gomel),
      "partners.0.share": "70",
      "partners.1.regionId": String(kursk),
      "partners.1.share": "30",
    });
    const swapped = organizationForm({
      name: venture.name,
      kind: "joint_venture",
      version: "1",
      "partners.0.regionId": String(gomel),
      "partners.0.share": "30",
      "partners.1.regionId": String(kursk),
      "partners.1.share": "70",
    });
    await expect(updateOrganization(venture.id, {}, swapped)).rejects.toMatchObject(redirected);
    await expect(updateOrganization(venture.id, {}, organizationForm({ name: venture.name, version: "2" }))).rejects.toMatchObject(
      redirected,
    );
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: venture.id } })).toMatchObject({ kind: "enterprise", version: 3 });
    expect(await prisma.jointVenturePartner.count({ where: { ventureId: venture.id, archivedAt: null } })).toBe(0);
  });

  it("lets exactly one of ten concurrent saves of a venture from the same version win, partners and all", async () => {
    signInAs(getServerSession, editor);
    const venture = await createTestOrganization({ kind: "joint_venture", "partners.0.regionId": String(gomel), "partners.0.share": "50" });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        updateOrganization(
          venture.id,
          {},
          organizationForm({
            name: venture.name,
            kind: "joint_venture",
            version: "1",
            "partners.0.regionId": String(gomel),
            "partners.0.share": String(10 + i),
            "partners.1.regionId": String(kursk),
            "partners.1.share": String(90 - i),
          }),
        ),
      ),
    );
    const won = results.filter(
      (r) => r.status === "rejected" && String((r.reason as { digest?: string }).digest).startsWith("NEXT_REDIRECT"),
    );
    const lost = results.filter((r) => r.status === "fulfilled" && r.value.message === "conflict");
    expect([won.length, lost.length]).toEqual([1, 9]);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: venture.id } })).toMatchObject({ version: 2 });
    const live = await prisma.jointVenturePartner.findMany({ where: { ventureId: venture.id, archivedAt: null } });
    expect(live.reduce((sum, p) => sum + Number(p.sharePercent), 0)).toBe(100);
    expect(await auditCount(venture.id)).toBe(2);
  });

  it("refuses a venture as its own partner", async () => {
    signInAs(getServerSession, editor);
    const venture = await createTestOrganization({ kind: "joint_venture" });
    const state = await updateOrganization(
      venture.id,
      {},
      organizationForm({
        name: venture.name,
        kind: "joint_venture",
        version: "1",
        "partners.0.organizationId": String(venture.id),
        "partners.0.share": "10",
      }),
    );
    expect(state).toMatchObject({ ok: false, errors: { "partners.0.organizationId": ["partnerSelf"] } });
    expect(await auditCount(venture.id)).toBe(1);
  });

  it("refuses a tampered id bound to the action", async () => {
    signInAs(getServerSession, editor);
    const state = await updateOrganization("1 OR 1=1" as unknown as number, {}, organizationForm({ version: "1" }));
    expect(state).toMatchObject({ ok: false, message: "invalid" });
  });
});

describe("the database", () => {
  it("refuses shares over 100 by its trigger, whoever writes them", async () => {
    signInAs(getServerSession, editor);
    const venture = await createTestOrganization({ kind: "joint_venture", "partners.0.regionId": String(gomel), "partners.0.share": "60" });
    await expect(
      prisma.jointVenturePartner.create({ data: { ventureId: venture.id, partnerRegionId: kursk, sharePercent: "41" } }),
    ).rejects.toThrow(/more than 100/);
  });

  it("raises the refusal where the actions make the check immediate, as a check violation they map to the partners", async () => {
    signInAs(getServerSession, editor);
    const venture = await createTestOrganization({ kind: "joint_venture", "partners.0.regionId": String(gomel), "partners.0.share": "60" });
    const refusal = await prisma
      .$transaction(async (tx) => {
        await tx.jointVenturePartner.create({ data: { ventureId: venture.id, partnerRegionId: kursk, sharePercent: "41" } });
        await tx.$executeRaw`SET CONSTRAINTS "joint_venture_partners_share_sum" IMMEDIATE`;
      })
      .catch((error: unknown) => error);
    expect(databaseErrorCode(refusal)).toBe("23514");
    expect(String((refusal as Error).message)).toMatch(/more than 100/);
    expect(await prisma.jointVenturePartner.count({ where: { ventureId: venture.id } })).toBe(1);
  });
});

describe("archiveOrganization and restoreOrganization", () => {
  it("takes the organization off the public pages and brings it back, each audited", async () => {
    signInAs(getServerSession, editor);
    const org = await createTestOrganization();
    expect(await getOrganizationPage(org.slug)).not.toBeNull();
    await expect(archiveOrganization(org.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    expect(await getOrganizationPage(org.slug)).toBeNull();
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      version: 2,
      archivedAt: expect.any(Date),
    });

    // An archived record is restored, not edited.
    const edit = await updateOrganization(org.id, {}, organizationForm({ name: org.name, version: "2" }));
    expect(edit).toMatchObject({ ok: false, message: "recordArchived" });

    await expect(restoreOrganization(org.id, {}, form({ version: "2" }))).rejects.toMatchObject(redirected);
    expect(await getOrganizationPage(org.slug)).not.toBeNull();
    const events = await prisma.auditEvent.findMany({
      where: { entityType: "organization", entityId: String(org.id) },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["organization.create", "organization.archive", "organization.restore"]);
    expect(events[1]).toMatchObject({
      before: expect.objectContaining({ archived: false }),
      after: expect.objectContaining({ archived: true }),
    });
    expect(events[2]).toMatchObject({ after: expect.objectContaining({ archived: false, version: 3 }) });
  });

  it("refuses to archive from an old version", async () => {
    signInAs(getServerSession, editor);
    const org = await createTestOrganization();
    await expect(
      updateOrganization(org.id, {}, organizationForm({ name: org.name, status: "closed", version: "1" })),
    ).rejects.toMatchObject(redirected);
    const state = await archiveOrganization(org.id, {}, form({ version: "1" }));
    expect(state).toMatchObject({
      ok: false,
      message: "conflict",
      conflict: { version: 2, changes: [{ field: "status", before: "active", after: "closed" }] },
    });
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ archivedAt: null });
  });
});
