import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/actions/form-state";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { createOrganization, updateOrganization } = await import("@/lib/organizations/actions");
const { createMeeting, linkEntityToMeeting } = await import("@/lib/meetings/actions");
const { createTradeFigure } = await import("@/lib/trade/actions");
const { createCommitment } = await import("@/lib/commitments/actions");
const { previewImport } = await import("@/lib/import/preview");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");
const { workbook } = await import("../support/spreadsheets");
const { freshNumber, madeUpWord, readUpload } = await import("../support/import-sheets");

/**
 * Values as officials type them reach the record as the form would store them: a workbook with numbers, dates
 * and text as Excel keeps them, previewed, and each new row's form posted to the real action, as the commit will.
 */

type RecordType = Parameters<typeof previewImport>[0]["type"];
type Row = (string | number | Date)[];

let editor: Awaited<ReturnType<typeof createStaffUser>>;
const ids = { kursk: 0, gomel: 0, minskRegion: 0, minsk: 0, belarus: 0, brest: 0, tuskar: 0, chernozem: 0 };
const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  const region = async (slug: string) => (await prisma.region.findUniqueOrThrow({ where: { slug } })).id;
  const organization = async (slug: string) => (await prisma.organization.findUniqueOrThrow({ where: { slug } })).id;
  Object.assign(ids, {
    kursk: await region("kursk-oblast"),
    gomel: await region("gomel-region"),
    minskRegion: await region("minsk-region"),
    minsk: await region("minsk"),
    belarus: await region("belarus"),
    brest: await region("brest-region"),
    tuskar: await organization("tuskar-agromash"),
    chernozem: await organization("chernozem-sugar"),
  });
});
beforeEach(() => signInAs(getServerSession, editor));
afterAll(() => prisma.$disconnect());

/** A workbook of one sheet, read as an upload, previewed; each row's form posted to `submit`, which must save it. */
async function importThrough(type: RecordType, rows: Row[], submit: (form: Record<string, string>) => Promise<FormState>) {
  const bytes = await workbook((book) => book.addWorksheet("Данные").addRows(rows));
  const { sheet, columns } = await readUpload(bytes, type);
  const preview = await previewImport({ type, sheet, columns, locale: "ru" });
  expect(
    preview.rows.filter((r) => r.status === "refused"),
    "nothing refused",
  ).toEqual([]);
  for (const row of preview.rows) {
    expect(["create", "update"]).toContain(row.status);
    await expectSaved(submit(row.form!), `row ${row.row}`);
  }
  return preview;
}

/** A save: the action redirects to the record (a form page) or answers "saved" (a link, made in place). */
async function expectSaved(saving: Promise<FormState>, what: string) {
  try {
    expect(await saving, what).toMatchObject({ ok: true });
  } catch (error) {
    expect(error, what).toMatchObject(redirected);
  }
}

describe("values as typed reach the stored record", () => {
  it("organizations: kinds, regions, codes, numbers and amounts as officials write them", async () => {
    const names = Array.from({ length: 5 }, () => `${madeUpWord()} ${madeUpWord(7)}`);
    const inn = freshNumber("RU");
    const unp = freshNumber("BY");
    const header = [
      "Полное наименование",
      "Тип",
      "Область",
      "ИНН/УНП",
      "Основной ОКВЭД",
      "Доп. ОКВЭД",
      "Год основания",
      "Сайт",
      "Капитал, тыс.",
      "Валюта",
    ];
    await importThrough(
      "organizations",
      [
        header,
        [`ООО «${names[0]}»`, "Завод", "Курская обл.", Number(inn), "C28", "33, 46", 1998, "plant.example", "", ""],
        [`ФГБОУ ВО «${names[1]}»`, "вуз", "RU-KRS", "", 28.3, "", "2001 г.", "www.univ.example", "", ""],
        [`СООО «${names[2]}»`, "СП", "Gomel Oblast", `${unp.slice(0, 3)} ${unp.slice(3)}`, "С28", "", "", "", "1 250 000,50", "бел. руб."],
        [`ОАО «${names[3]}»`, "предприятие", "Минская обл.", "", 28, "", "", "", "", ""],
        [`${names[4]} JV`, "joint venture", "г. Минск", "", "28.30.1", "", "", "https://jv.example/about", 2.5, "$"],
      ],
      (values) => createOrganization({}, form(values)),
    );
    const stored = await Promise.all(
      names.map((name) =>
        prisma.organization.findFirstOrThrow({
          where: { name: { contains: name } },
          include: { sectors: { orderBy: { sectorCode: "asc" } } },
        }),
      ),
    );
    const sectors = (i: number) => stored[i]!.sectors.map((s) => [s.sectorCode, s.isPrimary]);
    expect(stored[0]).toMatchObject({
      kind: "enterprise",
      regionId: ids.kursk,
      registrationNumber: inn,
      foundedYear: 1998,
      website: "https://plant.example",
    });
    expect(sectors(0)).toEqual([
      ["28", true],
      ["33", false],
      ["46", false],
    ]);
    expect(stored[1]).toMatchObject({
      kind: "university",
      regionId: ids.kursk,
      foundedYear: 2001,
      website: "https://www.univ.example",
      status: "active",
    });
    expect(sectors(1)).toEqual([["28", true]]);
    expect(stored[2]).toMatchObject({
      kind: "joint_venture",
      regionId: ids.gomel,
      countryCode: "BY",
      registrationNumber: unp,
      capitalCurrency: "BYN",
    });
    expect(stored[2]!.capitalAmount!.toFixed(2)).toBe("1250000500.00");
    expect(stored[3]).toMatchObject({ regionId: ids.minskRegion });
    expect(stored[4]).toMatchObject({
      kind: "joint_venture",
      regionId: ids.minsk,
      capitalCurrency: "USD",
      website: "https://jv.example/about",
    });
    expect(stored[4]!.capitalAmount!.toFixed(2)).toBe("2500.00");
  });

  it("meetings, links and commitments: dates as cells, serials and text; regions and parties by name or code", async () => {
    const word = madeUpWord();
    await importThrough(
      "meetings",
      [
        ["Название", "Название (англ.)", "Дата", "Уровень", "Регионы", "Источник", "Ссылка"],
        [
          `Форум ${word}`,
          `Forum ${word}`,
          new Date(Date.UTC(2016, 4, 17)),
          "бизнес-форум",
          "Курская область\nBY",
          "Пресс-служба",
          "kursk.example/news",
        ],
        [`Совещание ${word}`, `Session ${word}`, "42073", "Правительство", "Гомельская обл.; RU-KRS", "", ""],
        [`Визит ${word}`, `Visit ${word}`, "10.03.2015 г.", "на высшем уровне", "Беларусь", "", ""],
      ],
      (values) => createMeeting({}, form(values)),
    );
    const meetings = await prisma.meeting.findMany({
      where: { titleEn: { endsWith: word } },
      include: { regions: { orderBy: { regionId: "asc" } } },
      orderBy: { titleEn: "asc" },
    });
    const byTitle = (title: string) => meetings.find((m) => m.titleEn === `${title} ${word}`)!;
    expect(byTitle("Forum")).toMatchObject({
      level: "business_forum",
      sourceTitle: "Пресс-служба",
      sourceUrl: "https://kursk.example/news",
    });
    expect(byTitle("Forum").date.toISOString()).toBe("2016-05-17T00:00:00.000Z");
    expect(
      byTitle("Forum")
        .regions.map((r) => r.regionId)
        .sort(),
    ).toEqual([ids.kursk, ids.belarus].sort());
    expect(byTitle("Session")).toMatchObject({ level: "government" });
    expect(byTitle("Session").date.toISOString()).toBe("2015-03-10T00:00:00.000Z");
    expect(byTitle("Visit")).toMatchObject({ level: "head_of_state" });

    const forum = byTitle("Forum");
    await importThrough(
      "links",
      [
        ["Мероприятие", "Дата проведения", "Организация", "Регион", "Обсуждалось"],
        [`Forum ${word}`, "17.05.2016", "4699013157", "", "Поставки свёклы"],
        [`форум ${word.toUpperCase()}`, "", "", "RU-KRS", "Региональная программа"],
      ],
      (values) => linkEntityToMeeting(Number(values.meetingId), {}, form(values)),
    );
    const links = await prisma.discussionLink.findMany({ where: { meetingId: forum.id }, orderBy: { id: "asc" } });
    expect(links.map((l) => [l.organizationId, l.regionId, l.note])).toEqual([
      [ids.chernozem, null, "Поставки свёклы"],
      [null, ids.kursk, "Региональная программа"],
    ]);

    await importThrough(
      "commitments",
      [
        ["Встреча", "Дата встречи", "Договоренность", "Текст (англ.)", "Ответственные", "Срок исполнения", "Статус"],
        [
          `Forum ${word}`,
          new Date(Date.UTC(2016, 4, 17)),
          `Поставить ${word}`,
          `Supply ${word}`,
          "Беларусь; Тускарь Агромаш",
          new Date(Date.UTC(2017, 0, 31)),
          "в работе",
        ],
      ],
      (values) => createCommitment({}, form(values)),
    );
    const commitment = await prisma.commitment.findFirstOrThrow({
      where: { textEn: `Supply ${word}` },
      include: { parties: { orderBy: { id: "asc" } } },
    });
    expect(commitment).toMatchObject({ meetingId: forum.id, status: "in_progress" });
    expect(commitment.dueDate!.toISOString()).toBe("2017-01-31T00:00:00.000Z");
    expect(commitment.parties.map((p) => [p.regionId, p.organizationId])).toEqual([
      [ids.belarus, null],
      [null, ids.tuskar],
    ]);
  });

  it("trade figures: amounts in millions and with Russian separators, exactly", async () => {
    const taken = await prisma.tradeFigure.findMany({
      where: { regionId: { in: [ids.brest, ids.kursk] }, partnerRegionId: { in: [ids.brest, ids.kursk] } },
      select: { year: true },
    });
    const year = Array.from({ length: 100 }, (_, i) => 1991 + i).find((y) => !taken.some((t) => t.year === y))!;
    await importThrough(
      "trade",
      [
        [
          "Субъект",
          "Страна-партнер",
          "Отчетный год",
          "Товарооборот, млн долл. США",
          "Экспорт, млн долл. США",
          "Импорт, долл. США",
          "Источник данных",
        ],
        ["Курская область", "Брестская обл.", `${year} год`, "12,5", 7.25, "5 249 999,99", "Курскстат"],
      ],
      (values) => createTradeFigure({}, form(values)),
    );
    const figure = await prisma.tradeFigure.findFirstOrThrow({ where: { regionId: ids.kursk, partnerRegionId: ids.brest, year } });
    expect([figure.turnoverUsd, figure.exportsUsd, figure.importsUsd].map((amount) => amount?.toFixed(2))).toEqual([
      "12500000.00",
      "7250000.00",
      "5249999.99",
    ]);
    expect(figure.sourceTitle).toBe("Курскстат");
  });

  it("joint-venture partners: by name without the legal form, by region, shares in percent", async () => {
    const name = `СООО «${madeUpWord()} ${madeUpWord(7)}»`;
    await expect(
      createOrganization({}, form({ kind: "joint_venture", name, regionId: String(ids.kursk), status: "active", primarySector: "28" })),
    ).rejects.toMatchObject(redirected);
    const venture = await prisma.organization.findFirstOrThrow({ where: { name } });
    const preview = await previewImport({
      type: "partners",
      ...(await readUpload(
        await workbook((book) =>
          book.addWorksheet("Учредители").addRows([
            ["Наименование СП", "Участник", "Регион-участник", "Доля участия"],
            [name, "Тускарь Агромаш", "", "33,33 %"],
            [name, "", "Брестская обл.", "16,67"],
          ]),
        ),
        "partners",
      )),
      locale: "ru",
    });
    expect(preview.rows.map((r) => r.status)).toEqual(["create", "create"]);
    // Each row's form carries the rows before it and expects the version the row before leaves: written in order.
    for (const row of preview.rows) await expectSaved(updateOrganization(venture.id, {}, form(row.form!)), `row ${row.row}`);
    const partners = await prisma.jointVenturePartner.findMany({
      where: { ventureId: venture.id, archivedAt: null },
      orderBy: { id: "asc" },
    });
    expect(partners.map((p) => [p.partnerOrganizationId, p.partnerRegionId, p.sharePercent.toFixed(2)])).toEqual([
      [ids.tuskar, null, "33.33"],
      [null, ids.brest, "16.67"],
    ]);
  });
});
