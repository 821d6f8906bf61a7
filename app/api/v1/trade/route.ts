import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listTradePairsForApi } from "@/lib/trade/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listTradePairs, ({ query }) =>
  listTradePairsForApi(query),
);
