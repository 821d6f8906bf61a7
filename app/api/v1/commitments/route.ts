import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listCommitmentsPage } from "@/lib/commitments/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listCommitments, ({ query }) =>
  listCommitmentsPage(query),
);
