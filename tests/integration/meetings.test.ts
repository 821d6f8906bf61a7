import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { linkEntityToMeeting, unlinkEntityFromMeeting } = await import("@/lib/meetings/actions");
const { getMeetingPage } = await import("@/lib/meetings/queries");
const { getOrganizationPage } = await import("@/lib/organizations/queries");
const { getRegionPage } = await import("@/lib/regions/queries");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const meetingSlug = "2015-03-10-lukashenko-mikhailov";
let meetingId: number;
let organization: { id: number; slug: string };

async function liveLinks(organizationId: number) {
  return prisma.discussionLink.count({ where: { meetingId, organizationId, archivedAt: null } });
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

describe("linkEntityToMeeting", () => {
  it("refuses an anonymous request on the server and writes nothing", async () => {
    signInAs(getServerSession, null);
    const before = await prisma.auditEvent.count();
    const state = await linkEntityToMeeting(meetingId, {}, form({ entity: `organization:${organization.id}`, note: "Should not land" }));
    expect(state).toEqual({ ok: false, message: "signedOut" });
    expect(await liveLinks(organization.id)).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("refuses a disabled account whose session is still valid", async () => {
    const user = await createStaffUser("editor");
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    signInAs(getServerSession, user);
    const state = await linkEntityToMeeting(meetingId, {}, form({ entity: `organization:${organization.id}`, note: "x" }));
    expect(state.message).toBe("signedOut");
    expect(await liveLinks(organization.id)).toBe(0);
  });

  it("links an organization for an editor, with an audit event, visible on both public pages", async () => {
    const user = await createStaffUser("editor");
    signInAs(getServerSession, user);
    const state = await linkEntityToMeeting(
      meetingId,
      {},
      form({ entity: `organization:${organization.id}`, note: "  Proposed a joint line for seed drills.  " }),
    );
    expect(state).toEqual({ ok: true, message: "saved" });

    const link = await prisma.discussionLink.findFirstOrThrow({ where: { meetingId, organizationId: organization.id } });
    expect(link).toMatchObject({ note: "Proposed a joint line for seed drills.", createdById: user.id, version: 1, archivedAt: null });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "discussion_link", entityId: String(link.id) } });
    expect(audit).toMatchObject({ actorId: user.id, action: "discussion_link.create", before: null });
    expect(audit.after).toMatchObject({ organizationId: organization.id, note: "Proposed a joint line for seed drills." });

    const meetingPage = await getMeetingPage(meetingSlug);
    expect(meetingPage?.discussionLinks.map((l) => l.organization?.slug)).toContain(organization.slug);
    const orgPage = await getOrganizationPage(organization.slug);
    expect(orgPage?.timeline).toHaveLength(1);
    expect(orgPage?.timeline[0]).toMatchObject({ note: "Proposed a joint line for seed drills.", meeting: { slug: meetingSlug } });
  });

  it("links a region, and the region's timeline shows it", async () => {
    const user = await createStaffUser("admin");
    signInAs(getServerSession, user);
    const region = await prisma.region.findUniqueOrThrow({ where: { slug: "gomel-region" } });
    const state = await linkEntityToMeeting(
      meetingId,
      {},
      form({ entity: `region:${region.id}`, note: "Gomel named as a partner for sugar." }),
    );
    expect(state.ok).toBe(true);
    const page = await getRegionPage("gomel-region");
    expect(page?.timeline.map((entry) => entry.note)).toContain("Gomel named as a partner for sugar.");
  });

  it("gives field errors for bad input and writes nothing", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const state = await linkEntityToMeeting(meetingId, {}, form({ entity: "nonsense", note: "x".repeat(2001) }));
    expect(state).toEqual({
      ok: false,
      message: "checkFields",
      errors: { entity: ["chooseEntity"], note: ["noteTooLong"] },
      values: { entity: "nonsense", note: "x".repeat(2001) },
    });
    expect(await liveLinks(organization.id)).toBe(0);
  });

  it("says so when the organization does not exist", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const state = await linkEntityToMeeting(meetingId, {}, form({ entity: "organization:999999", note: "x" }));
    expect(state.errors).toEqual({ entity: ["entityMissing"] });
  });

  it("refuses a second live link to the same meeting with a field error", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const data = () => form({ entity: `organization:${organization.id}`, note: "First" });
    expect((await linkEntityToMeeting(meetingId, {}, data())).ok).toBe(true);
    const second = await linkEntityToMeeting(meetingId, {}, data());
    expect(second.errors).toEqual({ entity: ["alreadyLinked"] });
    expect(await liveLinks(organization.id)).toBe(1);
  });
});

describe("unlinkEntityFromMeeting", () => {
  it("archives the link with an audit event, after which it can be made again", async () => {
    const user = await createStaffUser("editor");
    signInAs(getServerSession, user);
    await linkEntityToMeeting(meetingId, {}, form({ entity: `organization:${organization.id}`, note: "To be removed" }));
    const link = await prisma.discussionLink.findFirstOrThrow({ where: { meetingId, organizationId: organization.id } });

    const state = await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }));
    expect(state).toEqual({ ok: true, message: "removed" });
    const archived = await prisma.discussionLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.version).toBe(2);
    expect(
      await prisma.auditEvent.count({ where: { entityId: String(link.id), action: "discussion_link.archive", actorId: user.id } }),
    ).toBe(1);
    expect((await getOrganizationPage(organization.slug))?.timeline).toHaveLength(0);

    const again = await linkEntityToMeeting(meetingId, {}, form({ entity: `organization:${organization.id}`, note: "Linked again" }));
    expect(again.ok).toBe(true);
  });

  it("refuses a stale version, so two editors cannot both remove one link", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    await linkEntityToMeeting(meetingId, {}, form({ entity: `organization:${organization.id}`, note: "Contested" }));
    const link = await prisma.discussionLink.findFirstOrThrow({ where: { meetingId, organizationId: organization.id } });
    expect((await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }))).ok).toBe(true);
    expect(await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }))).toEqual({
      ok: false,
      message: "linkMissing",
    });
  });

  it("refuses an anonymous request and leaves the link in place", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    await linkEntityToMeeting(meetingId, {}, form({ entity: `organization:${organization.id}`, note: "Stays" }));
    const link = await prisma.discussionLink.findFirstOrThrow({ where: { meetingId, organizationId: organization.id } });
    signInAs(getServerSession, null);
    expect(await unlinkEntityFromMeeting({}, form({ linkId: String(link.id), version: "1" }))).toEqual({ ok: false, message: "signedOut" });
    expect(await liveLinks(organization.id)).toBe(1);
  });
});
