import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listOrganizationsPage } from "@/lib/organizations/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listOrganizations, ({ query }) =>
  listOrganizationsPage(query),
);
