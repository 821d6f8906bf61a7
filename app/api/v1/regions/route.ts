import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listRegionsPage } from "@/lib/regions/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listRegions, ({ query }) => listRegionsPage(query));
