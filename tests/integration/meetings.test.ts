import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The wrapper lets redirect() through; these actions stay on their page and never redirect.

const { getServerSession } = await import("next-auth");
const { linkEntityToMeeting, linkMeetingToEntity, unlinkEntityFromMeeting } = await import("@/lib/meetings/actions");
const { getMeetingPage, listLinkAuthors } = await import("@/lib/meetings/queries");
const { getOrganizationPage } = await import("@/lib/organizations/queries");
const { getRegionPage } = await import("@/lib/regions/queries");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const meetingSlug = "2015-03-10-lukashenko-mikhailov";
let meetingId: number;
let organization: { id: number; slug: string };

async function liveLinks(organizationId: number) {
  return prisma.discussionLink.count({ where: { meetingId, organizationId, archivedAt: null } });
}

/** What the organization picker posts: the id and, for the echo after a failure, its label. */
const pickOrganization = (id: number | string, note: string) => form({ organizationId: String(id), organizationId__label: "Test", note });

async function linkOf(organizationId: number) {
  return prisma.discussionLink.findFirstOrThrow({ where: { meetingId, organizationId }, orderBy: { id: "desc" } });
}

beforeAll(async () => {
  await seedOnce();
  meetingId = (await prisma.meeting.findUniqueOrThrow({ where: { slug: meetingSlug } })).id;
});

beforeEach(async () => {
  // A fresh organization for each test, so no test depends on another's links.
  const region = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } });
  const slug = `test-org-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  organization = await prisma.organization.create({
    data: {
      slug,
      kind: "enterprise",
      name: `ООО «Тест ${slug}»`,
      nameEn: `Test ${slug}`,
      regionId: region.id,
      countryCode: "RU",
      status: "active",
    },
    select: { id: true, slug: true },
  });
});

afterAll(() => prisma.$disconnect());

describe("linkEntityToMeeting (from the meeting's page)", () => {
  it("refuses an anonymous request on the server, keeps what was typed and writes nothing", async () => {
    signInAs(getServerSession, null);
    const before = await prisma.auditEvent.count();
    const state = await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "Should not land"));
    expect(state).toEqual({
      ok: false,
      message: "signedOut",
      values: { organizationId: String(organization.id), organizationId__label: "Test", note: "Should not land" },
    });
    expect(await liveLinks(organization.id)).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("refuses a disabled account whose session is still valid", async () => {
    const user = await createStaffUser("editor");
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    signInAs(getServerSession, user);
    const state = await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "x"));
    expect(state.message).toBe("signedOut");
    expect(await liveLinks(organization.id)).toBe(0);
  });

  it("links an organization for an editor, with an audit event, visible on both public pages", async () => {
    const user = await createStaffUser("editor");
    signInAs(getServerSession, user);
    const state = await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "  Proposed a joint line for seed drills.  "));
    expect(state).toEqual({ ok: true, message: "saved" });

    const link = await linkOf(organization.id);
    expect(link).toMatchObject({ note: "Proposed a joint line for seed drills.", createdById: user.id, version: 1, archivedAt: null });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "discussion_link", entityId: String(link.id) } });
    expect(audit).toMatchObject({ actorId: user.id, action: "discussion_link.create", before: null });
    expect(audit.after).toMatchObject({
      meeting: "2015-03-10 President of Belarus meets the Governor of Kursk Oblast",
      organization: expect.stringContaining(organization.slug),
      region: null,
      note: "Proposed a joint line for seed drills.",
      version: 1,
      archived: false,
    });

    const meetingPage = await getMeetingPage(meetingSlug);
    expect(meetingPage?.discussionLinks.map((l) => l.organization?.slug)).toContain(organization.slug);
    const orgPage = await getOrganizationPage(organization.slug);
    expect(orgPage?.timeline).toHaveLength(1);
    expect(orgPage?.timeline[0]).toMatchObject({ note: "Proposed a joint line for seed drills.", meeting: { slug: meetingSlug } });
  });

  it("the meeting page's shared read holds no staff name; who made a link is read for staff apart", async () => {
    // A name no record of the registry contains, so that finding it can only mean the staff member's.
    const staff = await createStaffUser("editor");
    const user = await prisma.user.update({ where: { id: staff.id }, data: { name: `Linkmaker ${Date.now()}` } });
    signInAs(getServerSession, user);
    expect((await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "Named link"))).ok).toBe(true);
    const link = await linkOf(organization.id);

    const page = await getMeetingPage(meetingSlug);
    expect(page?.discussionLinks.map((l) => l.id)).toContain(link.id);
    // The public page renders from this read: neither the name nor the email may be in it.
    const publicRead = JSON.stringify(page);
    expect(publicRead).not.toContain(user.name);
    expect(publicRead).not.toContain(user.email);
    expect(page?.discussionLinks.every((l) => !("createdBy" in l))).toBe(true);

    expect(await listLinkAuthors([link.id])).toEqual({ [link.id]: user.name });
    expect(await listLinkAuthors([])).toEqual({});
  });

  it("links a region, and the region's timeline shows it", async () => {
    signInAs(getServerSession, await createStaffUser("admin"));
    const region = await prisma.region.findUniqueOrThrow({ where: { slug: "gomel-region" } });
    const note = `Gomel named as a partner for sugar (${Date.now()}).`;
    // A live link from an earlier run would block this one: remove it first, as an editor would.
    await prisma.discussionLink.updateMany({
      where: { meetingId, regionId: region.id, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    const state = await linkEntityToMeeting(meetingId, {}, form({ regionId: String(region.id), note }));
    expect(state.ok).toBe(true);
    const page = await getRegionPage("gomel-region");
    expect(page?.timeline.map((entry) => entry.note)).toContain(note);

    const again = await linkEntityToMeeting(meetingId, {}, form({ regionId: String(region.id), note: "Twice" }));
    expect(again).toMatchObject({ ok: false, message: "checkFields", errors: { regionId: ["alreadyLinked"] } });
  });

  it("gives field errors for bad input, echoes it, and writes nothing", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const state = await linkEntityToMeeting(meetingId, {}, form({ organizationId: "", note: "x".repeat(2001) }));
    expect(state).toEqual({
      ok: false,
      message: "checkFields",
      errors: { organizationId: ["chooseEntity"], note: ["noteTooLong"] },
      values: { organizationId: "", note: "x".repeat(2001) },
    });
    expect((await linkEntityToMeeting(meetingId, {}, form({ organizationId: String(organization.id), note: "  " }))).errors).toEqual({
      note: ["noteRequired"],
    });
    expect((await linkEntityToMeeting(meetingId, {}, form({ organizationId: String(organization.id), note: "a\u0000b" }))).errors).toEqual({
      note: ["containsNul"],
    });
    expect(await liveLinks(organization.id)).toBe(0);
  });

  it("accepts exactly one of an organization and a region", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const region = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } });
    const state = await linkEntityToMeeting(
      meetingId,
      {},
      form({ organizationId: String(organization.id), regionId: String(region.id), note: "Both" }),
    );
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors: { organizationId: ["chooseOneEntity"] } });
    expect(await liveLinks(organization.id)).toBe(0);
  });

  it("says so when the organization does not exist, or the meeting is archived", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    expect((await linkEntityToMeeting(meetingId, {}, pickOrganization(999999, "x"))).errors).toEqual({ organizationId: ["entityMissing"] });

    const archived = await prisma.meeting.create({
      data: {
        slug: `archived-${Date.now()}`,
        titleEn: "Archived",
        titleRu: "В архиве",
        date: new Date("2015-01-01"),
        level: "agency",
        archivedAt: new Date(),
      },
    });
    const state = await linkEntityToMeeting(archived.id, {}, pickOrganization(organization.id, "x"));
    expect(state.errors).toEqual({ organizationId: ["meetingMissing"] });
    expect(await prisma.discussionLink.count({ where: { meetingId: archived.id } })).toBe(0);
  });

  it("refuses a second live link to the same meeting with a field error", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    expect((await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "First"))).ok).toBe(true);
    const second = await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "Second"));
    expect(second).toMatchObject({ ok: false, message: "checkFields", errors: { organizationId: ["alreadyLinked"] } });
    expect(await liveLinks(organization.id)).toBe(1);
  });

  it.each(["1e3", "0x10", "99999999999", "-1", "abc", "", " 1 2"])("refuses a tampered meeting id %j as invalid", async (tampered) => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const before = await prisma.auditEvent.count();
    const state = await linkEntityToMeeting(tampered as unknown as number, {}, pickOrganization(organization.id, "x"));
    expect(state).toMatchObject({ ok: false, message: "invalid" });
    expect(await liveLinks(organization.id)).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it.each(["1e3", "99999999999", "-1", "abc"])("refuses a tampered organization id %j as a field error", async (tampered) => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const state = await linkEntityToMeeting(meetingId, {}, pickOrganization(tampered, "x"));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors: { organizationId: ["invalid"] } });
  });
});

describe("linkMeetingToEntity (from an organization's or region's page)", () => {
  it("links the organization to the meeting picked, with the same audit action", async () => {
    const user = await createStaffUser("editor");
    signInAs(getServerSession, user);
    const entity = { type: "organization" as const, id: organization.id };
    const state = await linkMeetingToEntity(
      entity,
      {},
      form({ meetingId: String(meetingId), meetingId__label: "Meeting", note: "From its page" }),
    );
    expect(state).toEqual({ ok: true, message: "saved" });
    const link = await linkOf(organization.id);
    expect(link).toMatchObject({ note: "From its page", regionId: null, createdById: user.id });
    expect(
      await prisma.auditEvent.count({ where: { entityId: String(link.id), action: "discussion_link.create", actorId: user.id } }),
    ).toBe(1);
    expect((await getOrganizationPage(organization.slug))?.timeline.map((entry) => entry.meeting.slug)).toEqual([meetingSlug]);

    const again = await linkMeetingToEntity(entity, {}, form({ meetingId: String(meetingId), note: "Twice" }));
    expect(again).toMatchObject({
      ok: false,
      errors: { meetingId: ["alreadyLinked"] },
      values: { meetingId: String(meetingId), note: "Twice" },
    });
  });

  it("links a region from its page", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const region = await prisma.region.create({
      data: {
        slug: `test-region-${Date.now()}`,
        nameEn: `Test region ${Date.now()}`,
        nameRu: "Тестовый регион",
        level: "region",
        countryCode: "RU",
      },
    });
    const state = await linkMeetingToEntity(
      { type: "region", id: region.id },
      {},
      form({ meetingId: String(meetingId), note: "Region side" }),
    );
    expect(state.ok).toBe(true);
    expect(await prisma.discussionLink.count({ where: { meetingId, regionId: region.id, archivedAt: null } })).toBe(1);
  });

  it("gives field errors for no meeting, a missing meeting and a missing entity", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const entity = { type: "organization" as const, id: organization.id };
    expect((await linkMeetingToEntity(entity, {}, form({ meetingId: "", note: "" }))).errors).toEqual({
      meetingId: ["chooseOne"],
      note: ["noteRequired"],
    });
    expect((await linkMeetingToEntity(entity, {}, form({ meetingId: "999999", note: "x" }))).errors).toEqual({
      meetingId: ["meetingMissing"],
    });
    expect(
      (await linkMeetingToEntity({ type: "organization", id: 999999 }, {}, form({ meetingId: String(meetingId), note: "x" }))).errors,
    ).toEqual({ meetingId: ["entityMissing"] });
    expect(await liveLinks(organization.id)).toBe(0);
  });

  it.each([
    { type: "organization", id: "1e3" },
    { type: "organization", id: 99999999999 },
    { type: "organization", id: -1 },
    { type: "company", id: 1 },
    "organization:1",
    null,
  ])("refuses a tampered entity %j as invalid", async (tampered) => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const state = await linkMeetingToEntity(tampered as never, {}, form({ meetingId: String(meetingId), note: "x" }));
    expect(state).toMatchObject({ ok: false, message: "invalid" });
  });
});

describe("unlinkEntityFromMeeting (from either side)", () => {
  it("archives the link with an audit event, after which it can be made again", async () => {
    const user = await createStaffUser("editor");
    signInAs(getServerSession, user);
    await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "To be removed"));
    const link = await linkOf(organization.id);

    const state = await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }));
    expect(state).toEqual({ ok: true, message: "removed" });
    const archived = await prisma.discussionLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.version).toBe(2);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: String(link.id), action: "discussion_link.archive" } });
    expect(audit.actorId).toBe(user.id);
    expect(audit.before).toMatchObject({ note: "To be removed", version: 1, archived: false });
    expect(audit.after).toMatchObject({ note: "To be removed", version: 2, archived: true });
    expect((await getOrganizationPage(organization.slug))?.timeline).toHaveLength(0);

    const again = await linkMeetingToEntity(
      { type: "organization", id: organization.id },
      {},
      form({ meetingId: String(meetingId), note: "Again" }),
    );
    expect(again.ok).toBe(true);
  });

  it("refuses a stale version, so two editors cannot both remove one link", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "Contested"));
    const link = await linkOf(organization.id);
    expect((await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }))).ok).toBe(true);
    const events = await prisma.auditEvent.count({ where: { entityId: String(link.id) } });
    expect(await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }))).toEqual({
      ok: false,
      message: "linkMissing",
      values: { linkId: String(link.id), version: "1" },
    });
    // Also from the version the first removal left: it is already removed.
    expect((await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "2" }))).message).toBe("linkMissing");
    expect(await prisma.auditEvent.count({ where: { entityId: String(link.id) } })).toBe(events);
  });

  it.each(["1e3", "99999999999", "-1", "abc", "999999"])(
    "refuses a tampered or unknown link id %j without a database error",
    async (tampered) => {
      signInAs(getServerSession, await createStaffUser("editor"));
      const state = await unlinkEntityFromMeeting({}, form({ linkId: tampered, version: "1" }));
      expect(state.ok).toBe(false);
      expect(state.message).toBe(tampered === "999999" ? "linkMissing" : "checkFields");
      if (tampered !== "999999") expect(state.errors).toEqual({ linkId: ["invalid"] });
    },
  );

  it("refuses an anonymous request and leaves the link in place", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    await linkEntityToMeeting(meetingId, {}, pickOrganization(organization.id, "Stays"));
    const link = await linkOf(organization.id);
    signInAs(getServerSession, null);
    expect((await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }))).message).toBe("signedOut");
    expect(await liveLinks(organization.id)).toBe(1);
  });
});
