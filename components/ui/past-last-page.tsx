import { getTranslations } from "next-intl/server";
import { EmptyResults } from "@/components/ui/empty-results";

/** A list's page past its last one (an old link, a list that shrank): say so, and link the first page. */
export async function PastLastPage({ firstPageHref }: { firstPageHref: string }) {
  const t = await getTranslations("browse");
  return <EmptyResults title={t("pastLastPage")} hint={t("pastLastPageHint")} clearHref={firstPageHref} clearLabel={t("firstPage")} />;
}
