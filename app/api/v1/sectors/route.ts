import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listSectorsPage } from "@/lib/sectors/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listSectors, ({ query }) => listSectorsPage(query));
