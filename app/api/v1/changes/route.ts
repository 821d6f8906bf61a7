import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listChangesPage } from "@/lib/changes/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listChanges, ({ query }) => listChangesPage(query));
