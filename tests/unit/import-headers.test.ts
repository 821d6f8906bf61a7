import { describe, expect, it } from "vitest";
import { importFields, recordTypes, type RecordType } from "@/lib/import/fields";
import { guessRecordType, matchHeaders } from "@/lib/import/headers";

/** The field each header went to, by header text, as the mapping screen shows it. */
function mapped(type: RecordType, headers: string[]) {
  const { mapping } = matchHeaders(type, headers);
  return Object.fromEntries(Object.entries(mapping).map(([column, field]) => [headers[Number(column)], field]));
}

describe("matchHeaders: organizations", () => {
  it.each([
    ["Наименование", "name"],
    ["Name", "name"],
    ["Полное наименование", "name"],
    ["Полное наименование предприятия", "name"],
    ["Наименование организации", "name"],
    ["Наименование (англ.)", "nameEn"],
    ["Name in English", "nameEn"],
    ["Вид", "kind"],
    ["Тип", "kind"],
    ["Kind", "kind"],
    ["Тип организации", "kind"],
    ["Регион", "region"],
    ["Область", "region"],
    ["Region", "region"],
    ["ИНН", "registrationNumber"],
    ["УНП", "registrationNumber"],
    ["ИНН/УНП", "registrationNumber"],
    ["Регистрационный номер", "registrationNumber"],
    ["ОКВЭД", "primarySector"],
    ["Основной ОКВЭД", "primarySector"],
    ["NACE", "primarySector"],
    ["Sector", "primarySector"],
    ["Год основания", "foundedYear"],
    ["Founded", "foundedYear"],
    ["Сайт", "website"],
    ["Website", "website"],
    ["Описание", "descriptionRu"],
    ["Description", "descriptionEn"],
    ["Статус", "status"],
  ])("matches %s to %s", (header, field) => {
    expect(mapped("organizations", [header])).toEqual({ [header]: field });
  });

  it("is tolerant of case, spacing, punctuation, ё and small typos", () => {
    const headers = [
      "  НАИМЕНОВАНИЕ ",
      "Год  основания",
      "год оснвания",
      "Регоин",
      "регион:",
      "Наименование(англ)",
      "Web-site",
      "ОКВЭД-2",
      "Описaние",
    ];
    const { mapping } = matchHeaders("organizations", headers);
    expect(mapping[0]).toBe("name");
    expect(mapping[1]).toBe("foundedYear");
    // Each field goes to one column: the exact header wins over the one with a typo.
    expect(mapping[2]).toBeUndefined();
    expect(mapping[4]).toBe("region");
    expect(mapping[3]).toBeUndefined();
    expect(mapping[5]).toBe("nameEn");
    expect(mapping[6]).toBe("website");
    expect(mapping[7]).toBe("primarySector");
  });

  it("reads typos when there is no exact header to prefer", () => {
    expect(mapped("organizations", ["Наименованние", "Регоин", "Год оснвания", "Webiste"])).toEqual({
      Наименованние: "name",
      Регоин: "region",
      "Год оснвания": "foundedYear",
      Webiste: "website",
    });
    expect(mapped("organizations", ["Могилёвское наименование"])).toEqual({});
  });

  it("gives the English name to its own column whatever the order", () => {
    expect(matchHeaders("organizations", ["Наименование (англ.)", "Наименование"]).mapping).toEqual({ 0: "nameEn", 1: "name" });
  });

  it("lists the columns left unmapped, a column without a header too", () => {
    const result = matchHeaders("organizations", ["№ п/п", "Наименование", "Руководитель", "", "Регион"]);
    expect(result.mapping).toEqual({ 1: "name", 4: "region" });
    expect(result.unmapped).toEqual([0, 2, 3]);
  });

  it("matches the template's bilingual headers", () => {
    const template = importFields.organizations.map((field) => `${field.label.ru} / ${field.label.en}`);
    const { mapping, unmapped } = matchHeaders("organizations", template);
    expect(unmapped).toEqual([]);
    expect(Object.values(mapping)).toEqual(importFields.organizations.map((field) => field.name));
  });
});

describe("matchHeaders: the other record types", () => {
  it("matches trade figures with their units", () => {
    const headers = ["Регион", "Страна-партнёр", "Год", "Оборот, тыс. долл. США", "Экспорт", "Импорт, млн USD", "Источник"];
    const result = matchHeaders("trade", headers);
    expect(mapped("trade", headers)).toEqual({
      Регион: "region",
      "Страна-партнёр": "partnerRegion",
      Год: "year",
      "Оборот, тыс. долл. США": "turnoverUsd",
      Экспорт: "exportsUsd",
      "Импорт, млн USD": "importsUsd",
      Источник: "sourceTitle",
    });
    expect(result.multipliers).toEqual({ 3: 1000, 5: 1_000_000 });
    expect(result.notes.map((note) => [note.column, note.message.key])).toEqual([
      [3, "headerScaled"],
      [5, "headerScaled"],
    ]);
  });

  it("does not take an amount in roubles for dollars", () => {
    const result = matchHeaders("trade", ["Регион", "Товарооборот, млн руб."]);
    expect(result.mapping).toEqual({ 0: "region" });
    expect(result.notes).toEqual([{ column: 1, message: { key: "headerCurrencyNotUsd", values: { header: "Товарооборот, млн руб." } } }]);
  });

  it.each([
    ["meetings", ["Дата", "Date", "Уровень", "Место", "Регионы"], ["date", undefined, "level", "placeRu", "regions"]],
    ["meetings", ["Title", "Название"], ["titleEn", "titleRu"]],
    ["links", ["Встреча", "Организация", "Регион", "Примечание"], ["meeting", "organization", "region", "note"]],
    ["partners", ["СП", "Партнёр", "Доля, %"], ["venture", "organization", "share"]],
    ["commitments", ["Встреча", "Текст", "Стороны", "Срок исполнения", "Статус"], ["meeting", "textRu", "parties", "dueDate", "status"]],
  ] as const)("matches %s headers %j", (type, headers, fields) => {
    const { mapping } = matchHeaders(type, [...headers]);
    expect(headers.map((_, column) => mapping[column])).toEqual(fields);
  });
});

describe("guessRecordType", () => {
  it.each([
    [["Наименование", "Вид", "Регион", "ИНН", "ОКВЭД"], "organizations"],
    [["Region", "Partner", "Year", "Turnover", "Exports", "Imports"], "trade"],
    [["Дата", "Уровень", "Название", "Регионы"], "meetings"],
    [["Встреча", "Текст", "Стороны", "Статус"], "commitments"],
  ] as const)("takes %j for %s", (headers, type) => {
    expect(guessRecordType([...headers])?.type).toBe(type);
  });

  it("takes nothing from a title or a row of data", () => {
    expect(guessRecordType(["Перечень предприятий Курской области, сотрудничающих с Республикой Беларусь"])).toBeNull();
    expect(guessRecordType(["ООО «Ромашка»", "Курская область", "4629000000"])).toBeNull();
  });
});

describe("importFields", () => {
  it("names each field once per type, with labels in both languages", () => {
    for (const type of recordTypes) {
      const names = importFields[type].map((field) => field.name);
      expect(new Set(names).size, type).toBe(names.length);
      for (const field of importFields[type]) expect(field.label.en && field.label.ru, `${type}.${field.name}`).toBeTruthy();
    }
  });

  it("has every type's required fields matched by their own labels", () => {
    for (const type of recordTypes) {
      const required = importFields[type].filter((field) => field.required);
      expect(
        mapped(
          type,
          required.map((field) => field.label.ru),
        ),
        type,
      ).toEqual(Object.fromEntries(required.map((field) => [field.label.ru, field.name])));
      expect(
        mapped(
          type,
          required.map((field) => field.label.en),
        ),
        type,
      ).toEqual(Object.fromEntries(required.map((field) => [field.label.en, field.name])));
    }
  });
});
