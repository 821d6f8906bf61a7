import { NextResponse, type NextRequest } from "next/server";
import { lookupRecords } from "@/lib/search/queries";
import { LookupParamsSchema } from "@/lib/search/schema";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * The staff pickers' search-as-you-type: at most 10 live records of one type. Staff only, checked here
 * against the database whatever the proxy did; never cached, since it answers one signed-in user.
 */
export async function GET(request: NextRequest) {
  const headers = { "cache-control": "private, no-store" };
  try {
    const user = await getCurrentUser();
    if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401, headers });
    const parsed = LookupParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) {
      return NextResponse.json({ error: "Give type (organization, region, meeting or sector) and q." }, { status: 400, headers });
    }
    return NextResponse.json({ items: await lookupRecords(parsed.data) }, { headers });
  } catch (error) {
    console.error("Staff lookup failed", error);
    return NextResponse.json({ error: "The registry is not available. Try again in a minute." }, { status: 503, headers });
  }
}
