import { apiRoute } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { operations } from "@/lib/api/operations";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.openapi, async () => openApiDocument());
