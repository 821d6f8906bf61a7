import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/actions/form-state";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { createOrganization, updateOrganization } = await import("@/lib/organizations/actions");
const { createMeeting, linkEntityToMeeting } = await import("@/lib/meetings/actions");
const { createTradeFigure } = await import("@/lib/trade/actions");
const { createCommitment } = await import("@/lib/commitments/actions");
const { getOrganizationForEdit } = await import("@/lib/organizations/queries");
const { previewImport } = await import("@/lib/import/preview");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");
const { asActionError, columnsOf, madeUpWord, sheetOfRecords } = await import("../support/import-sheets");

/**
 * Parity with the forms: a row the form refuses is refused by the import with the same message, beside the column
 * the value came from. Each case sends one bad value to the real server action and the same value, as an
 * official types it in a spreadsheet, to the import's preview; the two must give the same messages.
 */

type RecordType = Parameters<typeof previewImport>[0]["type"];
type Case = {
  name: string;
  cells: Record<string, string>;
  form: Record<string, string>;
  field: string;
  column: string;
  expected: string[];
};

let editor: Awaited<ReturnType<typeof createStaffUser>>;
const ids = { kursk: 0, gomel: 0, belarus: 0, bryansk: 0, tuskar: 0, demoMeeting: 0, workingGroup: 0, venture: 0 };
let ventureName = "";
/** The venture's edit form, as the editor opens it. */
let ventureValues: Record<string, string> = {};
const DEMO_MEETING_RU = "Встреча Президента Беларуси с губернатором Курской области";

const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
const long = (length: number) => "Я".repeat(length);

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  const region = async (slug: string) => (await prisma.region.findUniqueOrThrow({ where: { slug } })).id;
  const meeting = async (slug: string) => (await prisma.meeting.findUniqueOrThrow({ where: { slug } })).id;
  ids.kursk = await region("kursk-oblast");
  ids.gomel = await region("gomel-region");
  ids.belarus = await region("belarus");
  ids.bryansk = await region("bryansk-oblast");
  ids.tuskar = (await prisma.organization.findUniqueOrThrow({ where: { slug: "tuskar-agromash" } })).id;
  ids.demoMeeting = await meeting("2015-03-10-lukashenko-mikhailov");
  ids.workingGroup = await meeting("2016-02-10-agricultural-machinery-working-group");
  // A venture of its own, half held by Tuskar Agromash: room for a partner, and no other test's shares.
  signInAs(getServerSession, editor);
  ventureName = `СООО «${madeUpWord()} ${madeUpWord(7)}»`;
  const created = form({
    kind: "joint_venture",
    name: ventureName,
    regionId: String(ids.kursk),
    status: "active",
    primarySector: "28",
    "partners.0.organizationId": String(ids.tuskar),
    "partners.0.share": "50",
  });
  await expect(createOrganization({}, created)).rejects.toMatchObject(redirected);
  ids.venture = (await prisma.organization.findFirstOrThrow({ where: { name: ventureName } })).id;
  ventureValues = (await getOrganizationForEdit(ids.venture))!.values as Record<string, string>;
});

beforeEach(() => signInAs(getServerSession, editor));
afterAll(() => prisma.$disconnect());

/** The import's messages for one row, by column header, as the action words them. */
async function importRefusals(type: RecordType, cells: Record<string, string>) {
  const sheet = sheetOfRecords([cells]);
  const preview = await previewImport({ type, sheet, columns: columnsOf(type, sheet), locale: "ru" });
  const [row] = preview.rows;
  expect(row?.status, JSON.stringify(row)).toBe("refused");
  return row!.issues!;
}

/** Runs each case through the action and the import, and compares what the official is told. */
async function comparePairs(type: RecordType, cases: Case[], submit: (values: Record<string, string>) => Promise<FormState>) {
  for (const c of cases) {
    const state = await submit(c.form);
    expect(state.ok, `${c.name}: the form refuses it`).toBe(false);
    expect(state.errors?.[c.field], `${c.name}: the form's message`).toEqual(c.expected);

    const issues = await importRefusals(type, c.cells);
    const atColumn = issues.filter((issue) => issue.column === c.column);
    expect(atColumn.map(asActionError), `${c.name}: the import's message beside «${c.column}»`).toEqual(c.expected);
    expect(issues, `${c.name}: nothing else`).toHaveLength(atColumn.length);
    expect(atColumn[0]!.value).toBe(c.cells[c.column] ?? "");
  }
}

type Base = { cells: Record<string, string>; form: Record<string, string> };

/** Cases on a base row that the form accepts: each changes a few cells, and the same values of the form. */
function casesOn(base: () => Base) {
  return (cells: Record<string, string>, values: Record<string, string>, field: string, column: string, expected: string[]): Case => {
    const start = base();
    return {
      name: `${column} ${JSON.stringify(cells)}`,
      cells: { ...start.cells, ...cells },
      form: { ...start.form, ...values },
      field,
      column,
      expected,
    };
  };
}

describe("organizations", () => {
  const pair = casesOn(() => {
    const typed = `ООО «${madeUpWord()} ${madeUpWord(7)}»`;
    return {
      cells: { Наименование: typed, Вид: "предприятие", Регион: "Курская обл.", ОКВЭД: "C28" },
      form: { name: typed, kind: "enterprise", regionId: String(ids.kursk), status: "active", primarySector: "28" },
    };
  });

  it("refuses what the organization form refuses, with its messages", async () => {
    const cases = [
      pair({ "ИНН/УНП": "4699012073" }, { registrationNumber: "4699012073" }, "registrationNumber", "ИНН/УНП", ["innCheckDigit"]),
      pair(
        { Регион: "Гомельская обл.", УНП: "12345" },
        { regionId: String(ids.gomel), registrationNumber: "12345" },
        "registrationNumber",
        "УНП",
        ["unpFormat"],
      ),
      pair({ "Год основания": "1650 г." }, { foundedYear: "1650" }, "foundedYear", "Год основания", ["tooSmall|1700"]),
      pair({ Наименование: long(301) }, { name: long(301) }, "name", "Наименование", ["tooLong|300"]),
      pair({ Вид: "СП", Капитал: "1 000 000" }, { kind: "joint_venture", capitalAmount: "1000000" }, "capitalCurrency", "Валюта", [
        "currencyRequired",
      ]),
      pair(
        { Вид: "СП", Капитал: "1 000 000", Валюта: "XXXX" },
        { kind: "joint_venture", capitalAmount: "1000000", capitalCurrency: "XXXX" },
        "capitalCurrency",
        "Валюта",
        ["tooLong|3"],
      ),
      pair({ "Дополнительные ОКВЭД": "28.30" }, { "sectors.0.code": "28" }, "sectors.0.code", "Дополнительные ОКВЭД", ["sectorTwice"]),
      pair({ Вид: "" }, { kind: "" }, "kind", "Вид", ["chooseOne"]),
    ];
    await comparePairs("organizations", cases, (values) => createOrganization({}, form(values)));
  });
});

describe("joint-venture partners", () => {
  /** A new partner: row 1 of the venture's form, after Tuskar Agromash's half. */
  const pair = casesOn(() => ({ cells: { "Совместное предприятие": ventureName }, form: ventureValues }));
  const kursk = (share: string) => ({ "partners.1.regionId": String(ids.kursk), "partners.1.share": share });

  it("refuses shares and partners the venture's form refuses", async () => {
    const cases = [
      pair({ "Партнёр (регион)": "Курская область", "Доля, %": "0" }, kursk("0"), "partners.1.share", "Доля, %", ["shareRange"]),
      pair({ "Партнёр (регион)": "Курская область", "Доля, %": "150 %" }, kursk("150"), "partners.1.share", "Доля, %", ["tooLarge|100"]),
      // Over the whole with the venture's own half.
      pair({ "Партнёр (регион)": "Курская область", "Доля, %": "60" }, kursk("60"), "partners", "Доля, %", ["sharesOverWhole|110"]),
      pair(
        { "Партнёр (организация)": ventureName, "Доля, %": "10" },
        { "partners.1.organizationId": String(ids.venture), "partners.1.share": "10" },
        "partners.1.organizationId",
        "Партнёр (организация)",
        ["partnerSelf"],
      ),
    ];
    await comparePairs("partners", cases, (values) => updateOrganization(ids.venture, {}, form(values)));
  });
});

describe("meetings", () => {
  const pair = casesOn(() => {
    const word = madeUpWord();
    return {
      cells: {
        Название: `Встреча ${word}`,
        "Название (англ.)": `Meeting ${word}`,
        Дата: "11.03.2015",
        Уровень: "региональный",
        Регионы: "Курская область; Беларусь",
      },
      form: {
        titleRu: `Встреча ${word}`,
        titleEn: `Meeting ${word}`,
        date: "2015-03-11",
        level: "regional",
        "regions.0.regionId": String(ids.kursk),
        "regions.1.regionId": String(ids.belarus),
      },
    };
  });

  it("refuses what the meeting form refuses, with its messages", async () => {
    const cases = [
      pair({ "Название (англ.)": long(301) }, { titleEn: long(301) }, "titleEn", "Название (англ.)", ["tooLong|300"]),
      pair({ Регионы: "" }, { "regions.0.regionId": "", "regions.1.regionId": "" }, "regions", "Регионы", ["regionRequired"]),
      pair({ Регионы: "Курская область; RU-KRS" }, { "regions.1.regionId": String(ids.kursk) }, "regions", "Регионы", ["regionTwice"]),
      // The file has no source column: the message is beside the field's label.
      pair({ "Ссылка на источник": "example.org/report" }, { sourceUrl: "https://example.org/report" }, "sourceTitle", "Источник", [
        "sourceTitleNeeded",
      ]),
      pair({ Уровень: "" }, { level: "" }, "level", "Уровень", ["chooseOne"]),
    ];
    await comparePairs("meetings", cases, (values) => createMeeting({}, form(values)));
  });
});

describe("trade figures", () => {
  const pair = casesOn(() => ({
    cells: {
      Регион: "Курская область",
      "Регион-партнёр": "Гомельская область",
      Год: "1997",
      "Оборот, долл. США": "1 000 000",
      Источник: "Test source",
    },
    form: {
      regionId: String(ids.kursk),
      partnerRegionId: String(ids.gomel),
      year: "1997",
      turnoverUsd: "1000000",
      sourceTitle: "Test source",
    },
  }));

  it("refuses what the trade form refuses, with its messages", async () => {
    const cases = [
      pair({ "Регион-партнёр": "RU-KRS" }, { partnerRegionId: String(ids.kursk) }, "partnerRegionId", "Регион-партнёр", ["partnerSame"]),
      pair({ Экспорт: "800 000", Импорт: "300 000" }, { exportsUsd: "800000", importsUsd: "300000" }, "turnoverUsd", "Оборот, долл. США", [
        "partsExceedTurnover",
      ]),
      pair({ Год: "1985" }, { year: "1985" }, "year", "Год", ["tooSmall|1990"]),
      pair({ Источник: "" }, { sourceTitle: "" }, "sourceTitle", "Источник", ["required"]),
      pair({ "Оборот, долл. США": "12,345" }, { turnoverUsd: "12.345" }, "turnoverUsd", "Оборот, долл. США", ["decimal|2"]),
    ];
    await comparePairs("trade", cases, (values) => createTradeFigure({}, form(values)));
  });
});

describe("discussion links", () => {
  const pair = casesOn(() => ({
    cells: {
      Встреча: "Рабочая группа по сельскохозяйственному машиностроению",
      Организация: "",
      Регион: "Брянская область",
      "Что обсуждалось": "A note",
    },
    form: { regionId: String(ids.bryansk), note: "A note" },
  }));

  it("refuses what the link form refuses, with its messages", async () => {
    const cases = [
      pair({ "Что обсуждалось": "" }, { note: "" }, "note", "Что обсуждалось", ["noteRequired"]),
      pair({ "Что обсуждалось": long(2001) }, { note: long(2001) }, "note", "Что обсуждалось", ["noteTooLong"]),
      pair({ Организация: "Тускарь Агромаш" }, { organizationId: String(ids.tuskar) }, "organizationId", "Организация", [
        "chooseOneEntity",
      ]),
      pair({ Регион: "" }, { regionId: "" }, "organizationId", "Организация", ["chooseEntity"]),
    ];
    await comparePairs("links", cases, (values) => linkEntityToMeeting(ids.workingGroup, {}, form(values)));
  });
});

describe("commitments", () => {
  const pair = casesOn(() => {
    const word = madeUpWord();
    return {
      cells: {
        Встреча: DEMO_MEETING_RU,
        Текст: `Текст ${word}`,
        "Текст (англ.)": `Text ${word}`,
        Стороны: "Беларусь",
        Статус: "согласовано",
      },
      form: {
        meetingId: String(ids.demoMeeting),
        textRu: `Текст ${word}`,
        textEn: `Text ${word}`,
        "parties.0.kind": "region",
        "parties.0.regionId": String(ids.belarus),
        status: "agreed",
      },
    };
  });

  it("refuses what the commitment form refuses, with its messages", async () => {
    const cases = [
      pair({ Срок: "01.01.2015" }, { dueDate: "2015-01-01" }, "dueDate", "Срок", ["dueBeforeMeeting"]),
      pair({ Стороны: "" }, { "parties.0.kind": "", "parties.0.regionId": "" }, "parties", "Стороны", ["partyRequired"]),
      pair(
        { Стороны: "Беларусь; BY" },
        { "parties.1.kind": "region", "parties.1.regionId": String(ids.belarus) },
        "parties.1.regionId",
        "Стороны",
        ["partyTwice"],
      ),
      pair({ Статус: "" }, { status: "" }, "status", "Статус", ["chooseOne"]),
      pair({ "Текст (англ.)": long(2001) }, { textEn: long(2001) }, "textEn", "Текст (англ.)", ["tooLong|2000"]),
    ];
    await comparePairs("commitments", cases, (values) => createCommitment({}, form(values)));
  });
});
