import type { CellType } from "@/lib/export/columns";
import type { DumpTable } from "./tables";

/**
 * The download's `datapackage.json`: a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
 * whose resources are the CSV files, each described by a Table Schema made from its table's columns
 * (lib/dump/tables.ts), so that the files and their description cannot drift apart.
 */

/** Table Schema's type for each cell type, with its format where it has one. */
const fieldTypes: Record<CellType, { type: string; format?: string }> = {
  text: { type: "string" },
  number: { type: "number" },
  integer: { type: "integer" },
  year: { type: "year" },
  date: { type: "date" },
  datetime: { type: "datetime" },
  boolean: { type: "boolean" },
};

export type Licence = { name: string; path?: string; title: string };

/** The licence as a Data Package names it: CC BY 4.0 by its SPDX id and address, any other by its words. */
export function licenceOf(licence: string): Licence {
  if (/^CC[ -]BY[ -]4\.0$/i.test(licence.trim()))
    return { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" };
  return { name: licence.trim(), title: licence.trim() };
}

export function tableSchema(table: DumpTable) {
  return {
    fields: table.columns.map((column) => ({
      name: column.key,
      title: column.header.en,
      // Table Schema has one title; the Russian one is an extra property, as the spec allows.
      titleRu: column.header.ru,
      ...fieldTypes[column.type],
      ...(column.constraints ? { constraints: column.constraints } : {}),
    })),
    // Empty cells are missing values (null), as the CSV writer writes them.
    missingValues: [""],
    ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
    ...(table.foreignKeys
      ? {
          foreignKeys: table.foreignKeys.map((key) => ({
            fields: key.fields,
            // A table naming its own rows (a region's parent) refers to "" as the spec asks.
            reference: { resource: key.reference.resource === table.name ? "" : key.reference.resource, fields: key.reference.fields },
          })),
        }
      : {}),
  };
}

export function dataPackage(tables: readonly DumpTable[], options: { licence: string; created: Date; registryUpdatedAt: Date | null }) {
  return {
    profile: "tabular-data-package",
    name: "interregio",
    title: "Interregio: a registry of interregional cooperation",
    description:
      "Regions, organizations, joint ventures and their partners, meetings with their participants, what was said and what they " +
      "discussed, commitments and their follow-ups, and trade figures, as the registry held them at `created`. Archived records " +
      "are left out.",
    created: options.created.toISOString(),
    ...(options.registryUpdatedAt ? { registryUpdatedAt: options.registryUpdatedAt.toISOString() } : {}),
    licenses: [licenceOf(options.licence)],
    resources: tables.map((table) => ({
      profile: "tabular-data-resource",
      name: table.name,
      path: `${table.name}.csv`,
      title: table.sheetName.en,
      titleRu: table.sheetName.ru,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: { delimiter: ",", lineTerminator: "\r\n", header: true },
      schema: tableSchema(table),
    })),
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;
