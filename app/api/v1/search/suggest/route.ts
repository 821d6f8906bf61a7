import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { suggestForApi } from "@/lib/search/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.suggest, ({ query }) => suggestForApi(query));
