import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { getMeetingDetail } from "@/lib/meetings/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.getMeeting, ({ params }) =>
  getMeetingDetail(params.slug),
);
