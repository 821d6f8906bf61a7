import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// A change of status with its note, and a follow-up at a later meeting: each through the versioned, audited
// write path, refused to the public and to a disabled account, and seen on the tracker and the commitment page.
// The cache stays on, so the tests also show that a write invalidates what the public pages read.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { revalidatePath } = await import("next/cache");
const { changeCommitmentStatus, createCommitment, recordCommitmentFollowUp } = await import("@/lib/commitments/actions");
const { getCommitment, listCommitments, listStatusChangeAuthors } = await import("@/lib/commitments/tracker");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const redirected = (path: string) => ({ digest: expect.stringContaining(path) });

type Meeting = { id: number; slug: string; titleEn: string };
let sequence = 0;
const stamp = () => `${process.pid}-${Date.now()}-${++sequence}`;

async function newMeeting(date: string, archived = false): Promise<Meeting> {
  const id = stamp();
  return prisma.meeting.create({
    data: {
      slug: `test-status-${id}`,
      titleEn: `Status meeting ${id}`,
      titleRu: `Встреча статуса ${id}`,
      date: new Date(`${date}T00:00:00Z`),
      level: "regional",
      archivedAt: archived ? new Date() : null,
    },
    select: { id: true, slug: true, titleEn: true },
  });
}

let editor: { id: number; name: string; email: string; role: "admin" | "editor" };
let meeting: Meeting;
let commitmentId: number;
let region: { id: number; slug: string };

/** A commitment made through the staff form, so that its history starts with the creation's audit event. */
async function newCommitment() {
  meeting = await newMeeting("2015-03-10");
  const text = `Joint projects should be discussed in detail (${meeting.slug}).`;
  await expect(
    createCommitment(
      {},
      form({
        meetingId: String(meeting.id),
        textEn: text,
        textRu: "Совместные проекты следует детально обсуждать.",
        "parties.0.kind": "region",
        "parties.0.regionId": String(region.id),
        status: "proposed",
      }),
    ),
  ).rejects.toMatchObject(redirected("saved=created"));
  const created = await prisma.commitment.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { id: true } });
  return created.id;
}

const row = () => prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId }, include: { followUps: true } });
const audits = () =>
  prisma.auditEvent.findMany({ where: { entityType: "commitment", entityId: String(commitmentId) }, orderBy: { id: "asc" } });
const status = (values: Record<string, string>) => changeCommitmentStatus(commitmentId, {}, form(values));
const followUp = (values: Record<string, string>) => recordCommitmentFollowUp(commitmentId, {}, form(values));

beforeAll(async () => {
  await seedOnce();
  region = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" }, select: { id: true, slug: true } });
});

beforeEach(async () => {
  // A name no record of the registry contains, so that finding it in a public read can only mean the staff member's.
  const staff = await createStaffUser("editor");
  editor = await prisma.user.update({
    where: { id: staff.id },
    data: { name: `Status keeper ${stamp()}` },
    select: { id: true, name: true, email: true, role: true },
  });
  signInAs(getServerSession, editor);
  commitmentId = await newCommitment();
  vi.mocked(revalidatePath).mockClear();
});

afterAll(() => prisma.$disconnect());

describe("changeCommitmentStatus", () => {
  it("changes the status with a note on the audit event, bumps the version, and the public pages show it at once", async () => {
    // Read first, so that the cache holds the old commitment: the write must drop it.
    expect((await getCommitment(commitmentId, "en"))?.status).toBe("proposed");
    await expect(status({ newStatus: "agreed", statusNote: "  Both governments signed the plan.  ", version: "1" })).rejects.toMatchObject(
      redirected(`/workspace/commitments/${commitmentId}`),
    );
    expect(await row()).toMatchObject({ status: "agreed", version: 2, updatedById: editor.id });
    const [created, changed] = await audits();
    expect(created).toMatchObject({ action: "commitment.create", note: null });
    expect(changed).toMatchObject({ action: "commitment.update", actorId: editor.id, note: "Both governments signed the plan." });
    expect(changed!.before).toMatchObject({ status: "proposed", version: 1 });
    expect(changed!.after).toMatchObject({ status: "agreed", version: 2 });
    expect(revalidatePath).toHaveBeenCalledWith(`/meetings/${meeting.slug}`);
    expect(revalidatePath).toHaveBeenCalledWith("/commitments", "layout");

    const page = await getCommitment(commitmentId, "en");
    expect(page?.status).toBe("agreed");
    expect(page?.history).toMatchObject([
      { eventId: String(created!.id), from: null, to: "proposed", note: null },
      { eventId: String(changed!.id), from: "proposed", to: "agreed", note: "Both governments signed the plan." },
    ]);
    // The public page renders from this read: staff names are not public, nor emails.
    expect(JSON.stringify(page)).not.toContain(editor.name);
    expect(JSON.stringify(page)).not.toContain(editor.email);
    // Signed-in staff read who made each change apart, by name only; an event of another record is not answered.
    const other = await prisma.auditEvent.create({
      data: { actorId: editor.id, action: "meeting.update", entityType: "meeting", entityId: String(meeting.id) },
      select: { id: true },
    });
    const ids = [String(created!.id), String(changed!.id), String(other.id), "not-an-id"];
    expect(await listStatusChangeAuthors(commitmentId, ids)).toEqual({
      [String(created!.id)]: editor.name,
      [String(changed!.id)]: editor.name,
    });
    const listed = await listCommitments({ meeting: meeting.slug, status: ["agreed"] }, "en");
    expect(listed.items.map((c) => c.id)).toEqual([commitmentId]);
  });

  it("keeps every change in the history, and leaves edits that keep the status out of it", async () => {
    await expect(status({ newStatus: "in_progress", statusNote: "Work began.", version: "1" })).rejects.toMatchObject(redirected("saved="));
    const later = await newMeeting("2015-06-18");
    await expect(followUp({ followUpMeetingId: String(later.id), followUpNote: "Reviewed.", version: "2" })).rejects.toMatchObject(
      redirected("saved="),
    );
    await expect(status({ newStatus: "fulfilled", statusNote: "Done.", version: "3" })).rejects.toMatchObject(redirected("saved="));
    const history = (await getCommitment(commitmentId, "ru"))?.history;
    expect(history?.map((h) => [h.from, h.to, h.note])).toEqual([
      [null, "proposed", null],
      ["proposed", "in_progress", "Work began."],
      ["in_progress", "fulfilled", "Done."],
    ]);
  });

  it("refuses a stale version with what changed, and writes nothing", async () => {
    await expect(status({ newStatus: "agreed", statusNote: "First.", version: "1" })).rejects.toMatchObject(redirected("saved="));
    const before = await audits();
    const result = await status({ newStatus: "lapsed", statusNote: "Second, from an old page.", version: "1" });
    expect(result).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 } });
    expect(result.conflict?.changes).toContainEqual({ field: "status", before: "proposed", after: "agreed" });
    expect(result.values).toMatchObject({ statusNote: "Second, from an old page." });
    expect(await row()).toMatchObject({ status: "agreed", version: 2 });
    expect(await audits()).toHaveLength(before.length);
  });

  it.each<[string, Record<string, string>, string, string]>([
    ["no note", { newStatus: "agreed", statusNote: "  ", version: "1" }, "statusNote", "required"],
    ["a note too long", { newStatus: "agreed", statusNote: "x".repeat(2001), version: "1" }, "statusNote", "tooLong|2000"],
    ["an unknown status", { newStatus: "forgotten", statusNote: "Why", version: "1" }, "newStatus", "chooseOne"],
    ["the same status", { newStatus: "proposed", statusNote: "Why", version: "1" }, "newStatus", "statusUnchanged"],
  ])("refuses %s beside the field, and writes nothing", async (_case, values, field, message) => {
    const result = await status(values);
    expect(result).toMatchObject({ ok: false, errors: { [field]: [message] } });
    expect(await row()).toMatchObject({ status: "proposed", version: 1 });
    expect(await audits()).toHaveLength(1);
  });

  it("refuses the public and a disabled account, and writes nothing", async () => {
    signInAs(getServerSession, null);
    expect(await status({ newStatus: "agreed", statusNote: "Anonymous.", version: "1" })).toMatchObject({
      ok: false,
      message: "signedOut",
    });
    const disabled = await createStaffUser("editor");
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    signInAs(getServerSession, disabled);
    expect(await status({ newStatus: "agreed", statusNote: "Disabled.", version: "1" })).toMatchObject({ ok: false, message: "signedOut" });
    expect(
      await followUp({ followUpMeetingId: String((await newMeeting("2016-01-01")).id), followUpNote: "Disabled.", version: "1" }),
    ).toMatchObject({ ok: false, message: "signedOut" });
    expect(await row()).toMatchObject({ status: "proposed", version: 1, followUps: [] });
    expect(await audits()).toHaveLength(1);
  });

  it("refuses an archived commitment", async () => {
    await prisma.commitment.update({ where: { id: commitmentId }, data: { archivedAt: new Date() } });
    expect(await status({ newStatus: "agreed", statusNote: "Too late.", version: "1" })).toMatchObject({
      ok: false,
      message: "recordArchived",
    });
    expect(await audits()).toHaveLength(1);
  });
});

describe("recordCommitmentFollowUp", () => {
  it("records the follow-up with its note, audited and versioned, and it shows on the tracker and the commitment page", async () => {
    const later = await newMeeting("2015-06-18");
    expect((await listCommitments({ meeting: later.slug }, "en")).total).toBe(0);
    await expect(followUp({ followUpMeetingId: String(later.id), followUpNote: "Progress reported.", version: "1" })).rejects.toMatchObject(
      redirected(`/workspace/commitments/${commitmentId}`),
    );
    expect(await row()).toMatchObject({ version: 2, status: "proposed", followUps: [{ meetingId: later.id, note: "Progress reported." }] });
    const [, event] = await audits();
    expect(event).toMatchObject({ action: "commitment.update", actorId: editor.id, note: "Progress reported." });
    expect(event!.before).toMatchObject({ followUps: [], version: 1 });
    expect(event!.after).toMatchObject({ followUps: [`${later.titleEn} (2015-06-18): Progress reported.`], version: 2 });
    expect(revalidatePath).toHaveBeenCalledWith(`/meetings/${later.slug}`);

    const listed = await listCommitments({ meeting: later.slug }, "en");
    expect(listed.items.map((c) => c.id)).toEqual([commitmentId]);
    expect(listed.items[0]!.followUps).toMatchObject([{ meeting: { slug: later.slug, title: later.titleEn }, note: "Progress reported." }]);
    const page = await getCommitment(commitmentId, "en");
    expect(page?.followUps).toMatchObject([{ meeting: { slug: later.slug }, note: "Progress reported." }]);
    // A follow-up is not a change of status: the history still has the creation only.
    expect(page?.history).toHaveLength(1);
  });

  it("takes a meeting on the same day and no note", async () => {
    const sameDay = await newMeeting("2015-03-10");
    await expect(followUp({ followUpMeetingId: String(sameDay.id), followUpNote: "", version: "1" })).rejects.toMatchObject(
      redirected("saved="),
    );
    expect((await row()).followUps).toMatchObject([{ meetingId: sameDay.id, note: null }]);
  });

  it.each<[string, () => Promise<string>, string]>([
    ["a meeting before the commitment's", async () => String((await newMeeting("2015-03-09")).id), "followUpBeforeMeeting"],
    ["the commitment's own meeting", async () => String(meeting.id), "followUpSameMeeting"],
    ["an archived meeting", async () => String((await newMeeting("2016-01-01", true)).id), "meetingMissing"],
    ["a meeting that does not exist", async () => "2000000000", "meetingMissing"],
    ["no meeting", async () => "", "chooseOne"],
  ])("refuses %s beside the picker, and writes nothing", async (_case, meetingId, message) => {
    const result = await followUp({ followUpMeetingId: await meetingId(), followUpNote: "Note.", version: "1" });
    expect(result).toMatchObject({ ok: false, errors: { followUpMeetingId: [message] }, values: { followUpNote: "Note." } });
    expect(await row()).toMatchObject({ version: 1, followUps: [] });
    expect(await audits()).toHaveLength(1);
  });

  it("refuses the same meeting twice", async () => {
    const later = await newMeeting("2015-06-18");
    await expect(followUp({ followUpMeetingId: String(later.id), followUpNote: "", version: "1" })).rejects.toMatchObject(
      redirected("saved="),
    );
    const result = await followUp({ followUpMeetingId: String(later.id), followUpNote: "Again.", version: "2" });
    expect(result).toMatchObject({ ok: false, errors: { followUpMeetingId: ["followUpTwice"] } });
    expect(await row()).toMatchObject({ version: 2 });
    expect(await audits()).toHaveLength(2);
  });

  it("refuses a stale version", async () => {
    await expect(status({ newStatus: "agreed", statusNote: "First.", version: "1" })).rejects.toMatchObject(redirected("saved="));
    const later = await newMeeting("2015-06-18");
    const result = await followUp({ followUpMeetingId: String(later.id), followUpNote: "", version: "1" });
    expect(result).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 } });
    expect((await row()).followUps).toEqual([]);
  });
});
