import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PublicHistoryPage } from "@/components/workspace/public-history";
import { localized } from "@/lib/i18n/localize";
import { getMeetingPage } from "@/lib/meetings/queries";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("publicTitle") };
}

/** What changed in a meeting's record and when: public fields only, no one named. */
export default async function MeetingHistoryPage({ params, searchParams }: Props) {
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const [meeting, locale, query] = await Promise.all([getMeetingPage(slug.data), getLocale(), searchParams]);
  if (!meeting) notFound();
  return (
    <PublicHistoryPage
      type="meeting"
      id={meeting.id}
      name={localized(locale, meeting.titleEn, meeting.titleRu)}
      recordHref={paths.meeting(meeting.slug)}
      pageHref={(page) => paths.meetingHistory(meeting.slug, { page })}
      searchParams={query}
    />
  );
}
