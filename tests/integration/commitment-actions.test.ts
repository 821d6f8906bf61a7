import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { revalidatePath } = await import("next/cache");
const { archiveCommitment, createCommitment, restoreCommitment, updateCommitment } = await import("@/lib/commitments/actions");
const { getMeetingPage } = await import("@/lib/meetings/queries");
const { violatedUniqueConstraint } = await import("@/lib/actions/prisma-errors");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

/** A successful action ends in `redirect()`, which throws this. */
const redirected = (path: string) => ({ digest: expect.stringContaining(path) });
/** Makes the audit insert fail for a commitment whose text carries it: the writes before it must roll back. */
const FAIL_MARKER = "FAIL-AUDIT-COMMITMENT";

type Meeting = { id: number; slug: string; titleEn: string; date: Date };
type Named = { id: number; slug: string; nameEn: string };
let meeting: Meeting;
let later: Meeting;
let earlier: Meeting;
let region: Named;
let organization: Named;
let editor: { id: number; role: "admin" | "editor" };
let sequence = 0;

const stamp = () => `${process.pid}-${Date.now()}-${++sequence}`;

async function newMeeting(date: string): Promise<Meeting> {
  const id = stamp();
  return prisma.meeting.create({
    data: {
      slug: `test-commitments-${id}`,
      titleEn: `Meeting ${id}`,
      titleRu: `Встреча ${id}`,
      date: new Date(`${date}T00:00:00Z`),
      level: "regional",
    },
    select: { id: true, slug: true, titleEn: true, date: true },
  });
}

async function newRegion(): Promise<Named> {
  const id = stamp();
  return prisma.region.create({
    data: { slug: `test-commitments-${id}`, nameEn: `Region ${id}`, nameRu: `Регион ${id}`, level: "region", countryCode: "RU" },
    select: { id: true, slug: true, nameEn: true },
  });
}

async function newOrganization(): Promise<Named> {
  const id = stamp();
  const organization = await prisma.organization.create({
    data: {
      slug: `test-commitments-${id}`,
      kind: "enterprise",
      name: `ООО «Тест ${id}»`,
      nameEn: `Test ${id}`,
      regionId: region.id,
      countryCode: "RU",
      status: "active",
    },
    select: { id: true, slug: true, nameEn: true },
  });
  return { ...organization, nameEn: organization.nameEn ?? "" };
}

/** The form as the browser posts it: a region party, an organization party and one follow-up. */
function values(overrides: Record<string, string> = {}) {
  return {
    meetingId: String(meeting.id),
    meetingId__label: meeting.titleEn,
    textEn: `Joint projects should be discussed in detail (${meeting.slug}).`,
    textRu: "Совместные проекты следует детально обсуждать.",
    "parties.0.kind": "region",
    "parties.0.regionId": String(region.id),
    "parties.0.regionId__label": region.nameEn,
    "parties.1.kind": "organization",
    "parties.1.organizationId": String(organization.id),
    "parties.1.organizationId__label": organization.nameEn,
    dueDate: "2015-12-31",
    status: "agreed",
    "followUps.0.meetingId": String(later.id),
    "followUps.0.meetingId__label": later.titleEn,
    "followUps.0.note": "Progress reported.",
    ...overrides,
  };
}

/** `values` without some fields, as a form whose rows were removed posts it. */
function without(names: string[], overrides: Record<string, string> = {}) {
  return Object.fromEntries(Object.entries(values(overrides)).filter(([name]) => !names.includes(name)));
}

const secondParty = ["parties.1.kind", "parties.1.organizationId", "parties.1.organizationId__label"];

const commitmentsOf = (meetingId = meeting.id) =>
  prisma.commitment.findMany({ where: { meetingId }, include: { parties: true, followUps: true } });
const auditsOf = (id: number) => prisma.auditEvent.count({ where: { entityType: "commitment", entityId: String(id) } });
/** Audit events of commitments made at this test's meeting (other test files write at the same time). */
const meetingAudits = () =>
  prisma.auditEvent.count({ where: { entityType: "commitment", after: { path: ["meeting"], string_starts_with: meeting.titleEn } } });

async function create(overrides: Record<string, string> = {}) {
  await expect(createCommitment({}, form(values(overrides)))).rejects.toMatchObject(redirected("/workspace/commitments/"));
  const [created] = await commitmentsOf();
  return created!;
}

beforeAll(async () => {
  await seedOnce();
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION commitment_test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.after::text LIKE '%${FAIL_MARKER}%' THEN RAISE EXCEPTION 'audit refused by the test'; END IF;
      RETURN NEW;
    END $$`);
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS commitment_test_fail_audit ON audit_events`);
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER commitment_test_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION commitment_test_fail_audit()`,
  );
});

beforeEach(async () => {
  // Fresh records for each test: no test depends on another's commitments, and reruns find nothing in the way.
  [meeting, later, earlier, region] = await Promise.all([
    newMeeting("2015-03-10"),
    newMeeting("2015-06-18"),
    newMeeting("2015-01-20"),
    newRegion(),
  ]);
  organization = await newOrganization();
  editor = await createStaffUser("editor");
  signInAs(getServerSession, editor);
  vi.mocked(revalidatePath).mockClear();
});

afterAll(async () => {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS commitment_test_fail_audit ON audit_events`);
  await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS commitment_test_fail_audit()`);
  await prisma.$disconnect();
});

describe("createCommitment", () => {
  it("refuses an anonymous request and writes nothing", async () => {
    signInAs(getServerSession, null);
    expect(await createCommitment({}, form(values()))).toMatchObject({ ok: false, message: "signedOut" });
    expect(await commitmentsOf()).toHaveLength(0);
  });

  it("records the commitment with its parties and follow-up, one audit event with readable values, and refreshes the meeting pages", async () => {
    const created = await create();
    expect(created).toMatchObject({ status: "agreed", version: 1, createdById: editor.id, archivedAt: null });
    expect(created.dueDate?.toISOString().slice(0, 10)).toBe("2015-12-31");
    expect(created.parties.map((p) => [p.regionId, p.organizationId])).toEqual([
      [region.id, null],
      [null, organization.id],
    ]);
    expect(created.followUps).toMatchObject([{ meetingId: later.id, note: "Progress reported." }]);
    const audits = await prisma.auditEvent.findMany({ where: { entityType: "commitment", entityId: String(created.id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: editor.id, action: "commitment.create", before: null });
    expect(audits[0]!.after).toEqual({
      meeting: `${meeting.titleEn} (2015-03-10)`,
      textEn: values().textEn,
      textRu: values().textRu,
      parties: [region.nameEn, organization.nameEn],
      dueDate: "2015-12-31",
      status: "agreed",
      followUps: [`${later.titleEn} (2015-06-18): Progress reported.`],
      version: 1,
      archived: false,
    });
    expect(revalidatePath).toHaveBeenCalledWith(`/meetings/${meeting.slug}`);
    expect(revalidatePath).toHaveBeenCalledWith(`/meetings/${later.slug}`);
    const page = await getMeetingPage(meeting.slug);
    expect(page?.commitments.map((c) => c.id)).toEqual([created.id]);
  });

  it("takes a follow-up on the same day as the meeting, and none at all", async () => {
    const sameDay = await newMeeting("2015-03-10");
    await create({ "followUps.0.meetingId": String(sameDay.id) });
    await expect(
      createCommitment({}, form(without(["followUps.0.meetingId", "followUps.0.meetingId__label", "followUps.0.note"]))),
    ).rejects.toMatchObject(redirected("saved=created"));
    expect((await commitmentsOf()).map((c) => c.followUps.length).sort()).toEqual([0, 1]);
  });

  // Overrides are functions: the records they name are made for each test.
  it.each<[string, string, () => Record<string, string>]>([
    ["meetingId", "chooseOne", () => ({ meetingId: "", meetingId__label: "" })],
    ["textEn", "required", () => ({ textEn: "  " })],
    ["textRu", "tooLong|2000", () => ({ textRu: "я".repeat(2001) })],
    ["textEn", "containsNul", () => ({ textEn: "a\u0000b" })],
    ["dueDate", "dateNoSuchDay|28", () => ({ dueDate: "2015-02-30" })],
    ["dueDate", "dateFormat", () => ({ dueDate: "next year" })],
    ["status", "chooseOne", () => ({ status: "" })],
    ["status", "chooseOne", () => ({ status: "forgotten" })],
    ["parties.0.kind", "chooseOne", () => ({ "parties.0.kind": "person" })],
    ["parties.0.regionId", "chooseOne", () => ({ "parties.0.regionId": "", "parties.0.regionId__label": "" })],
    ["parties.1.organizationId", "invalid", () => ({ "parties.1.organizationId": "0" })],
    ["parties.1.regionId", "partyTwice", () => ({ "parties.1.kind": "region", "parties.1.regionId": String(region.id) })],
    ["followUps.0.meetingId", "chooseOne", () => ({ "followUps.0.meetingId": "", "followUps.0.meetingId__label": "" })],
    ["followUps.0.note", "tooLong|2000", () => ({ "followUps.0.note": "n".repeat(2001) })],
  ])("refuses %s with %s, keeps what was typed and writes nothing", async (field, message, overrides) => {
    const posted = values(overrides());
    const state = await createCommitment({}, form(posted));
    expect(state).toMatchObject({ ok: false, message: "checkFields" });
    expect(state.errors?.[field]).toEqual([message]);
    expect(state.values).toMatchObject(posted);
    expect(await commitmentsOf()).toHaveLength(0);
    expect(await meetingAudits()).toBe(0);
  });

  it("refuses a commitment without parties", async () => {
    const state = await createCommitment(
      {},
      form(without(["parties.0.kind", "parties.0.regionId", "parties.0.regionId__label", ...secondParty])),
    );
    expect(state.errors).toEqual({ parties: ["partyRequired"] });
    expect(await commitmentsOf()).toHaveLength(0);
  });

  it("refuses a follow-up at the meeting itself, or the same follow-up twice", async () => {
    const itself = await createCommitment({}, form(values({ "followUps.0.meetingId": String(meeting.id) })));
    expect(itself.errors).toEqual({ "followUps.0.meetingId": ["followUpSameMeeting"] });
    const twice = await createCommitment({}, form(values({ "followUps.3.meetingId": String(later.id) })));
    expect(twice.errors).toEqual({ "followUps.3.meetingId": ["followUpTwice"] });
    expect(await commitmentsOf()).toHaveLength(0);
  });

  it("refuses a follow-up dated before the meeting, and a due date before it", async () => {
    const state = await createCommitment({}, form(values({ "followUps.0.meetingId": String(earlier.id), dueDate: "2015-03-09" })));
    expect(state.errors).toEqual({ "followUps.0.meetingId": ["followUpBeforeMeeting"], dueDate: ["dueBeforeMeeting"] });
    expect(await commitmentsOf()).toHaveLength(0);
  });

  it("refuses a party or meeting that does not exist or is archived: no commitment, no party rows, no audit row", async () => {
    await prisma.region.update({ where: { id: region.id }, data: { archivedAt: new Date() } });
    const partiesBefore = await prisma.commitmentParty.count();
    const state = await createCommitment(
      {},
      form(values({ "parties.1.organizationId": "2147483647", "followUps.0.meetingId": "2147483646" })),
    );
    expect(state.errors).toEqual({
      "parties.0.regionId": ["partyMissing"],
      "parties.1.organizationId": ["partyMissing"],
      "followUps.0.meetingId": ["meetingMissing"],
    });
    const missingMeeting = await createCommitment({}, form(values({ meetingId: "2147483647" })));
    expect(missingMeeting.errors).toMatchObject({ meetingId: ["meetingMissing"] });
    expect(await commitmentsOf()).toHaveLength(0);
    expect(await prisma.commitmentParty.count()).toBe(partiesBefore);
    expect(await meetingAudits()).toBe(0);
  });

  it.each([["abc"], ["1; DROP TABLE commitments"], ["2147483648"], ["1e3"], ["-1"]])(
    "answers a tampered picked id %j with invalid",
    async (id) => {
      const state = await createCommitment({}, form(values({ meetingId: id, "parties.0.regionId": id })));
      expect(state.errors).toEqual({ meetingId: ["invalid"], "parties.0.regionId": ["invalid"] });
      expect(await commitmentsOf()).toHaveLength(0);
    },
  );

  it("writes the commitment, its rows and its audit event together: a failed audit insert leaves nothing", async () => {
    const partiesBefore = await prisma.commitmentParty.count({ where: { regionId: region.id } });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await createCommitment({}, form(values({ textEn: `Will not land ${FAIL_MARKER}` })));
    error.mockRestore();
    expect(state).toMatchObject({ ok: false, message: "unavailable", values: { textEn: `Will not land ${FAIL_MARKER}` } });
    expect(await commitmentsOf()).toHaveLength(0);
    expect(await prisma.commitmentParty.count({ where: { regionId: region.id } })).toBe(partiesBefore);
    expect(await prisma.commitmentFollowUp.count({ where: { meetingId: later.id } })).toBe(0);
    expect(await meetingAudits()).toBe(0);
  });
});

describe("the partial unique indexes on commitment parties", () => {
  it("hold each organization and each region once per commitment, under the names the action maps to a field", async () => {
    const created = await create();
    const duplicate = async (data: { organizationId?: number; regionId?: number }) => {
      try {
        await prisma.commitmentParty.create({ data: { commitmentId: created.id, ...data } });
        return null;
      } catch (error) {
        return violatedUniqueConstraint(error);
      }
    };
    expect(await duplicate({ regionId: region.id })).toBe("commitment_parties_region_key");
    expect(await duplicate({ organizationId: organization.id })).toBe("commitment_parties_organization_key");
    // Another region is a new party: the index does not confuse the two kinds or the NULLs.
    const other = await newRegion();
    expect(await duplicate({ regionId: other.id })).toBeNull();
  });
});

describe("updateCommitment", () => {
  it("saves the fields and replaces the rows, in one new version and one audit event", async () => {
    const created = await create();
    const other = await newRegion();
    const laterStill = await newMeeting("2016-02-10");
    vi.mocked(revalidatePath).mockClear();
    const edit = {
      ...without(secondParty, {
        version: "1",
        status: "in_progress",
        "parties.0.regionId": String(other.id),
        "parties.4.kind": "region",
        "parties.4.regionId": String(region.id),
        "followUps.0.meetingId": String(laterStill.id),
        "followUps.0.note": "",
      }),
    };
    await expect(updateCommitment(created.id, {}, form(edit))).rejects.toMatchObject(
      redirected(`/workspace/commitments/${created.id}?saved=updated`),
    );
    const [saved] = await commitmentsOf();
    expect(saved).toMatchObject({ status: "in_progress", version: 2, updatedById: editor.id });
    expect(saved!.parties.map((p) => [p.regionId, p.organizationId])).toEqual([
      [other.id, null],
      [region.id, null],
    ]);
    expect(saved!.followUps).toMatchObject([{ meetingId: laterStill.id, note: null }]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: String(created.id), action: "commitment.update" } });
    expect(audit.before).toMatchObject({ status: "agreed", parties: [region.nameEn, organization.nameEn], version: 1 });
    expect(audit.after).toMatchObject({
      status: "in_progress",
      parties: [other.nameEn, region.nameEn],
      followUps: [`${laterStill.titleEn} (2016-02-10)`],
      version: 2,
    });
    expect(await auditsOf(created.id)).toBe(2);
    // The follow-up that was dropped loses the commitment from its page too.
    expect(revalidatePath).toHaveBeenCalledWith(`/meetings/${later.slug}`);
    expect(revalidatePath).toHaveBeenCalledWith(`/meetings/${laterStill.slug}`);
  });

  it("keeps a party archived since it was chosen, but refuses a newly chosen archived one", async () => {
    const created = await create();
    await prisma.organization.update({ where: { id: organization.id }, data: { archivedAt: new Date() } });
    await expect(updateCommitment(created.id, {}, form(values({ version: "1", status: "fulfilled" })))).rejects.toMatchObject(
      redirected("saved=updated"),
    );
    const archivedRegion = await newRegion();
    await prisma.region.update({ where: { id: archivedRegion.id }, data: { archivedAt: new Date() } });
    const state = await updateCommitment(
      created.id,
      {},
      form(values({ version: "2", "parties.2.kind": "region", "parties.2.regionId": String(archivedRegion.id) })),
    );
    expect(state.errors).toEqual({ "parties.2.regionId": ["partyMissing"] });
  });

  it("refuses a field error without changing the commitment or its rows", async () => {
    const created = await create();
    const state = await updateCommitment(
      created.id,
      {},
      form(values({ version: "1", textRu: "", "parties.1.kind": "region", "parties.1.regionId": String(region.id) })),
    );
    expect(state.errors).toEqual({ textRu: ["required"], "parties.1.regionId": ["partyTwice"] });
    const [unchanged] = await commitmentsOf();
    expect(unchanged).toMatchObject({ version: 1, textRu: values().textRu });
    expect(unchanged!.parties).toHaveLength(2);
  });

  it("refuses a save from an old version, listing what the other editor changed, and keeps the input", async () => {
    const created = await create();
    await expect(updateCommitment(created.id, {}, form(without(secondParty, { version: "1", status: "fulfilled" })))).rejects.toMatchObject(
      redirected("saved=updated"),
    );
    const state = await updateCommitment(created.id, {}, form(values({ version: "1", textEn: "My wording" })));
    expect(state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 }, values: { textEn: "My wording" } });
    // The audit log keeps snapshots as jsonb, which orders keys its own way: the order of the changes is not the point.
    expect(state.conflict?.changes).toHaveLength(2);
    expect(state.conflict?.changes).toEqual(
      expect.arrayContaining([
        { field: "parties", before: `${region.nameEn}; ${organization.nameEn}`, after: region.nameEn },
        { field: "status", before: "agreed", after: "fulfilled" },
      ]),
    );
    const [current] = await commitmentsOf();
    expect(current).toMatchObject({ version: 2, textEn: values().textEn });
    expect(await auditsOf(created.id)).toBe(2);
  });

  it.each([["abc"], ["2147483648"], ["0"], [""], [undefined]])("answers a tampered bound id %j with invalid", async (id) => {
    expect(await updateCommitment(id as never, {}, form(values({ version: "1" })))).toMatchObject({ ok: false, message: "invalid" });
  });

  it("answers an id that does not exist with recordMissing", async () => {
    expect(await updateCommitment(2147483647, {}, form(values({ version: "1" })))).toMatchObject({ ok: false, message: "recordMissing" });
  });

  it("leaves the commitment as it was when the audit insert fails after the rows were replaced", async () => {
    const created = await create();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await updateCommitment(created.id, {}, form(without(secondParty, { version: "1", textEn: `Changed ${FAIL_MARKER}` })));
    error.mockRestore();
    expect(state.message).toBe("unavailable");
    const [current] = await commitmentsOf();
    expect(current).toMatchObject({ version: 1, textEn: values().textEn });
    expect(current!.parties).toHaveLength(2);
    expect(await auditsOf(created.id)).toBe(1);
  });
});

describe("archiveCommitment and restoreCommitment", () => {
  it("archive takes the commitment off the meeting page and blocks edits, restore brings it back; both versioned and audited", async () => {
    const created = await create();
    await expect(archiveCommitment(created.id, {}, form({ version: "1" }))).rejects.toMatchObject(
      redirected(`/workspace/commitments/${created.id}?saved=archived`),
    );
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: created.id } })).archivedAt).not.toBeNull();
    expect((await getMeetingPage(meeting.slug))?.commitments).toHaveLength(0);
    expect(await updateCommitment(created.id, {}, form(values({ version: "2" })))).toMatchObject({ message: "recordArchived" });
    expect(await archiveCommitment(created.id, {}, form({ version: "2" }))).toMatchObject({ message: "recordArchived" });
    const archiveEvent = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: String(created.id), action: "commitment.archive" },
    });
    expect(archiveEvent.after).toMatchObject({ archived: true, version: 2 });

    await expect(restoreCommitment(created.id, {}, form({ version: "2" }))).rejects.toMatchObject(redirected("saved=restored"));
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ archivedAt: null, version: 3 });
    expect((await getMeetingPage(meeting.slug))?.commitments.map((c) => c.id)).toEqual([created.id]);
    expect(await prisma.auditEvent.count({ where: { entityId: String(created.id), action: "commitment.restore" } })).toBe(1);
    expect(await restoreCommitment(created.id, {}, form({ version: "3" }))).toMatchObject({ message: "recordLive" });
    expect(revalidatePath).toHaveBeenCalledWith(`/meetings/${later.slug}`);
  });

  it("refuses to archive from an old version, listing the change it has not seen", async () => {
    const created = await create();
    await expect(updateCommitment(created.id, {}, form(values({ version: "1", dueDate: "" })))).rejects.toMatchObject(
      redirected("saved=updated"),
    );
    const state = await archiveCommitment(created.id, {}, form({ version: "1" }));
    expect(state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 } });
    expect(state.conflict?.changes).toEqual([{ field: "dueDate", before: "2015-12-31", after: "" }]);
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: created.id } })).archivedAt).toBeNull();
  });

  it("answers a tampered id with invalid and an anonymous request with signedOut", async () => {
    const created = await create();
    expect(await archiveCommitment("1 OR 1=1" as never, {}, form({ version: "1" }))).toMatchObject({ message: "invalid" });
    expect(await restoreCommitment({ id: created.id } as never, {}, form({ version: "1" }))).toMatchObject({ message: "invalid" });
    signInAs(getServerSession, null);
    expect(await archiveCommitment(created.id, {}, form({ version: "1" }))).toMatchObject({ message: "signedOut" });
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: created.id } })).archivedAt).toBeNull();
  });
});
