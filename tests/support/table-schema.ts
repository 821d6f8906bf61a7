import { parse } from "csv-parse/sync";

/**
 * Checks CSV files against the Frictionless Table Schemas of their datapackage.json, as far as the full download
 * uses them (no maintained validator on npm works offline: frictionless's own JavaScript libraries stopped in 2020):
 * the header equals the field names; every value parses as its field's type; required, unique, enum, pattern,
 * minimum, maximum and maxLength hold; primary keys are unique; foreign keys resolve. Returns the problems found,
 * at most 20 per file, in words.
 */

type Field = {
  name: string;
  type: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
    maxLength?: number;
  };
};
type Schema = {
  fields: Field[];
  missingValues?: string[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
};
export type Resource = { name: string; path: string; schema: Schema };

const typeChecks: Record<string, (value: string) => boolean> = {
  string: () => true,
  integer: (value) => /^-?\d+$/.test(value),
  number: (value) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value),
  year: (value) => /^\d{4}$/.test(value),
  boolean: (value) => value === "true" || value === "false",
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  datetime: (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)),
};

export type ParsedTable = { resource: Resource; header: string[]; rows: string[][] };

export function parseTable(resource: Resource, csv: string): ParsedTable {
  const [header = [], ...rows] = parse(csv, { relax_column_count: false, bom: false }) as string[][];
  return { resource, header, rows };
}

/** The problems of every table, foreign keys checked across them; empty when all holds. */
export function validateTables(tables: readonly ParsedTable[]): string[] {
  const problems: string[] = [];
  const byName = new Map(tables.map((table) => [table.resource.name, table]));
  const keyOf = (row: string[], indexes: number[]) => JSON.stringify(indexes.map((index) => row[index]));

  for (const { resource, header, rows } of tables) {
    const { schema } = resource;
    const own: string[] = [];
    const names = schema.fields.map((field) => field.name);
    if (JSON.stringify(header) !== JSON.stringify(names))
      own.push(`${resource.path}: header ${header.join(",")} is not the fields ${names.join(",")}`);
    const missing = new Set(schema.missingValues ?? [""]);
    schema.fields.forEach((field, column) => {
      const seen = new Set<string>();
      const check = typeChecks[field.type];
      if (!check) own.push(`${resource.path}: ${field.name} has an unknown type ${field.type}`);
      rows.forEach((row, index) => {
        const value = row[column] ?? "";
        const where = `${resource.path} line ${index + 2} ${field.name}`;
        const c = field.constraints ?? {};
        if (missing.has(value)) {
          if (c.required) own.push(`${where}: required but empty`);
          return;
        }
        if (check && !check(value)) own.push(`${where}: ${JSON.stringify(value)} is not a ${field.type}`);
        if (c.enum && !c.enum.includes(value)) own.push(`${where}: ${JSON.stringify(value)} is not one of ${c.enum.join(", ")}`);
        if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(value))
          own.push(`${where}: ${JSON.stringify(value)} does not match ${c.pattern}`);
        if (c.minimum !== undefined && Number(value) < c.minimum) own.push(`${where}: ${value} is under ${c.minimum}`);
        if (c.maximum !== undefined && Number(value) > c.maximum) own.push(`${where}: ${value} is over ${c.maximum}`);
        if (c.maxLength !== undefined && [...value].length > c.maxLength) own.push(`${where}: longer than ${c.maxLength}`);
        if (c.unique) {
          if (seen.has(value)) own.push(`${where}: ${JSON.stringify(value)} is not unique`);
          seen.add(value);
        }
      });
    });
    if (schema.primaryKey) {
      const indexes = schema.primaryKey.map((name) => names.indexOf(name));
      const keys = new Set<string>();
      for (const row of rows) {
        const key = keyOf(row, indexes);
        if (keys.has(key)) own.push(`${resource.path}: primary key ${key} repeats`);
        keys.add(key);
      }
    }
    for (const foreignKey of schema.foreignKeys ?? []) {
      const target = foreignKey.reference.resource === "" ? byName.get(resource.name) : byName.get(foreignKey.reference.resource);
      if (!target) {
        own.push(`${resource.path}: foreign key to unknown resource ${foreignKey.reference.resource}`);
        continue;
      }
      const targetNames = target.resource.schema.fields.map((field) => field.name);
      const targetKeys = new Set(
        target.rows.map((row) =>
          keyOf(
            row,
            foreignKey.reference.fields.map((name) => targetNames.indexOf(name)),
          ),
        ),
      );
      const indexes = foreignKey.fields.map((name) => names.indexOf(name));
      for (const row of rows) {
        // A key with an empty field names nothing (Table Schema: null foreign keys are allowed).
        if (indexes.some((index) => missing.has(row[index] ?? ""))) continue;
        const key = keyOf(row, indexes);
        if (!targetKeys.has(key)) own.push(`${resource.path}: ${foreignKey.fields.join(",")} ${key} is not in ${target.resource.path}`);
      }
    }
    problems.push(...own.slice(0, 20));
  }
  return problems;
}
