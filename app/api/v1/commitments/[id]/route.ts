import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { getCommitmentDetail } from "@/lib/commitments/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.getCommitment, ({ params }) =>
  getCommitmentDetail(params.id),
);
