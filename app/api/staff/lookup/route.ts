import { staffJson, staffRoute } from "@/lib/http/staff-route";
import { lookupRecords } from "@/lib/search/queries";
import { LookupParamsSchema } from "@/lib/search/schema";

/** The staff pickers' search-as-you-type: at most 10 live records of one type. */
export const GET = staffRoute("Staff lookup", async (request) => {
  const parsed = LookupParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return staffJson({ error: "Give type (organization, region, meeting or sector) and q." }, 400);
  return staffJson({ items: await lookupRecords(parsed.data) });
});
