import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { EmptyResults } from "@/components/ui/empty-results";

/**
 * Filters that match nothing: each filter in force offered for removal by name ("Without “Sector: B Mining and
 * quarrying”"), and all of them at once.
 */
export async function NoMatch({
  title,
  filters,
  clearHref,
}: {
  title: ReactNode;
  /** Each filter in force as it reads ("Year: 2015"), and the list's address without it. */
  filters: { label: string; href: string }[];
  clearHref: string;
}) {
  const t = await getTranslations("browse");
  return (
    <EmptyResults
      title={title}
      hint={t("relaxHint")}
      relax={filters.map((filter) => ({ label: t("relaxOne", { filter: filter.label }), href: filter.href }))}
      clearHref={clearHref}
      clearLabel={t("clear")}
    />
  );
}
