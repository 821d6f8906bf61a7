import { apiRoute } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { listMeetingsPage } from "@/lib/meetings/api";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(operations.listMeetings, ({ query }) => listMeetingsPage(query));
