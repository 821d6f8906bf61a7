import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { archiveMeeting, createMeeting, linkEntityToMeeting, restoreMeeting, unlinkEntityFromMeeting, updateMeeting } =
  await import("@/lib/meetings/actions");
const { getMeetingFormForEdit, getMeetingPage } = await import("@/lib/meetings/queries");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
let kursk: number;
let belarus: number;
let editor: { id: number; role: "editor" };
let run = 0;

beforeAll(async () => {
  await seedOnce();
  kursk = (await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } })).id;
  belarus = (await prisma.region.findUniqueOrThrow({ where: { slug: "belarus" } })).id;
});

beforeEach(async () => {
  editor = (await createStaffUser("editor")) as { id: number; role: "editor" };
  signInAs(getServerSession, editor);
  run += 1;
});

afterAll(() => prisma.$disconnect());

/** A unique English title per test, so reruns on the same database do not meet each other's rows. */
const titleOf = () => `Test meeting ${process.pid}-${Date.now()}-${run}`;

/** A complete meeting form as the browser posts it; `changes` overrides or adds fields. */
function meetingForm(title: string, changes: Record<string, string> = {}) {
  return form({
    titleEn: title,
    titleRu: `Тестовая встреча ${title}`,
    date: "2015-03-10",
    level: "head_of_state",
    placeEn: "Minsk",
    placeRu: "Минск",
    summaryEn: "Trade and joint ventures.",
    summaryRu: "Торговля и совместные предприятия.",
    sourceTitle: "Press release",
    sourceUrl: "https://president.gov.by/en/events/example",
    "regions.0.regionId": String(belarus),
    "regions.0.regionId__label": "Belarus",
    "regions.1.regionId": String(kursk),
    "regions.1.regionId__label": "Kursk Oblast",
    "participants.0.personEn": "Aleksandr Lukashenko",
    "participants.0.personRu": "Александр Лукашенко",
    "participants.0.roleEn": "President of Belarus",
    "participants.0.roleRu": "Президент Беларуси",
    "participants.0.sideRegionId": String(belarus),
    "participants.1.personEn": "Alexander Mikhailov",
    "participants.1.personRu": "Александр Михайлов",
    "participants.1.roleEn": "",
    "participants.1.roleRu": "",
    "participants.1.sideRegionId": "",
    "statements.0.speakerEn": "",
    "statements.0.speakerRu": "",
    "statements.0.textEn": "Trade grew by more than 10%.",
    "statements.0.textRu": "Товарооборот вырос более чем на 10%.",
    ...changes,
  });
}

/** Creates a meeting through the action and returns its id, read from the redirect to its edit page. */
async function create(title: string, changes: Record<string, string> = {}) {
  const error = await createMeeting({}, meetingForm(title, changes)).then(
    () => null,
    (thrown: { digest?: string }) => thrown,
  );
  expect(error).toMatchObject(redirected);
  const id = /\/workspace\/meetings\/(\d+)\?saved=created/.exec(error?.digest ?? "")?.[1];
  expect(id).toBeDefined();
  return Number(id);
}

const meetingsTitled = (title: string) => prisma.meeting.count({ where: { titleEn: title } });
const eventsOf = (id: number) =>
  prisma.auditEvent.findMany({ where: { entityType: "meeting", entityId: String(id) }, orderBy: { id: "asc" } });

describe("createMeeting", () => {
  it("saves the meeting with its regions, participants in order and statements, and a readable audit event", async () => {
    const title = titleOf();
    const id = await create(title);
    const meeting = await prisma.meeting.findUniqueOrThrow({
      where: { id },
      include: {
        regions: true,
        participants: { orderBy: { position: "asc" } },
        statements: { orderBy: { position: "asc" } },
      },
    });
    expect(meeting).toMatchObject({
      titleEn: title,
      level: "head_of_state",
      placeRu: "Минск",
      sourceUrl: "https://president.gov.by/en/events/example",
      version: 1,
      createdById: editor.id,
      archivedAt: null,
    });
    expect(meeting.slug).toMatch(/^2015-03-10-test-meeting-/);
    expect(meeting.date.toISOString()).toBe("2015-03-10T00:00:00.000Z");
    expect(meeting.regions.map((r) => r.regionId).sort()).toEqual([belarus, kursk].sort());
    expect(meeting.participants.map((p) => [p.position, p.personEn, p.roleEn, p.sideRegionId])).toEqual([
      [0, "Aleksandr Lukashenko", "President of Belarus", belarus],
      [1, "Alexander Mikhailov", null, null],
    ]);
    expect(meeting.statements).toMatchObject([{ position: 0, speakerEn: null, textEn: "Trade grew by more than 10%." }]);

    const [event] = await eventsOf(id);
    expect(event).toMatchObject({ action: "meeting.create", actorId: editor.id, before: null });
    expect(event!.after).toMatchObject({
      titleEn: title,
      date: "2015-03-10",
      regions: ["Belarus", "Kursk Oblast"],
      participants: [
        "Aleksandr Lukashenko / Александр Лукашенко, President of Belarus / Президент Беларуси, Belarus",
        "Alexander Mikhailov / Александр Михайлов",
      ],
      statements: ["Trade grew by more than 10%. / Товарооборот вырос более чем на 10%."],
      version: 1,
      archived: false,
    });

    const page = await getMeetingPage(meeting.slug);
    expect(page?.participants.map((p) => p.personEn)).toEqual(["Aleksandr Lukashenko", "Alexander Mikhailov"]);
  });

  it("keeps the order of participants as typed, across removed rows", async () => {
    const title = titleOf();
    // Row 0 was removed in the browser: rows 1 and 2 remain, in that order.
    const data = meetingForm(title);
    for (const name of [...data.keys()]) if (name.startsWith("participants.")) data.delete(name);
    data.set("participants.2.personEn", "Second");
    data.set("participants.2.personRu", "Второй");
    data.set("participants.1.personEn", "First");
    data.set("participants.1.personRu", "Первый");
    await expect(createMeeting({}, data)).rejects.toMatchObject(redirected);
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { titleEn: title }, include: { participants: true } });
    expect(meeting.participants.sort((a, b) => a.position - b.position).map((p) => p.personEn)).toEqual(["First", "Second"]);
  });

  it("makes a second slug for the same date and title", async () => {
    const title = titleOf();
    const first = await create(title);
    const second = await create(title);
    const slugs = await prisma.meeting.findMany({ where: { id: { in: [first, second] } }, orderBy: { id: "asc" }, select: { slug: true } });
    expect(slugs[1]!.slug).toBe(`${slugs[0]!.slug}-2`);
  });

  it.each([
    ["a missing English title", { titleEn: "" }, { titleEn: ["required"] }],
    ["a title of spaces", { titleRu: "   " }, { titleRu: ["required"] }],
    ["a title too long", { titleEn: "x".repeat(301) }, { titleEn: ["tooLong|300"] }],
    ["a date in a form no reader writes", { date: "March 2015" }, { date: ["dateFormat"] }],
    ["a date that does not exist", { date: "31.02.2015" }, { date: ["dateNoSuchDay|28"] }],
    ["a missing date", { date: "" }, { date: ["required"] }],
    ["a date out of range", { date: "1812-06-24" }, { date: ["dateYear"] }],
    ["an unknown level", { level: "summit" }, { level: ["chooseOne"] }],
    ["an address that is not a web address", { sourceUrl: "javascript:alert(1)" }, { sourceUrl: ["invalidUrl"] }],
    ["an address without the source's title", { sourceTitle: "" }, { sourceTitle: ["sourceTitleNeeded"] }],
    ["a summary too long", { summaryEn: "x".repeat(4001) }, { summaryEn: ["tooLong|4000"] }],
    [
      "no region",
      { "regions.0.regionId": "", "regions.0.regionId__label": "", "regions.1.regionId": "", "regions.1.regionId__label": "" },
      { regions: ["regionRequired"] },
    ],
    ["a participant without a Russian name", { "participants.1.personRu": "" }, { "participants.1.personRu": ["required"] }],
    ["a statement without its English text", { "statements.0.textEn": "" }, { "statements.0.textEn": ["required"] }],
    ["a tampered region id", { "regions.0.regionId": "1e3" }, { "regions.0.regionId": ["invalid"] }],
    ["a region id beyond int4", { "regions.0.regionId": "99999999999" }, { "regions.0.regionId": ["invalid"] }],
  ])("refuses %s with a field error, keeps the input and writes nothing", async (_name, changes, errors) => {
    const title = titleOf();
    const before = await prisma.auditEvent.count();
    const state = await createMeeting({}, meetingForm(title, changes));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors });
    expect(Object.keys(state.errors ?? {})).toEqual(Object.keys(errors));
    expect(state.values).toMatchObject({ titleRu: `Тестовая встреча ${title}`, ...changes });
    expect(await meetingsTitled(title)).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("refuses the same region twice", async () => {
    const title = titleOf();
    const state = await createMeeting({}, meetingForm(title, { "regions.1.regionId": String(belarus) }));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors: { regions: ["regionTwice"] } });
    expect(await meetingsTitled(title)).toBe(0);
  });

  it("refuses a NUL character in any field, the child rows' too", async () => {
    const title = titleOf();
    const state = await createMeeting({}, meetingForm(title, { placeEn: "Min\u0000sk", "statements.0.textRu": "a\u0000" }));
    expect(state).toMatchObject({
      ok: false,
      message: "checkFields",
      errors: { placeEn: ["containsNul"], "statements.0.textRu": ["containsNul"] },
    });
    expect(await meetingsTitled(title)).toBe(0);
  });

  it("leaves nothing when a child row is refused after the meeting row was written", async () => {
    const title = titleOf();
    const before = await prisma.auditEvent.count();
    const state = await createMeeting({}, meetingForm(title, { "participants.1.sideRegionId": "2147483000" }));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors: { "participants.1.sideRegionId": ["regionMissing"] } });
    expect(await meetingsTitled(title)).toBe(0);
    expect(await prisma.meetingParticipant.count({ where: { personEn: "Aleksandr Lukashenko", meeting: { titleEn: title } } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("refuses an archived region", async () => {
    const region = await prisma.region.create({
      data: {
        slug: `archived-${process.pid}-${Date.now()}`,
        nameEn: "Archived",
        nameRu: "В архиве",
        level: "region",
        countryCode: "RU",
        archivedAt: new Date(),
      },
    });
    const title = titleOf();
    const state = await createMeeting({}, meetingForm(title, { "regions.1.regionId": String(region.id) }));
    expect(state.errors).toEqual({ "regions.1.regionId": ["regionMissing"] });
    expect(await meetingsTitled(title)).toBe(0);
  });

  it("refuses the public and writes nothing", async () => {
    signInAs(getServerSession, null);
    const title = titleOf();
    expect(await createMeeting({}, meetingForm(title))).toMatchObject({ ok: false, message: "signedOut" });
    expect(await meetingsTitled(title)).toBe(0);
  });
});

describe("updateMeeting", () => {
  it("saves the fields, replaces the child rows, bumps the version and records before and after", async () => {
    const id = await create(titleOf());
    const edit = meetingForm("Renamed meeting", {
      version: "1",
      // A cleared picker posts a blank id and a blank label.
      "regions.1.regionId": "",
      "regions.1.regionId__label": "",
      "participants.1.personEn": "",
      "participants.1.personRu": "",
      "statements.1.speakerEn": "Mikhailov",
      "statements.1.speakerRu": "Михайлов",
      "statements.1.textEn": "Trade needs more momentum.",
      "statements.1.textRu": "Товарообороту нужен новый импульс.",
    });
    await expect(updateMeeting(id, {}, edit)).rejects.toMatchObject({
      digest: expect.stringContaining(`/workspace/meetings/${id}?saved=updated`),
    });

    const meeting = await prisma.meeting.findUniqueOrThrow({
      where: { id },
      include: { regions: true, participants: true, statements: { orderBy: { position: "asc" } } },
    });
    expect(meeting).toMatchObject({ titleEn: "Renamed meeting", version: 2, updatedById: editor.id });
    expect(meeting.slug).toMatch(/^2015-03-10-test-meeting-/);
    expect(meeting.regions.map((r) => r.regionId)).toEqual([belarus]);
    expect(meeting.participants.map((p) => p.personEn)).toEqual(["Aleksandr Lukashenko"]);
    expect(meeting.statements.map((s) => [s.position, s.speakerEn])).toEqual([
      [0, null],
      [1, "Mikhailov"],
    ]);

    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual(["meeting.create", "meeting.update"]);
    expect(events[1]!.before).toMatchObject({ version: 1, regions: ["Belarus", "Kursk Oblast"] });
    expect(events[1]!.after).toMatchObject({
      version: 2,
      titleEn: "Renamed meeting",
      regions: ["Belarus"],
      statements: [
        "Trade grew by more than 10%. / Товарооборот вырос более чем на 10%.",
        "Mikhailov / Михайлов: Trade needs more momentum. / Товарообороту нужен новый импульс.",
      ],
    });
  });

  it("refuses a save from an older version and lists what the other editor changed, the child rows too", async () => {
    const title = titleOf();
    const id = await create(title);
    await expect(
      updateMeeting(id, {}, meetingForm(title, { version: "1", placeEn: "Kursk", "participants.1.roleEn": "Governor of Kursk Oblast" })),
    ).rejects.toMatchObject(redirected);

    const mine = meetingForm(title, { version: "1", summaryEn: "My summary." });
    const state = await updateMeeting(id, {}, mine);
    expect(state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 } });
    expect(state.conflict?.changes).toEqual([
      { field: "placeEn", before: "Minsk", after: "Kursk" },
      {
        field: "participants",
        before:
          "Aleksandr Lukashenko / Александр Лукашенко, President of Belarus / Президент Беларуси, Belarus; Alexander Mikhailov / Александр Михайлов",
        after:
          "Aleksandr Lukashenko / Александр Лукашенко, President of Belarus / Президент Беларуси, Belarus; Alexander Mikhailov / Александр Михайлов, Governor of Kursk Oblast",
      },
    ]);
    expect(state.values).toMatchObject({ summaryEn: "My summary.", version: "1" });
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(meeting).toMatchObject({ version: 2, summaryEn: "Trade and joint ventures.", placeEn: "Kursk" });
    expect((await eventsOf(id)).length).toBe(2);
  });

  it("rolls back the fields when a child row is refused", async () => {
    const title = titleOf();
    const id = await create(title);
    const state = await updateMeeting(
      id,
      {},
      meetingForm("Should not land", { version: "1", "participants.0.sideRegionId": "2147483000" }),
    );
    expect(state.errors).toEqual({ "participants.0.sideRegionId": ["regionMissing"] });
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { participants: true, regions: true } });
    expect(meeting).toMatchObject({ titleEn: title, version: 1 });
    expect(meeting.participants).toHaveLength(2);
    expect(meeting.regions).toHaveLength(2);
    expect((await eventsOf(id)).length).toBe(1);
  });

  it.each(["1e3", "99999999999", "-1", "abc", "0x10"])("refuses a tampered meeting id %j as invalid", async (tampered) => {
    const state = await updateMeeting(tampered as unknown as number, {}, meetingForm(titleOf(), { version: "1" }));
    expect(state).toMatchObject({ ok: false, message: "invalid" });
  });

  it("says so when the meeting does not exist", async () => {
    expect(await updateMeeting(2147483000, {}, meetingForm(titleOf(), { version: "1" }))).toMatchObject({
      ok: false,
      message: "recordMissing",
    });
  });
});

describe("archiveMeeting and restoreMeeting", () => {
  it("takes the meeting off the public pages and brings it back, each audited, and refuses edits while archived", async () => {
    const title = titleOf();
    const id = await create(title);
    const { slug } = await prisma.meeting.findUniqueOrThrow({ where: { id }, select: { slug: true } });
    expect(await getMeetingPage(slug)).not.toBeNull();

    await expect(archiveMeeting(id, {}, form({ version: "1" }))).rejects.toMatchObject({
      digest: expect.stringContaining("saved=archived"),
    });
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    expect(await getMeetingPage(slug)).toBeNull();
    expect(await updateMeeting(id, {}, meetingForm(title, { version: "2" }))).toMatchObject({ ok: false, message: "recordArchived" });
    expect(await archiveMeeting(id, {}, form({ version: "2" }))).toMatchObject({ ok: false, message: "recordArchived" });

    await expect(restoreMeeting(id, {}, form({ version: "2" }))).rejects.toMatchObject({
      digest: expect.stringContaining("saved=restored"),
    });
    expect(await getMeetingPage(slug)).not.toBeNull();

    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual(["meeting.create", "meeting.archive", "meeting.restore"]);
    expect(events[1]!.after).toMatchObject({ archived: true, version: 2 });
    expect(events[2]!.after).toMatchObject({ archived: false, version: 3 });
  });

  it("refuses to archive from an older version", async () => {
    const title = titleOf();
    const id = await create(title);
    await expect(updateMeeting(id, {}, meetingForm(title, { version: "1", placeEn: "Kursk" }))).rejects.toMatchObject(redirected);
    const state = await archiveMeeting(id, {}, form({ version: "1" }));
    expect(state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2, changes: [{ field: "placeEn" }] } });
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
  });

  it.each(["1e3", "99999999999", "-1", "abc"])("refuses a tampered id %j as invalid", async (tampered) => {
    expect(await archiveMeeting(tampered as unknown as number, {}, form({ version: "1" }))).toMatchObject({
      ok: false,
      message: "invalid",
    });
    expect(await restoreMeeting(tampered as unknown as number, {}, form({ version: "1" }))).toMatchObject({
      ok: false,
      message: "invalid",
    });
  });
});

describe("what was discussed, in the meeting form", () => {
  let organizations: { id: number; nameEn: string | null; name: string }[];
  beforeAll(async () => {
    organizations = await prisma.organization.findMany({
      where: { archivedAt: null },
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true, name: true, nameEn: true },
    });
    expect(organizations).toHaveLength(2);
  });

  const liveLinks = (meetingId: number) =>
    prisma.discussionLink.findMany({
      where: { meetingId, archivedAt: null },
      orderBy: { id: "asc" },
      select: { id: true, organizationId: true, regionId: true, note: true, version: true },
    });
  const linkEvents = (ids: number[]) =>
    prisma.auditEvent.findMany({
      where: { entityType: "discussion_link", entityId: { in: ids.map(String) } },
      orderBy: { id: "asc" },
      select: { action: true, entityId: true, actorId: true },
    });
  /** Two discussed rows (an organization and a region) and a date typed as a Russian official writes it. */
  const discussedRows = () => ({
    date: "10.03.2015",
    "discussed.0.organizationId": String(organizations[0]!.id),
    "discussed.0.organizationId__label": organizations[0]!.name,
    "discussed.0.regionId": "",
    "discussed.0.note": "Agreed to supply 200 seeders.",
    "discussed.1.organizationId": "",
    "discussed.1.regionId": String(kursk),
    "discussed.1.regionId__label": "Kursk Oblast",
    "discussed.1.note": "Trade with the oblast grew.",
  });
  /** The edit form as the page shows it: each row with its link, and the links shown with their versions. */
  function editForm(title: string, links: { id: number; version: number }[], changes: Record<string, string>) {
    const data = meetingForm(title, { version: "1", ...changes });
    for (const link of links) data.append("discussedShown[]", `${link.id}:${link.version}`);
    return data;
  }

  it("logs the meeting and its links in one save, each link audited, with the date typed as 10.03.2015", async () => {
    const id = await create(titleOf(), discussedRows());
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(meeting.date.toISOString()).toBe("2015-03-10T00:00:00.000Z");
    const links = await liveLinks(id);
    expect(links.map((l) => [l.organizationId, l.regionId, l.note])).toEqual([
      [organizations[0]!.id, null, "Agreed to supply 200 seeders."],
      [null, kursk, "Trade with the oblast grew."],
    ]);
    const events = await linkEvents(links.map((l) => l.id));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["discussion_link.create", editor.id],
      ["discussion_link.create", editor.id],
    ]);
    const page = await getMeetingPage(meeting.slug);
    expect(page).not.toBeNull();
  });

  it("on edit, changes a note, removes a link and adds one, leaving a link someone else added meanwhile", async () => {
    const title = titleOf();
    const id = await create(title, discussedRows());
    const [orgLink, regionLink] = await liveLinks(id);
    // The edit page shows each link as a row, and the links it showed with their versions.
    const shown = await getMeetingFormForEdit(id, "ru");
    expect(shown?.values).toMatchObject({
      "discussed.0.linkId": String(orgLink!.id),
      "discussed.0.note": "Agreed to supply 200 seeders.",
      "discussed.1.regionId": String(kursk),
      "discussed.1.regionId__label": "Курская область",
      "discussedShown[]": [`${orgLink!.id}:1`, `${regionLink!.id}:1`],
    });
    // Another editor links the second organization from the meeting's page while this form is open.
    expect(
      await linkEntityToMeeting(id, {}, form({ organizationId: String(organizations[1]!.id), regionId: "", note: "Theirs." })),
    ).toMatchObject({
      ok: true,
    });

    const edit = editForm(title, [orgLink!, regionLink!], {
      "discussed.0.linkId": String(orgLink!.id),
      "discussed.0.organizationId": String(organizations[0]!.id),
      "discussed.0.note": "Agreed to supply 300 seeders.",
      // Row 1 (the region) was removed; row 2 is new: Belarus.
      "discussed.2.organizationId": "",
      "discussed.2.regionId": String(belarus),
      "discussed.2.note": "Belarus offered a credit line.",
    });
    await expect(updateMeeting(id, {}, edit)).rejects.toMatchObject({ digest: expect.stringContaining("saved=updated") });

    const links = await liveLinks(id);
    expect(links.map((l) => [l.organizationId, l.regionId, l.note])).toEqual([
      [organizations[0]!.id, null, "Agreed to supply 300 seeders."],
      [organizations[1]!.id, null, "Theirs."],
      [null, belarus, "Belarus offered a credit line."],
    ]);
    expect(await prisma.discussionLink.findUniqueOrThrow({ where: { id: regionLink!.id } })).toMatchObject({
      archivedAt: expect.any(Date),
    });
    const events = await linkEvents([orgLink!.id, regionLink!.id]);
    expect(events.map((e) => [e.entityId, e.action])).toEqual([
      [String(orgLink!.id), "discussion_link.create"],
      [String(regionLink!.id), "discussion_link.create"],
      [String(regionLink!.id), "discussion_link.archive"],
      [String(orgLink!.id), "discussion_link.update"],
    ]);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it.each([
    ["both an organization and a region", { "discussed.1.organizationId": "7" }, { "discussed.1.organizationId": ["chooseOneEntity"] }],
    ["neither", { "discussed.1.regionId": "", "discussed.1.regionId__label": "" }, { "discussed.1.organizationId": ["chooseEntity"] }],
    ["no note", { "discussed.1.note": " " }, { "discussed.1.note": ["noteRequired"] }],
  ])("refuses a row with %s on its field and writes nothing", async (_case, changes, errors) => {
    const title = titleOf();
    const state = await createMeeting({}, meetingForm(title, { ...discussedRows(), ...changes }));
    expect(state).toMatchObject({ ok: false, errors });
    // What was typed comes back, the date as typed.
    expect(state.values).toMatchObject({ date: "10.03.2015", "discussed.0.note": "Agreed to supply 200 seeders." });
    expect(await meetingsTitled(title)).toBe(0);
  });

  it("refuses the same organization twice, on the second row's picker", async () => {
    const title = titleOf();
    const state = await createMeeting(
      {},
      meetingForm(title, {
        ...discussedRows(),
        "discussed.1.organizationId": String(organizations[0]!.id),
        "discussed.1.regionId": "",
      }),
    );
    expect(state).toMatchObject({ ok: false, errors: { "discussed.1.organizationId": ["discussedTwice"] } });
    expect(await meetingsTitled(title)).toBe(0);
  });

  it("names the second row's organization as given twice while another row also has its own error", async () => {
    const state = await createMeeting(
      {},
      meetingForm(titleOf(), {
        ...discussedRows(),
        "discussed.0.note": "",
        "discussed.1.organizationId": String(organizations[0]!.id),
        "discussed.1.regionId": "",
      }),
    );
    expect(state.errors).toMatchObject({ "discussed.0.note": ["noteRequired"], "discussed.1.organizationId": ["discussedTwice"] });
  });

  it("refuses an organization already linked by someone else meanwhile, on the row's picker, and rolls the edit back", async () => {
    const title = titleOf();
    const id = await create(title);
    await linkEntityToMeeting(id, {}, form({ organizationId: String(organizations[0]!.id), regionId: "", note: "Theirs." }));
    const state = await updateMeeting(id, {}, editForm(title, [], { ...discussedRows(), placeEn: "Kursk" }));
    expect(state).toMatchObject({ ok: false, errors: { "discussed.0.organizationId": ["alreadyLinked"] } });
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, placeEn: "Minsk" });
    expect(await liveLinks(id)).toHaveLength(1);
  });

  it("refuses to change a note of a link someone else removed meanwhile, and writes nothing", async () => {
    const title = titleOf();
    const id = await create(title, discussedRows());
    const [orgLink, regionLink] = await liveLinks(id);
    expect(await unlinkEntityFromMeeting({}, form({ linkId: String(orgLink!.id), version: String(orgLink!.version) }))).toMatchObject({
      ok: true,
    });
    const state = await updateMeeting(
      id,
      {},
      editForm(title, [orgLink!, regionLink!], {
        ...discussedRows(),
        "discussed.0.linkId": String(orgLink!.id),
        "discussed.0.note": "Mine.",
        "discussed.1.linkId": String(regionLink!.id),
        placeEn: "Kursk",
      }),
    );
    expect(state).toMatchObject({ ok: false, errors: { "discussed.0.organizationId": ["discussedChanged"] } });
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, placeEn: "Minsk" });
    expect((await liveLinks(id)).map((l) => l.id)).toEqual([regionLink!.id]);
  });

  it("does not remove another meeting's link named in a tampered form", async () => {
    const other = await create(titleOf(), discussedRows());
    const [foreign] = await liveLinks(other);
    const title = titleOf();
    const id = await create(title);
    await expect(updateMeeting(id, {}, editForm(title, [foreign!], {}))).rejects.toMatchObject(redirected);
    expect((await liveLinks(other)).map((l) => l.id)).toContain(foreign!.id);
  });

  it("refuses the public and a date that does not exist, saying which part to fix", async () => {
    const title = titleOf();
    const state = await createMeeting({}, meetingForm(title, { ...discussedRows(), date: "31.02.2015" }));
    expect(state).toMatchObject({ ok: false, errors: { date: ["dateNoSuchDay|28"] }, values: { date: "31.02.2015" } });
    signInAs(getServerSession, null);
    expect(await createMeeting({}, meetingForm(title, discussedRows()))).toMatchObject({ ok: false, message: "signedOut" });
    expect(await meetingsTitled(title)).toBe(0);
  });
});
