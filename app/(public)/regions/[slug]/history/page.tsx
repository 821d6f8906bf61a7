import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PublicHistoryPage } from "@/components/workspace/public-history";
import { localized } from "@/lib/i18n/localize";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { findRegion } from "@/lib/regions/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("publicTitle") };
}

/** What changed in a region's record and when: public fields only, no one named. */
export default async function RegionHistoryPage({ params, searchParams }: Props) {
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const [region, locale, query] = await Promise.all([findRegion(slug.data), getLocale(), searchParams]);
  if (!region) notFound();
  return (
    <PublicHistoryPage
      type="region"
      id={region.id}
      name={localized(locale, region.nameEn, region.nameRu)}
      recordHref={paths.region(region.slug)}
      pageHref={(page) => paths.regionHistory(region.slug, { page })}
      searchParams={query}
    />
  );
}
