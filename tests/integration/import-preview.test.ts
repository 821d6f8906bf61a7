import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { createOrganization } = await import("@/lib/organizations/actions");
const { previewImport } = await import("@/lib/import/preview");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");
const { columnsOf, freshNumber, sheetOf, sheetOfRecords } = await import("../support/import-sheets");

/**
 * The preview as an official sees it: which rows are new, which update a record (and what changes), which are
 * already in the registry, which are refused and why, and which need a decision. Duplicates within the file and
 * against the registry, and a file of what the registry already holds (every row unchanged).
 */

type PreviewInput = Parameters<typeof previewImport>[0];

let editor: Awaited<ReturnType<typeof createStaffUser>>;
let kursk = 0;

const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };

/** Words spelled so that their romanised form is plain: "Бодер" is "Boder", for the duplicate check in the other script. */
const CYRILLIC = "бвгдзклмнпрстф";
const LATIN = "bvgdzklmnprstf";
const VOWELS_RU = "аеиоу";
const VOWELS_EN = "aeiou";
function wordPair(length = 8): { ru: string; en: string } {
  let ru = "";
  let en = "";
  for (let i = 0; i < length; i += 1) {
    const [from, to] = i % 2 ? [VOWELS_RU, VOWELS_EN] : [CYRILLIC, LATIN];
    const at = Math.floor(Math.random() * from.length);
    ru += from[at];
    en += to[at];
  }
  const title = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  return { ru: title(ru), en: title(en) };
}

/** A name no other organization's is like: two made-up words. */
const freshName = () => `ООО «${wordPair(9).ru} ${wordPair(7).ru}»`;

/** An organization created through the form, in Kursk Oblast, with the values given. */
async function organization(values: Record<string, string> & { name: string }) {
  const data = { kind: "enterprise", regionId: String(kursk), status: "active", primarySector: "28", ...values };
  await expect(createOrganization({}, form(data))).rejects.toMatchObject(redirected);
  return prisma.organization.findFirstOrThrow({ where: { name: data.name }, select: { id: true, version: true, name: true } });
}

const preview = (type: PreviewInput["type"], sheet: PreviewInput["sheet"], options: Partial<PreviewInput> = {}) =>
  previewImport({ type, sheet, columns: columnsOf(type, sheet), locale: "ru", ...options });

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  kursk = (await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } })).id;
});
beforeEach(() => signInAs(getServerSession, editor));
afterAll(() => prisma.$disconnect());

const HEADERS = ["Наименование", "Вид", "Регион", "ИНН/УНП", "ОКВЭД", "Статус", "Год основания", "Описание", "Дополнительные ОКВЭД"];

describe("organizations against the registry", () => {
  it("takes the same INN for an update of that organization, listing what changes", async () => {
    const inn = freshNumber("RU");
    const words = wordPair();
    const existing = await organization({
      name: `ООО «${words.ru}»`,
      registrationNumber: inn,
      foundedYear: "1998",
      descriptionRu: "Старое",
    });
    // Another name, the INN written with spaces: the number decides. Blank cells keep what the registry has.
    const sheet = sheetOf(HEADERS, [
      [`АО «${words.ru}»`, "", "Курская обл.", `${inn.slice(0, 4)} ${inn.slice(4)}`, "", "закрыто", "1999", "", "33; 46"],
    ]);
    const { rows, counts } = await preview("organizations", sheet);
    expect(counts).toMatchObject({ update: 1, create: 0, refused: 0 });
    expect(rows[0]).toMatchObject({
      row: 2,
      status: "update",
      label: `АО «${words.ru}»`,
      target: { id: existing.id, version: existing.version },
    });
    expect(rows[0]!.changes).toEqual([
      { field: "name", label: "Наименование", before: `ООО «${words.ru}»`, after: `АО «${words.ru}»` },
      { field: "status", label: "Статус", before: "Действует", after: "Закрыто" },
      { field: "foundedYear", label: "Год основания", before: "1998", after: "1999" },
      {
        field: "sectors",
        label: "Дополнительные ОКВЭД",
        before: "",
        after:
          "33 Ремонт и монтаж машин и оборудования; 46 Торговля оптовая, кроме оптовой торговли автотранспортными средствами и мотоциклами",
      },
    ]);
    // The form the commit posts: the edit form, from the version seen, with the row's cells over it.
    expect(rows[0]!.form).toMatchObject({
      version: String(existing.version),
      descriptionRu: "Старое",
      status: "closed",
      "sectors.1.code": "46",
    });
  });

  it("asks for a decision on a name like one the registry has in the other script, and follows it", async () => {
    const words = wordPair();
    const existing = await organization({ name: `ООО «${words.ru} Агромаш»` });
    const typed = `${words.en} Agromash`;
    const sheet = sheetOf(HEADERS, [[typed, "завод", "Курская область", "", "28", "", "", "Новое описание"]]);

    const [row] = (await preview("organizations", sheet)).rows;
    expect(row).toMatchObject({ status: "decide", form: { name: typed, status: "active" } });
    expect(row!.candidates).toContainEqual(expect.objectContaining({ id: existing.id, name: existing.name, region: "Курская область" }));
    expect(row!.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: "Наименование",
        value: typed,
        message: expect.objectContaining({ key: "import.possibleDuplicate" }),
      }),
    ]);
    expect(row!.issues![0]!.message.values!.candidatesRu).toContain(`ООО «${words.ru} Агромаш» (Курская область)`);

    const decided = async (decision: NonNullable<PreviewInput["decisions"]>[number]) =>
      (await preview("organizations", sheet, { decisions: { 2: decision } })).rows[0]!;
    expect(await decided({ action: "create" })).toMatchObject({ status: "create", form: { name: typed, confirmNotDuplicate: "on" } });
    expect(await decided({ action: "skip" })).toEqual({ row: 2, status: "skip", label: typed });
    const update = await decided({ action: "update", id: existing.id });
    expect(update).toMatchObject({ status: "update", target: { id: existing.id, version: existing.version } });
    expect(update.changes!.map((c) => c.field)).toEqual(["name", "descriptionRu"]);
  });

  it("asks about a like name only where the numbers cannot tell the two apart: not for one with another number", async () => {
    const words = wordPair();
    const numbered = await organization({ name: `ООО «${words.ru} Техмаш»`, registrationNumber: freshNumber("RU") });
    const unnumbered = await organization({ name: `ОАО «${words.ru} Техмаш»`, confirmNotDuplicate: "on" });
    const typed = `${words.en} Tekhmash`;
    const sheet = sheetOf(HEADERS, [
      [typed, "завод", "Курская область", freshNumber("RU"), "28"],
      [typed, "завод", "Курская область", "", "28"],
    ]);
    const { rows } = await preview("organizations", sheet);
    // With a number of its own, the row is not the organization that has another: only the one without is asked about.
    expect(rows[0]).toMatchObject({ status: "decide" });
    expect(rows[0]!.candidates!.map((c) => c.id)).toEqual([unnumbered.id]);
    // Without a number, both may be it.
    expect(rows[1]).toMatchObject({ status: "decide" });
    expect(rows[1]!.candidates!.map((c) => c.id).sort()).toEqual([numbered.id, unnumbered.id].sort());
  });

  it("refuses the later rows with a number an earlier row of the file has, naming that row", async () => {
    const inn = freshNumber("RU");
    const names = [freshName(), freshName(), freshName()];
    const sheet = sheetOf(HEADERS, [
      [names[0]!, "завод", "Курская область", inn, "28"],
      [names[1]!, "завод", "Курская область", freshNumber("RU"), "28"],
      [names[2]!, "завод", "Курская область", ` ${inn} `, "28"],
      [names[1]!, "завод", "Курская область", "", "28"],
      [names[1]!, "завод", "Курская область", "", "28"],
    ]);
    const { rows, counts } = await preview("organizations", sheet);
    expect(rows.map((r) => r.status)).toEqual(["create", "create", "refused", "create", "refused"]);
    expect(counts).toEqual({ create: 3, update: 0, unchanged: 0, refused: 2, decide: 0, skip: 0 });
    expect(rows[2]!.issues).toEqual([
      {
        row: 4,
        column: "ИНН/УНП",
        columnIndex: 3,
        field: "registrationNumber",
        value: ` ${inn} `,
        message: { key: "import.sameNumberInFile", values: { row: 2, number: inn } },
      },
    ]);
    // Without a number, the same name in the same region twice.
    expect(rows[4]!.issues![0]!.message).toEqual({ key: "import.sameNameInFile", values: { row: 5 } });
  });

  it("refuses a row whose number belongs to an archived organization", async () => {
    const inn = freshNumber("RU");
    const archived = await organization({ name: freshName(), registrationNumber: inn });
    await prisma.organization.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const [row] = (await preview("organizations", sheetOf(HEADERS, [[archived.name, "завод", "Курская область", inn, "28"]]))).rows;
    expect(row).toMatchObject({ status: "refused", issues: [{ column: "ИНН/УНП", message: { key: "import.matchArchived" } }] });
  });

  it("refuses a row whose mapped cell could not be read, not one whose unmapped cell could not", async () => {
    const sheet = sheetOf(
      [...HEADERS.slice(0, 5), "Примечание"],
      [
        [`ООО «${wordPair().ru}»`, "завод", "", "", "28", ""],
        [`ООО «${wordPair().ru}»`, "завод", "Курская область", "", "28", ""],
      ],
    );
    sheet.rows[0]!.problems = [{ column: 2, message: { key: "formulaNotCalculated" } }];
    sheet.rows[1]!.problems = [{ column: 5, message: { key: "cellError" } }];
    const { rows } = await preview("organizations", sheet);
    expect(rows[0]).toMatchObject({ status: "refused", issues: [{ column: "Регион", message: { key: "import.formulaNotCalculated" } }] });
    expect(rows[0]!.issues).toHaveLength(1);
    expect(rows[1]!.status).toBe("create");
  });
});

describe("the other record types against the registry", () => {
  it("treats a pair of regions in either order as one figure, its exports the other side's imports", async () => {
    const regionId = async (slug: string) => (await prisma.region.findUniqueOrThrow({ where: { slug } })).id;
    const gomel = await regionId("gomel-region");
    const bryansk = await regionId("bryansk-oblast");
    // A year the pair has no figure for yet, either way round.
    const taken = await prisma.tradeFigure.findMany({
      where: { regionId: { in: [gomel, bryansk] }, partnerRegionId: { in: [gomel, bryansk] } },
      select: { year: true },
    });
    const year = Array.from({ length: 100 }, (_, i) => 1991 + i).find((y) => !taken.some((t) => t.year === y))!;
    const figure = await prisma.tradeFigure.create({
      data: {
        regionId: gomel,
        partnerRegionId: bryansk,
        year,
        turnoverUsd: "1000000",
        exportsUsd: "600000",
        importsUsd: "400000",
        sourceTitle: "Belstat",
      },
    });
    const headers = ["Регион", "Партнер", "Год", "Оборот, тыс. долл. США", "Экспорт, тыс. долл. США", "Импорт, тыс. долл. США", "Источник"];
    const sheet = sheetOf(headers, [
      ["Брянская область", "Гомельская обл.", `${year} г.`, "1 000", "400", "600", "Belstat"],
      ["BY-HO", "RU-BRY", String(year), "1 000", "650", "", "Belstat"],
    ]);
    const { rows } = await preview("trade", sheet);
    expect(rows[0]).toMatchObject({ status: "unchanged", target: { id: figure.id } });
    // The second row repeats the pair and year of the first: refused, whatever order it gives the two regions.
    expect(rows[1]).toMatchObject({
      status: "refused",
      issues: [{ column: "Год", message: { key: "import.sameTradeInFile", values: { row: 2 } } }],
    });

    const changed = await preview(
      "trade",
      sheetOf(headers, [["Брянская область", "Гомельская область", String(year), "1 000", "350", "", ""]]),
    );
    expect(changed.rows[0]).toMatchObject({
      status: "update",
      changes: [{ field: "importsUsd", label: "Импорт, долл. США", before: "400000", after: "350000" }],
      form: { regionId: String(gomel), partnerRegionId: String(bryansk), exportsUsd: "600000.00", importsUsd: "350000" },
    });
  });

  it("updates a link's note, and refuses the same meeting and entity twice in the file", async () => {
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug: "2016-02-10-agricultural-machinery-working-group" } });
    const chernozem = await prisma.organization.findUniqueOrThrow({ where: { slug: "chernozem-sugar" } });
    const link = await prisma.discussionLink.findFirstOrThrow({
      where: { meetingId: meeting.id, organizationId: chernozem.id, archivedAt: null },
    });
    const sheet = sheetOf(
      ["Встреча", "Дата встречи", "Организация", "Что обсуждалось"],
      [
        [meeting.titleRu, "10.02.2016", "Чернозем Сахар", "Новая заметка"],
        [meeting.titleEn, "", chernozem.nameEn!, link.note],
      ],
    );
    const { rows } = await preview("links", sheet);
    expect(rows[0]).toMatchObject({
      status: "update",
      target: { id: link.id, version: link.version },
      changes: [{ field: "note", label: "Что обсуждалось", before: link.note, after: "Новая заметка" }],
    });
    expect(rows[1]).toMatchObject({ status: "refused", issues: [{ column: "Организация", message: { key: "import.sameLinkInFile" } }] });
  });

  it("adds a venture's partners row after row, each form carrying the rows before it", async () => {
    const tuskar = await prisma.organization.findUniqueOrThrow({ where: { slug: "tuskar-agromash" } });
    const venture = await organization({
      kind: "joint_venture",
      name: `СООО «${wordPair().ru}»`,
      "partners.0.organizationId": String(tuskar.id),
      "partners.0.share": "50",
    });
    const sheet = sheetOf(
      ["Совместное предприятие", "Партнёр (организация)", "Партнёр (регион)", "Доля, %"],
      [
        [venture.name, "", "Курская область", "20"],
        [venture.name, "", "Брестская область", "20 %"],
        [venture.name, "", "Гомельская область", "20"],
        [venture.name, "Тускарь Агромаш", "", "45"],
      ],
    );
    const { rows } = await preview("partners", sheet);
    expect(rows.map((r) => r.status)).toEqual(["create", "create", "refused", "update"]);
    expect(rows[0]).toMatchObject({ target: { id: venture.id, version: venture.version }, form: { "partners.1.share": "20" } });
    expect(rows[1]).toMatchObject({
      target: { id: venture.id, version: venture.version + 1 },
      form: { "partners.1.share": "20", "partners.2.share": "20" },
    });
    expect(rows[2]!.issues).toEqual([
      expect.objectContaining({ column: "Доля, %", message: { key: "errors.sharesOverWhole", values: { value: "110" } } }),
    ]);
    expect(rows[3]).toMatchObject({
      target: { version: venture.version + 2 },
      changes: [{ field: "share", label: "Доля, %", before: "50", after: "45" }],
      form: { "partners.0.share": "45", "partners.2.share": "20" },
    });
  });
});

describe("a file of what the registry already holds", () => {
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const dotted = (date: Date) => iso(date).split("-").reverse().join(".");
  const amount = (value: { toString(): string } | null) => (value === null ? "" : value.toString());

  async function expectAllUnchanged(type: PreviewInput["type"], records: Record<string, string>[]) {
    expect(records.length).toBeGreaterThan(0);
    const { rows, counts } = await preview(type, sheetOfRecords(records));
    const notUnchanged = rows.filter((r) => r.status !== "unchanged");
    expect(notUnchanged, JSON.stringify(notUnchanged, null, 1)).toEqual([]);
    expect(counts.unchanged).toBe(records.length);
  }

  it("previews the demo organizations, meetings, links, commitments, trade and partners all unchanged", async () => {
    const organizations = await prisma.organization.findMany({
      where: { isDemo: true, archivedAt: null },
      include: { region: true, sectors: { orderBy: { sectorCode: "asc" } } },
    });
    await expectAllUnchanged(
      "organizations",
      organizations.map((o) => ({
        Наименование: o.name,
        "Наименование (англ.)": o.nameEn ?? "",
        "Другие названия": o.otherNames.join("; "),
        Вид: o.kind,
        Статус: o.status,
        Регион: o.region.nameRu,
        ИНН: o.registrationNumber ?? "",
        "Основной ОКВЭД": o.sectors.find((s) => s.isPrimary)!.sectorCode,
        "Дополнительные ОКВЭД": o.sectors
          .filter((s) => !s.isPrimary)
          .map((s) => s.sectorCode)
          .join("; "),
        "Год основания": o.foundedYear === null ? "" : String(o.foundedYear),
        Сайт: o.website ?? "",
        Описание: o.descriptionRu ?? "",
        "Описание (англ.)": o.descriptionEn ?? "",
        Капитал: amount(o.capitalAmount),
        Валюта: o.capitalCurrency ?? "",
        Продукция: o.products ?? "",
        "Направления подготовки": o.fieldsOfStudy.join("\n"),
      })),
    );

    const meetings = await prisma.meeting.findMany({
      where: { isDemo: true, archivedAt: null },
      include: { regions: { include: { region: true } } },
    });
    const demoMeeting = await prisma.meeting.findUniqueOrThrow({
      where: { slug: "2015-03-10-lukashenko-mikhailov" },
      include: { regions: { include: { region: true } } },
    });
    await expectAllUnchanged(
      "meetings",
      [...meetings, demoMeeting].map((m) => ({
        Название: m.titleRu,
        "Название (англ.)": m.titleEn,
        Дата: dotted(m.date),
        Уровень: m.level,
        Место: m.placeRu ?? "",
        "Место (англ.)": m.placeEn ?? "",
        Итоги: m.summaryRu ?? "",
        "Итоги (англ.)": m.summaryEn ?? "",
        Регионы: m.regions.map((r) => r.region.isoCode ?? r.region.nameEn).join("; "),
        Источник: m.sourceTitle ?? "",
      })),
    );

    const links = await prisma.discussionLink.findMany({
      where: { archivedAt: null, meeting: { slug: { in: [demoMeeting.slug, ...meetings.map((m) => m.slug)] } } },
      include: { meeting: true, organization: true, region: true },
    });
    await expectAllUnchanged(
      "links",
      links.map((l) => ({
        Встреча: l.meeting.titleEn,
        "Дата встречи": iso(l.meeting.date),
        Организация: l.organization?.registrationNumber ?? l.organization?.name ?? "",
        Регион: l.region?.nameEn ?? "",
        "Что обсуждалось": l.note,
      })),
    );

    const commitments = await prisma.commitment.findMany({
      where: { meetingId: demoMeeting.id, archivedAt: null },
      include: { meeting: true, parties: { include: { region: true, organization: true } } },
    });
    await expectAllUnchanged(
      "commitments",
      commitments.map((c) => ({
        Встреча: c.meeting.titleRu,
        Текст: c.textRu,
        "Текст (англ.)": c.textEn,
        Стороны: c.parties.map((p) => p.region?.nameRu ?? p.organization!.name).join("\n"),
        Срок: c.dueDate ? dotted(c.dueDate) : "",
        Статус: c.status,
      })),
    );

    const figure = await prisma.tradeFigure.findFirstOrThrow({
      where: { year: 2014, region: { slug: "kursk-oblast" }, partnerRegion: { slug: "belarus" } },
    });
    await expectAllUnchanged("trade", [
      { Регион: "Беларусь", Партнер: "Курская область", Год: "2014", "Оборот, млн долл. США": "250", Источник: figure.sourceTitle },
    ]);

    const partners = await prisma.jointVenturePartner.findMany({
      where: { archivedAt: null, venture: { isDemo: true, archivedAt: null } },
      include: { venture: true, partnerOrganization: true, partnerRegion: true },
    });
    await expectAllUnchanged(
      "partners",
      partners.map((p) => ({
        СП: p.venture.nameEn ?? p.venture.name,
        "Партнёр (организация)": p.partnerOrganization?.name ?? "",
        "Партнёр (регион)": p.partnerRegion?.nameRu ?? "",
        "Доля, %": p.sharePercent.toString().replace(".", ","),
      })),
    );
  });
});
