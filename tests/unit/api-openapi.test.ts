import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi";
import { allOperations } from "@/lib/api/operations";

type Json = Record<string, unknown>;
type ResponseObject = { $ref?: string; content?: Record<string, { schema?: Json }> };
type PathItem = Record<
  string,
  {
    operationId: string;
    parameters?: { name: string; in: string; required: boolean; schema: Json }[];
    responses: Record<string, ResponseObject>;
  }
>;

const document = openApiDocument();
const pathItems = document.paths as unknown as Record<string, PathItem>;

/** Every `$ref` in the document, wherever it sits. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], document);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and valid against the official 3.1 schema", async () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every operation of the list once, each with a 200 response that has a schema", () => {
    const operationIds: string[] = [];
    for (const [path, item] of Object.entries(pathItems)) {
      expect(path).toMatch(/^\/api\/v1(\/|$)/);
      for (const operation of Object.values(item)) {
        operationIds.push(operation.operationId);
        const ok = operation.responses["200"];
        expect(ok, `${path} has a 200 response`).toBeDefined();
        const contents = Object.values(ok!.content ?? {});
        expect(contents.length, `${path} 200 has content`).toBeGreaterThan(0);
        for (const content of contents) expect(content.schema, `${path} 200 has a schema`).toBeTruthy();
      }
    }
    expect(operationIds.sort()).toEqual(
      allOperations()
        .map((operation) => operation.operationId)
        .sort(),
    );
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("resolves every $ref inside the document", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref.startsWith("#/"), ref).toBe(true);
      expect(resolvePointer(ref), ref).toBeDefined();
    }
  });

  it("declares the path parameters of record endpoints and the cursor parameters of lists", () => {
    for (const [path, item] of Object.entries(pathItems)) {
      const parameters = item.get!.parameters ?? [];
      for (const name of path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
        expect(parameters).toContainEqual(expect.objectContaining({ name, in: "path", required: true }));
      }
    }
    const organizations = pathItems["/api/v1/organizations"]!.get!.parameters!;
    expect(organizations.map((p) => p.name)).toEqual(
      expect.arrayContaining(["kind", "status", "country", "region", "sector", "limit", "cursor"]),
    );
    expect(organizations.find((p) => p.name === "limit")).toMatchObject({
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 100, default: 25 },
    });
    expect(organizations.find((p) => p.name === "kind")!.schema).toMatchObject({ enum: ["enterprise", "university", "joint_venture"] });
    expect(pathItems["/api/v1/meetings"]!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["year", "level", "region"]));
    expect(pathItems["/api/v1/regions"]!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["country", "level"]));
  });

  it("describes errors as problem details", () => {
    const badRequest = resolvePointer(pathItems["/api/v1/organizations"]!.get!.responses["400"]!.$ref!) as ResponseObject;
    expect(Object.keys(badRequest.content!)).toEqual(["application/problem+json"]);
    expect(pathItems["/api/v1/organizations/{slug}"]!.get!.responses["404"]).toBeDefined();
    expect(pathItems["/api/v1/organizations"]!.get!.responses["404"]).toBeUndefined();
    // A path parameter that does not decode is answered 400, also where the query takes nothing.
    for (const path of ["/api/v1/regions/{slug}", "/api/v1/sectors/{code}", "/api/v1/trade/{slug}/{partner}"]) {
      expect(pathItems[path]!.get!.responses["400"], path).toEqual({ $ref: "#/components/responses/InvalidParameters" });
    }
  });

  it("describes the full download: a ZIP with its validators, 304, and 503 with Retry-After before the first build", () => {
    const responses = pathItems["/api/v1/dump.zip"]!.get!.responses as Record<string, ResponseObject & { headers?: Json }>;
    expect(Object.keys(responses["200"]!.content!)).toEqual(["application/zip"]);
    expect(Object.keys(responses["200"]!.headers!)).toEqual(expect.arrayContaining(["ETag", "Last-Modified", "Content-Disposition"]));
    expect(responses["304"]).toBeDefined();
    expect(Object.keys(responses["503"]!.headers!)).toEqual(["Retry-After"]);
    expect(Object.keys(responses["503"]!.content!)).toEqual(["application/problem+json"]);
  });

  it("has component schemas that compile as JSON Schema draft 2020-12 and describe records with a url", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: "https://interregio.test/openapi.json" });
    const schemas = document.components.schemas;
    for (const name of Object.keys(schemas)) {
      expect(ajv.getSchema(`https://interregio.test/openapi.json#/components/schemas/${name}`), name).toBeDefined();
    }
    for (const name of ["Region", "Organization", "Meeting", "Sector", "OrganizationDetail", "MeetingDetail"]) {
      expect((schemas[name] as { required: string[] }).required, name).toContain("url");
    }
    // Dates are ISO strings and amounts are numbers, not Decimal objects.
    expect(JSON.stringify(schemas.Meeting)).toContain('"format":"date"');
    expect((schemas.OrganizationDetail as { properties: Record<string, Json> }).properties.capitalAmount).toEqual({
      type: ["number", "null"],
      description: expect.any(String),
    });
  });
});
