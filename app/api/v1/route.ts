import { apiRoute } from "@/lib/api/http";
import { allOperations, operations } from "@/lib/api/operations";
import { paths } from "@/lib/paths";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.index, async () => ({
  openapi: paths.api.openapi(),
  endpoints: allOperations().map((operation) => ({ path: operation.path, summary: operation.summary })),
}));
