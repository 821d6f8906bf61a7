import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageWindow, type Page } from "@/lib/pagination";

/**
 * GOV.UK pagination: "Showing 26 to 50 of 1,234 results", then previous, numbered pages with gaps, next.
 * Plain links, so a page is a URL: the back button and a shared link land on the same page.
 */
export async function Pagination({ page, href }: { page: Omit<Page<unknown>, "items">; href: (page: number) => string }) {
  const [t, format] = await Promise.all([getTranslations("pagination"), getFormatter()]);
  if (page.total === 0) return null;
  const from = Math.min((page.page - 1) * page.perPage + 1, page.total);
  const to = Math.min(page.page * page.perPage, page.total);
  const summary = (
    <p className="mt-4 text-muted" aria-live="polite">
      {t("showing", { from: format.number(from), to: format.number(to), total: format.number(page.total) })}
    </p>
  );
  if (page.pageCount <= 1) return summary;
  const link = "inline-block px-3 py-1 font-bold";
  return (
    <>
      {summary}
      <nav aria-label={t("label")} className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-2">
        {page.page > 1 && (
          <Link href={href(page.page - 1)} rel="prev" className={`${link} pl-0`}>
            <span aria-hidden>← </span>
            {t("previous")}
            <span className="sr-only"> {t("pageSuffix")}</span>
          </Link>
        )}
        <ul className="flex flex-wrap items-center gap-1">
          {pageWindow(page.page, page.pageCount).map((n, i) =>
            n === null ? (
              <li key={`gap-${i}`} className="px-2 text-muted" aria-hidden>
                ⋯
              </li>
            ) : (
              <li key={n}>
                {n === page.page ? (
                  <Link
                    href={href(n)}
                    aria-current="page"
                    aria-label={t("page", { page: n })}
                    className={`${link} tabular bg-brand text-white! no-underline`}
                  >
                    {n}
                  </Link>
                ) : (
                  <Link href={href(n)} aria-label={t("page", { page: n })} className={`${link} tabular`}>
                    {n}
                  </Link>
                )}
              </li>
            ),
          )}
        </ul>
        {page.page < page.pageCount && (
          <Link href={href(page.page + 1)} rel="next" className={link}>
            {t("next")}
            <span className="sr-only"> {t("pageSuffix")}</span>
            <span aria-hidden> →</span>
          </Link>
        )}
      </nav>
    </>
  );
}
