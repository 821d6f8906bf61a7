import { expect } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi";

/** The API's answers checked against its own OpenAPI document, and its problem+json errors, for the API's tests. */

// The response schemas come from the generated document itself, compiled as JSON Schema draft 2020-12.
export const document = openApiDocument();
export const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...document, $id: "https://interregio.test/openapi.json" });

export function expectMatchesDocument(path: string, body: unknown) {
  const operation = (
    document.paths as Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> } }>
  )[path];
  expect(operation, `${path} is in the OpenAPI document`).toBeDefined();
  const schema = operation!.get.responses["200"]!.content["application/json"]!.schema;
  const validate = schema.$ref ? ajv.getSchema(`https://interregio.test/openapi.json${schema.$ref}`) : ajv.compile(schema);
  expect(validate).toBeDefined();
  const valid = validate!(body);
  expect(valid ? [] : validate!.errors).toEqual([]);
}

export async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  const problem = (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: Record<string, string[]>;
  };
  expect(problem.status).toBe(status);
  expect(problem.title).toBeTruthy();
  expect(problem.type).toContain("/api/v1/openapi.json#/components/responses/");
  expect(problem.detail).toBeTruthy();
  expect(JSON.stringify(problem)).not.toMatch(/prisma|select |stack|at .*\.ts/i);
  return problem;
}
