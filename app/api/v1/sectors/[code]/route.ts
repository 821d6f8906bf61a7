import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { getSectorDetail } from "@/lib/sectors/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.getSector, ({ params }) =>
  getSectorDetail(params.code),
);
