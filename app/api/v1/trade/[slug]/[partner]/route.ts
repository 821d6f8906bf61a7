import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { getTradePairForApi } from "@/lib/trade/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.getTradePair, ({ params }) =>
  getTradePairForApi(params),
);
