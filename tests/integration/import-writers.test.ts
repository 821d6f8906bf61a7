import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { archiveMeeting, linkMeetingToEntity, unlinkEntityFromMeeting, updateMeeting } = await import("@/lib/meetings/actions");
const { updateCommitment } = await import("@/lib/commitments/actions");
const { archiveOrganization, createOrganization, updateOrganization } = await import("@/lib/organizations/actions");
const { getMeetingForEdit } = await import("@/lib/meetings/queries");
const { getCommitmentForEdit } = await import("@/lib/commitments/queries");
const { getOrganizationForEdit } = await import("@/lib/organizations/queries");
const { commitBatch, undoBatch } = await import("@/lib/import/batch");
const { rowUndoers, rowWriters } = await import("@/lib/import/writers");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");
const { madeUpWord } = await import("../support/import-sheets");
const { stageBatch } = await import("../support/import-batches");

// The commit job writes partners, meetings, links and commitments as their forms do: each row versioned and
// audited, the audit event naming the batch; an undo takes each back (a new record archived, a changed one saved
// back as it was) but for a record edited since, which it lists and leaves alone; and a row the registry has
// moved under since the preview is refused with the form's message.

type RecordType = Parameters<typeof stageBatch>[1]["type"];

const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
const DATE = "14.05.2019";
let editor: Awaited<ReturnType<typeof createStaffUser>>;

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  signInAs(getServerSession, editor);
});

afterAll(() => prisma.$disconnect());

const stage = (type: RecordType, headers: string[], rows: string[][]) => stageBatch(prisma, { type, headers, rows, authorId: editor.id });

/** Commits a batch, which must write every row it previewed as a create or an update; returns what it wrote, by row. */
async function commitAll(batchId: number) {
  const outcome = await commitBatch(prisma, batchId, rowWriters);
  const records = await prisma.importBatchRecord.findMany({ where: { batchId }, orderBy: { row: "asc" } });
  expect(outcome).toEqual({ status: "committed", written: records.length });
  return records;
}

/** Stages `rows` and commits them: what it wrote, by row. */
async function imported(type: RecordType, headers: string[], rows: string[][]) {
  const { batchId, preview } = await stage(type, headers, rows);
  return { batchId, preview, records: await commitAll(batchId) };
}

/** The audit events naming the batch, as [action, record id]. */
async function audited(batchId: number) {
  const events = await prisma.auditEvent.findMany({ where: { importBatchId: batchId }, orderBy: { id: "asc" } });
  return events.map((e) => [e.action, Number(e.entityId)]);
}

/** Saves a record's edit form through its action with `changes` over the values it shows. */
async function editThroughForm(
  action: (id: number, state: object, data: FormData) => Promise<unknown>,
  id: number,
  record: { values: Record<string, string | string[]> } | null,
  changes: Record<string, string>,
) {
  const values = Object.fromEntries(Object.entries(record!.values).map(([k, v]) => [k, Array.isArray(v) ? v.join("\n") : v]));
  await expect(action(id, {}, form({ ...values, ...changes }))).rejects.toMatchObject(redirected);
}

// ---- Meetings ----

const MEETING_HEADERS = ["Название", "Название (англ.)", "Дата", "Уровень", "Регионы", "Итоги"];
const meetingTitle = () => `Рабочая группа ${madeUpWord(9)} ${madeUpWord(7)}`;
const meetingRow = (title: string, summary = "Итоги встречи") => [
  title,
  `${title} (en)`,
  DATE,
  "региональный",
  "Курская область; Гомельская область",
  summary,
];

/** A meeting made by an import of its own, for the links and commitments to name by its title. */
async function newMeeting() {
  const title = meetingTitle();
  const { records } = await imported("meetings", MEETING_HEADERS, [meetingRow(title)]);
  return { id: records[0]!.entityId, title };
}

describe("importing meetings", () => {
  it("creates and updates meetings; an undo archives the new, saves back the changed, and leaves one edited since", async () => {
    const [x, y, z] = [meetingTitle(), meetingTitle(), meetingTitle()];
    const earlier = await imported("meetings", MEETING_HEADERS, [meetingRow(z, "Итоги до импорта")]);
    const zId = earlier.records[0]!.entityId;

    const created = await imported("meetings", MEETING_HEADERS, [meetingRow(x), meetingRow(y)]);
    expect(created.preview.counts).toMatchObject({ create: 2 });
    const [xId, yId] = created.records.map((r) => r.entityId);
    expect(await audited(created.batchId)).toEqual([
      ["meeting.create", xId],
      ["meeting.create", yId],
      ["import.commit", created.batchId],
    ]);
    const regions = await prisma.meetingRegion.count({ where: { meetingId: xId } });
    expect(regions).toBe(2);

    const updated = await imported("meetings", MEETING_HEADERS, [meetingRow(z, "Итоги из импорта")]);
    expect(updated.preview.counts).toMatchObject({ update: 1 });
    expect(updated.records.map((r) => [r.entityId, r.action])).toEqual([[zId, "update"]]);
    expect(await audited(updated.batchId)).toEqual([
      ["meeting.update", zId],
      ["import.commit", updated.batchId],
    ]);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: zId } })).summaryRu).toBe("Итоги из импорта");

    // An editor changes the second new meeting through its form after the import.
    await editThroughForm(updateMeeting, yId!, await getMeetingForEdit(yId!, "ru"), { summaryRu: "Правка редактора" });

    expect(await undoBatch(prisma, updated.batchId, editor, rowUndoers)).toEqual({ undone: 1, editedSince: [] });
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: zId } })).toMatchObject({
      summaryRu: "Итоги до импорта",
      archivedAt: null,
    });
    expect(await undoBatch(prisma, created.batchId, editor, rowUndoers)).toEqual({
      undone: 1,
      editedSince: [{ row: 3, entityType: "meeting", entityId: yId }],
    });
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: xId } })).archivedAt).not.toBeNull();
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: yId } })).toMatchObject({
      summaryRu: "Правка редактора",
      archivedAt: null,
    });
    expect((await audited(created.batchId)).slice(-2)).toEqual([
      ["meeting.archive", xId],
      ["import.undo", created.batchId],
    ]);
  });

  it("refuses an update of a meeting archived since the preview, writing nothing", async () => {
    const meeting = await newMeeting();
    const { batchId } = await stage("meetings", MEETING_HEADERS, [meetingRow(meeting.title, "Новые итоги")]);
    await expect(archiveMeeting(meeting.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({ status: "failed", error: "row 2: conflict" });
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).summaryRu).toBe("Итоги встречи");
  });
});

// ---- Organizations for links and partners ----

/** An organization made through its form, in Kursk Oblast: `values` over an enterprise's. */
async function newOrganization(values: Record<string, string> = {}) {
  const name = `ООО «${madeUpWord(9)} ${madeUpWord(8)}»`;
  const data = {
    kind: "enterprise",
    regionId: String(await regionId("kursk-oblast")),
    status: "active",
    primarySector: "28",
    name,
    ...values,
  };
  await expect(createOrganization({}, form(data))).rejects.toMatchObject(redirected);
  return prisma.organization.findFirstOrThrow({ where: { name }, select: { id: true, name: true, version: true } });
}

const regionId = async (slug: string) => (await prisma.region.findUniqueOrThrow({ where: { slug } })).id;

// ---- Links ----

const LINK_HEADERS = ["Встреча", "Дата встречи", "Организация", "Что обсуждалось"];

describe("importing what was discussed at meetings", () => {
  it("links and changes notes; an undo unlinks the new, puts the old note back, and leaves a link removed since", async () => {
    const meeting = await newMeeting();
    const [a, b, c] = [await newOrganization(), await newOrganization(), await newOrganization()];
    const row = (organization: { name: string }, note: string) => [meeting.title, DATE, organization.name, note];
    const earlier = await imported("links", LINK_HEADERS, [row(c, "Заметка до импорта")]);
    const cLink = earlier.records[0]!.entityId;

    const created = await imported("links", LINK_HEADERS, [row(a, "Поставки"), row(b, "Сервис")]);
    expect(created.preview.counts).toMatchObject({ create: 2 });
    const [aLink, bLink] = created.records.map((r) => r.entityId);
    expect(await prisma.discussionLink.findUniqueOrThrow({ where: { id: aLink } })).toMatchObject({
      meetingId: meeting.id,
      organizationId: a.id,
      note: "Поставки",
      createdById: editor.id,
    });
    expect(await audited(created.batchId)).toEqual([
      ["discussion_link.create", aLink],
      ["discussion_link.create", bLink],
      ["import.commit", created.batchId],
    ]);

    const updated = await imported("links", LINK_HEADERS, [row(c, "Заметка из импорта")]);
    expect(updated.preview.counts).toMatchObject({ update: 1 });
    expect(await audited(updated.batchId)).toEqual([
      ["discussion_link.update", cLink],
      ["import.commit", updated.batchId],
    ]);
    expect(await prisma.discussionLink.findUniqueOrThrow({ where: { id: cLink } })).toMatchObject({
      note: "Заметка из импорта",
      version: 2,
    });

    // An editor removes the second new link from the meeting's page after the import.
    expect(await unlinkEntityFromMeeting({}, form({ linkId: String(bLink), version: "1" }))).toMatchObject({ ok: true });

    expect(await undoBatch(prisma, updated.batchId, editor, rowUndoers)).toEqual({ undone: 1, editedSince: [] });
    expect(await prisma.discussionLink.findUniqueOrThrow({ where: { id: cLink } })).toMatchObject({
      note: "Заметка до импорта",
      archivedAt: null,
    });
    expect(await undoBatch(prisma, created.batchId, editor, rowUndoers)).toEqual({
      undone: 1,
      editedSince: [{ row: 3, entityType: "discussion_link", entityId: bLink }],
    });
    expect((await prisma.discussionLink.findUniqueOrThrow({ where: { id: aLink } })).archivedAt).not.toBeNull();
    expect(await prisma.discussionLink.findUniqueOrThrow({ where: { id: bLink } })).toMatchObject({ version: 2 });
    expect((await audited(created.batchId)).slice(-2)).toEqual([
      ["discussion_link.archive", aLink],
      ["import.undo", created.batchId],
    ]);
  });

  it("refuses a link to a meeting archived since the preview, and one made meanwhile by hand, with the form's messages", async () => {
    const meeting = await newMeeting();
    const organization = await newOrganization();
    const { batchId } = await stage("links", LINK_HEADERS, [[meeting.title, DATE, organization.name, "Поставки"]]);
    await expect(archiveMeeting(meeting.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({
      status: "failed",
      error: "row 2: checkFields; meetingId: meetingMissing",
    });

    const other = await newMeeting();
    const again = await stage("links", LINK_HEADERS, [[other.title, DATE, organization.name, "Поставки"]]);
    const byHand = await linkMeetingToEntity(
      { type: "organization", id: organization.id },
      {},
      form({ meetingId: String(other.id), note: "Раньше импорта" }),
    );
    expect(byHand).toMatchObject({ ok: true });
    expect(await commitBatch(prisma, again.batchId, rowWriters)).toEqual({
      status: "failed",
      error: "row 2: checkFields; organizationId: alreadyLinked",
    });
    expect(await prisma.discussionLink.count({ where: { organizationId: organization.id } })).toBe(1);
  });
});

// ---- Commitments ----

const COMMITMENT_HEADERS = ["Встреча", "Дата встречи", "Текст", "Текст (англ.)", "Стороны", "Статус"];
const commitmentRow = (meeting: { title: string }, text: string, status = "согласовано") => [
  meeting.title,
  DATE,
  text,
  `${text} (en)`,
  "Курская область; Гомельская область",
  status,
];
const commitmentText = () => `Поставить ${madeUpWord(8)} ${madeUpWord(6)}`;

describe("importing commitments", () => {
  it("records and updates commitments; an undo archives the new, saves back the changed, and leaves one edited since", async () => {
    const meeting = await newMeeting();
    const [x, y, z] = [commitmentText(), commitmentText(), commitmentText()];
    const earlier = await imported("commitments", COMMITMENT_HEADERS, [commitmentRow(meeting, z)]);
    const zId = earlier.records[0]!.entityId;

    const created = await imported("commitments", COMMITMENT_HEADERS, [commitmentRow(meeting, x), commitmentRow(meeting, y)]);
    expect(created.preview.counts).toMatchObject({ create: 2 });
    const [xId, yId] = created.records.map((r) => r.entityId);
    expect(await prisma.commitmentParty.count({ where: { commitmentId: xId } })).toBe(2);
    expect(await audited(created.batchId)).toEqual([
      ["commitment.create", xId],
      ["commitment.create", yId],
      ["import.commit", created.batchId],
    ]);

    const updated = await imported("commitments", COMMITMENT_HEADERS, [commitmentRow(meeting, z, "в работе")]);
    expect(updated.preview.counts).toMatchObject({ update: 1 });
    expect(await audited(updated.batchId)).toEqual([
      ["commitment.update", zId],
      ["import.commit", updated.batchId],
    ]);
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: zId } })).status).toBe("in_progress");

    // An editor changes the second new commitment through its form after the import.
    await editThroughForm(updateCommitment, yId!, await getCommitmentForEdit(yId!, "ru"), { status: "fulfilled" });

    expect(await undoBatch(prisma, updated.batchId, editor, rowUndoers)).toEqual({ undone: 1, editedSince: [] });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: zId } })).toMatchObject({ status: "agreed", archivedAt: null });
    expect(await undoBatch(prisma, created.batchId, editor, rowUndoers)).toEqual({
      undone: 1,
      editedSince: [{ row: 3, entityType: "commitment", entityId: yId }],
    });
    expect((await prisma.commitment.findUniqueOrThrow({ where: { id: xId } })).archivedAt).not.toBeNull();
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: yId } })).toMatchObject({ status: "fulfilled", archivedAt: null });
    expect((await audited(created.batchId)).slice(-2)).toEqual([
      ["commitment.archive", xId],
      ["import.undo", created.batchId],
    ]);
  });

  it("refuses a commitment made at a meeting archived since the preview, with the form's message", async () => {
    const meeting = await newMeeting();
    const { batchId } = await stage("commitments", COMMITMENT_HEADERS, [commitmentRow(meeting, commitmentText())]);
    await expect(archiveMeeting(meeting.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({
      status: "failed",
      error: "row 2: checkFields; meetingId: meetingMissing",
    });
    expect(await prisma.commitment.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});

// ---- Partners ----

const PARTNER_HEADERS = ["Совместное предприятие", "Партнёр (организация)", "Партнёр (регион)", "Доля, %"];

/** A joint venture made through its form, with one partner organization holding 50 %. */
async function newVenture() {
  const partner = await newOrganization();
  const venture = await newOrganization({
    kind: "joint_venture",
    "partners.0.organizationId": String(partner.id),
    "partners.0.share": "50",
  });
  return { ...venture, partner };
}

/** The venture's live partners, as [organization or region id, share]. */
async function partnersOf(ventureId: number) {
  const rows = await prisma.jointVenturePartner.findMany({ where: { ventureId, archivedAt: null }, orderBy: { id: "asc" } });
  return rows.map((p) => [p.partnerOrganizationId ?? p.partnerRegionId, p.sharePercent.toString()]);
}

describe("importing joint-venture partners", () => {
  it("adds and changes partners as edits of their ventures; an undo takes a venture's rows back together, but not one edited since", async () => {
    const [v1, v2, v3] = [await newVenture(), await newVenture(), await newVenture()];
    const [kursk, brest] = [await regionId("kursk-oblast"), await regionId("brest-region")];

    const added = await imported("partners", PARTNER_HEADERS, [
      [v1.name, "", "Курская область", "20"],
      [v1.name, "", "Брестская область", "20"],
      [v2.name, "", "Курская область", "10"],
    ]);
    expect(added.preview.counts).toMatchObject({ create: 3 });
    // Each row is an edit of its venture, the second of v1 from the version the first left.
    expect(added.records.map((r) => [r.entityType, r.entityId, r.action, r.versionAfter])).toEqual([
      ["organization", v1.id, "update", v1.version + 1],
      ["organization", v1.id, "update", v1.version + 2],
      ["organization", v2.id, "update", v2.version + 1],
    ]);
    expect(await partnersOf(v1.id)).toEqual([
      [v1.partner.id, "50"],
      [kursk, "20"],
      [brest, "20"],
    ]);
    expect(await audited(added.batchId)).toEqual([
      ["organization.update", v1.id],
      ["organization.update", v1.id],
      ["organization.update", v2.id],
      ["import.commit", added.batchId],
    ]);

    const changed = await imported("partners", PARTNER_HEADERS, [[v3.name, v3.partner.name, "", "45"]]);
    expect(changed.preview.counts).toMatchObject({ update: 1 });
    expect(await partnersOf(v3.id)).toEqual([[v3.partner.id, "45"]]);
    expect(await audited(changed.batchId)).toEqual([
      ["organization.update", v3.id],
      ["import.commit", changed.batchId],
    ]);

    // An editor changes v2 through its form after the import.
    await editThroughForm(updateOrganization, v2.id, await getOrganizationForEdit(v2.id), { descriptionRu: "Правка редактора" });

    expect(await undoBatch(prisma, changed.batchId, editor, rowUndoers)).toEqual({ undone: 1, editedSince: [] });
    expect(await partnersOf(v3.id)).toEqual([[v3.partner.id, "50"]]);
    expect(await undoBatch(prisma, added.batchId, editor, rowUndoers)).toEqual({
      undone: 2,
      editedSince: [{ row: 4, entityType: "organization", entityId: v2.id }],
    });
    // The partners the import added are archived, as the form does when a partner is taken off.
    expect(await partnersOf(v1.id)).toEqual([[v1.partner.id, "50"]]);
    expect(await prisma.jointVenturePartner.count({ where: { ventureId: v1.id, archivedAt: { not: null } } })).toBe(2);
    expect(await partnersOf(v2.id)).toEqual([
      [v2.partner.id, "50"],
      [kursk, "10"],
    ]);
    expect((await audited(added.batchId)).slice(-2)).toEqual([
      ["organization.update", v1.id],
      ["import.undo", added.batchId],
    ]);
  });

  it("refuses a partner archived since the preview, with the form's message", async () => {
    const venture = await newVenture();
    const partner = await newOrganization();
    const { batchId } = await stage("partners", PARTNER_HEADERS, [[venture.name, partner.name, "", "30"]]);
    await expect(archiveOrganization(partner.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({
      status: "failed",
      error: "row 2: checkFields; partners.1.organizationId: recordMissing",
    });
    expect(await partnersOf(venture.id)).toEqual([[venture.partner.id, "50"]]);
  });
});
