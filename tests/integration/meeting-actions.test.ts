import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { archiveMeeting, createMeeting, restoreMeeting, updateMeeting } = await import("@/lib/meetings/actions");
const { getMeetingPage } = await import("@/lib/meetings/queries");
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
    ["a date in another format", { date: "10.03.2015" }, { date: ["invalidDate"] }],
    ["a missing date", { date: "" }, { date: ["required"] }],
    ["a date out of range", { date: "1812-06-24" }, { date: ["invalidDate"] }],
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
