import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listJointVenturesForApi } from "@/lib/joint-ventures/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listJointVentures, ({ query }) =>
  listJointVenturesForApi(query),
);
