import { z } from "zod";
import {
  CountryDtoSchema,
  MeetingRefDtoSchema,
  OrganizationRefDtoSchema,
  PartyDtoSchema,
  RegionRefDtoSchema,
  SectorRefDtoSchema,
} from "@/lib/api/refs";
import { CommitmentDtoSchema } from "@/lib/commitments/dto";
import { JointVentureDtoSchema } from "@/lib/joint-ventures/schema";
import { MeetingDetailDtoSchema, MeetingDtoSchema } from "@/lib/meetings/dto";
import { OrganizationDetailDtoSchema, OrganizationDtoSchema, OrganizationSectorDtoSchema } from "@/lib/organizations/dto";
import { RegionDetailDtoSchema, RegionDtoSchema } from "@/lib/regions/dto";
import { SearchHitDtoSchema, SuggestionDtoSchema } from "@/lib/search/dto";
import { SectorDetailDtoSchema, SectorDtoSchema } from "@/lib/sectors/dto";
import { allOperations, type Operation } from "@/lib/api/operations";
import { ProblemSchema, problemContentType, problemKinds, type ProblemKind } from "@/lib/api/problem";

/**
 * The OpenAPI 3.1 document, generated from the operations list and the zod schemas the handlers use, so that
 * the description and the behaviour cannot disagree. OpenAPI 3.1 schemas are JSON Schema draft 2020-12, which
 * is zod's default target; responses are described as zod outputs, parameters as zod inputs (what a client
 * sends, before coercion and defaults).
 */

type JsonSchema = Record<string, unknown>;

/** Schemas shared by several responses, named under components/schemas. */
const sharedSchemas: Record<string, z.ZodType> = {
  Problem: ProblemSchema,
  Country: CountryDtoSchema,
  RegionRef: RegionRefDtoSchema,
  Region: RegionDtoSchema,
  RegionDetail: RegionDetailDtoSchema,
  SectorRef: SectorRefDtoSchema,
  Sector: SectorDtoSchema,
  SectorDetail: SectorDetailDtoSchema,
  OrganizationRef: OrganizationRefDtoSchema,
  OrganizationSector: OrganizationSectorDtoSchema,
  Organization: OrganizationDtoSchema,
  OrganizationDetail: OrganizationDetailDtoSchema,
  Party: PartyDtoSchema,
  MeetingRef: MeetingRefDtoSchema,
  Meeting: MeetingDtoSchema,
  MeetingDetail: MeetingDetailDtoSchema,
  JointVenture: JointVentureDtoSchema,
  Commitment: CommitmentDtoSchema,
  SearchHit: SearchHitDtoSchema,
  Suggestion: SuggestionDtoSchema,
};

const componentRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every named schema, each referring to the others by `$ref` where it embeds them. */
function componentSchemas(operations: readonly Operation[]): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const named = new Map<z.ZodType, string>();
  const add = (name: string, schema: z.ZodType) => {
    if (named.has(schema)) return;
    named.set(schema, name);
    registry.add(schema, { id: name });
  };
  for (const [name, schema] of Object.entries(sharedSchemas)) add(name, schema);
  for (const operation of operations) if (operation.responseName) add(operation.responseName, operation.response);
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    // Inside an OpenAPI document the dialect is declared once (jsonSchemaDialect), and a component needs no $id.
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    void _dialect;
    void _id;
    out[name] = rest;
  }
  return out;
}

function inlineSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  void _dialect;
  return rest;
}

/** Query and path parameters from the zod objects, as the client sends them. */
function parametersOf(operation: Operation): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  const add = (schema: z.ZodObject | undefined, location: "query" | "path") => {
    if (!schema) return;
    const json = inlineSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...propertySchema } = property;
      parameters.push({
        name,
        in: location,
        required: location === "path" || (json.required ?? []).includes(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: propertySchema,
        ...(propertySchema.type === "array" ? { style: "form", explode: true } : {}),
      });
    }
  };
  add(operation.pathParams, "path");
  add(operation.query, "query");
  return parameters;
}

const problemResponses: Record<ProblemKind, string> = {
  invalidParameters:
    "A parameter has a value the API does not accept (an unknown filter value, a limit out of range, a cursor it did not give out, an unknown parameter). `errors` names each parameter and what to fix.",
  notFound: "There is no live record with this key.",
  methodNotAllowed: "The API is read-only: only GET, HEAD and OPTIONS are allowed.",
  internalError: "An unexpected error on the server. The body says no more than that.",
  serviceUnavailable: "The database cannot be reached just now; `Retry-After` says when to try again.",
};

function responsesOf(operation: Operation): JsonSchema {
  const ref = (kind: ProblemKind) => ({ $ref: `#/components/responses/${problemKinds[kind].component}` });
  const contentType = operation.contentType ?? "application/json";
  const schema = operation.responseName ? componentRef(operation.responseName) : inlineSchema(operation.response, "output");
  // A path parameter that does not decode (`%ff`) is a 400 too (lib/api/address.ts), whatever the query takes.
  const takesParameters = operation.pathParams !== undefined || (operation.query && Object.keys(operation.query.shape).length > 0);
  const badRequest = takesParameters ? { "400": ref("invalidParameters") } : {};
  if (operation.stored) {
    return {
      "200": {
        description: operation.summary,
        headers: {
          ETag: { $ref: "#/components/headers/ETag" },
          "Last-Modified": { description: "When this file was built.", schema: { type: "string" } },
          "Content-Disposition": { description: "attachment, with a file name that carries the date.", schema: { type: "string" } },
          "Cache-Control": { $ref: "#/components/headers/CacheControl" },
          "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
        },
        content: { [contentType]: { schema: { type: "string", contentMediaType: contentType } } },
      },
      "304": { description: "Not modified: If-None-Match named the current ETag, or If-Modified-Since is not older than the file." },
      ...badRequest,
      "405": ref("methodNotAllowed"),
      "500": ref("internalError"),
      "503": {
        description:
          "Service unavailable: the first build of the file has not finished, or the database cannot be reached; `Retry-After` says when to try again.",
        headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
        content: { [problemContentType]: { schema: componentRef("Problem") } },
      },
    };
  }
  if (operation.download) {
    return {
      "200": {
        description: operation.summary,
        headers: {
          "Content-Disposition": { description: "attachment, with a file name that carries the date.", schema: { type: "string" } },
          "Cache-Control": { description: "no-store: a snapshot of a changing registry.", schema: { type: "string" } },
        },
        content: { [contentType]: { schema } },
      },
      ...badRequest,
      ...(operation.notFound ? { "404": ref("notFound") } : {}),
      "503": ref("serviceUnavailable"),
    };
  }
  return {
    "200": {
      description: operation.summary,
      headers: {
        ETag: { $ref: "#/components/headers/ETag" },
        "Cache-Control": { $ref: "#/components/headers/CacheControl" },
        "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
      },
      content: { [contentType]: { schema } },
    },
    "304": { description: "Not modified: the If-None-Match header named the current ETag." },
    ...badRequest,
    ...(operation.notFound ? { "404": ref("notFound") } : {}),
    "405": ref("methodNotAllowed"),
    "500": ref("internalError"),
    "503": ref("serviceUnavailable"),
  };
}

function buildDocument(operations: readonly Operation[]) {
  const pathItems: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    const parameters = parametersOf(operation);
    (pathItems[operation.path] ??= {}).get = {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      responses: responsesOf(operation),
    };
  }
  const tags = [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name }));

  return {
    openapi: "3.1.1",
    info: {
      title: "Interregio API",
      version: "1.0.0",
      summary: "The public registry of interregional cooperation, read-only, as JSON.",
      description:
        "Regions, organizations (enterprises, universities, joint ventures), meetings, commitments, trade, NACE sectors and search. " +
        "No key is needed. Lists are cursor pages (`?limit=`, `?cursor=`); answers carry an ETag and may be cached " +
        "for a minute; errors are RFC 9457 problem details (`application/problem+json`).",
      license: { name: "Open data", identifier: "CC-BY-4.0" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags,
    paths: pathItems,
    components: {
      schemas: componentSchemas(operations),
      responses: Object.fromEntries(
        (Object.keys(problemKinds) as ProblemKind[]).map((kind) => [
          problemKinds[kind].component,
          {
            description: `${problemKinds[kind].title}. ${problemResponses[kind]}`,
            ...(kind === "serviceUnavailable"
              ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } }
              : {}),
            ...(kind === "methodNotAllowed"
              ? { headers: { Allow: { schema: { type: "string" }, description: "GET, HEAD, OPTIONS" } } }
              : {}),
            content: { [problemContentType]: { schema: componentRef("Problem") } },
          },
        ]),
      ),
      headers: {
        ETag: {
          description: "A strong validator of the body: send it back as If-None-Match to get 304 while nothing changed.",
          schema: { type: "string" },
        },
        CacheControl: { description: "How long the answer may be reused, such as public, max-age=60.", schema: { type: "string" } },
        AccessControlAllowOrigin: { description: "Always *: any site may read the API.", schema: { type: "string", const: "*" } },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: OpenApiDocument | undefined;

/** Built once per process: the schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument(allOperations());
  return cached;
}
