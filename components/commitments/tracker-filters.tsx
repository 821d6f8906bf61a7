import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { commitmentStatuses, trackerQuery, type TrackerParams } from "@/lib/commitments/schema";
import { localized } from "@/lib/i18n/localize";
import type { Locale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { listCountryOptions, listRegionOptions } from "@/lib/regions/queries";

const control = "input max-w-full";

/**
 * The tracker's filters as a GET form: statuses (several), one region or a pair, the due-date range, overdue
 * and open. A party or meeting the list is narrowed to (from a link) is kept and shown with a way to drop it.
 */
export async function TrackerFilters({
  params,
  locale,
  names,
}: {
  params: TrackerParams;
  locale: Locale;
  names: { party: string | null; meeting: string | null };
}) {
  const [t, regions, countries] = await Promise.all([getTranslations("tracker"), listRegionOptions(locale), listCountryOptions(locale)]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const groups = countries.map((c) => ({
    label: name(c),
    options: regions.filter((r) => r.countryCode === c.code).map((r) => ({ value: r.slug, label: name(r) })),
  }));
  const chosen = new Set(params.status ?? []);
  const query = trackerQuery(params);
  const filtered = Object.entries(query).some(([key, value]) => key !== "perPage" && key !== "page" && value !== undefined);
  return (
    <>
      {(params.party || params.meeting) && (
        <ul className="mb-4 space-y-1 text-xl">
          {params.party && (
            <li>
              {t("withParty", { name: names.party ?? params.party })}{" "}
              <Link href={paths.commitments({ ...query, party: undefined, page: undefined })} className="text-base">
                {t("filters.clear")}
              </Link>
            </li>
          )}
          {params.meeting && (
            <li>
              {t("atMeeting", { name: names.meeting ?? params.meeting })}{" "}
              <Link href={paths.commitments({ ...query, meeting: undefined, page: undefined })} className="text-base">
                {t("filters.clear")}
              </Link>
            </li>
          )}
        </ul>
      )}
      <FilterForm
        action={paths.commitments()}
        label={t("filters.label")}
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
        clearHref={filtered ? paths.commitments({ perPage: query.perPage }) : undefined}
        hidden={{ party: params.party, meeting: params.meeting, perPage: query.perPage }}
      >
        <fieldset className="basis-full">
          <legend className="font-bold">{t("filters.status")}</legend>
          <div className="flex flex-wrap gap-x-6">
            {commitmentStatuses.map((status) => (
              <label key={status} className="flex items-center gap-2">
                <input type="checkbox" name="status" value={status} defaultChecked={chosen.has(status)} className="size-5" />
                {t(`statuses.${status}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="basis-full" aria-describedby="tracker-region-hint">
          <legend className="font-bold">{t("filters.regions")}</legend>
          <p id="tracker-region-hint" className="text-muted">
            {t("filters.regionHint")}
          </p>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-4">
            <SelectFilter
              id="tracker-region"
              name="region"
              label={t("filters.region")}
              value={params.region?.[0]}
              anyLabel={t("filters.any")}
              groups={groups}
            />
            <SelectFilter
              id="tracker-partner"
              name="region"
              label={t("filters.partner")}
              value={params.region?.[1]}
              anyLabel={t("filters.any")}
              groups={groups}
            />
          </div>
        </fieldset>
        <label className="flex flex-col">
          <span className="font-bold">{t("filters.dueFrom")}</span>
          <input type="date" name="dueFrom" defaultValue={params.dueFrom} className={`${control} tabular`} />
        </label>
        <label className="flex flex-col">
          <span className="font-bold">{t("filters.dueTo")}</span>
          <input type="date" name="dueTo" defaultValue={params.dueTo} className={`${control} tabular`} />
        </label>
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} className="size-5" />
            {t("filters.overdue")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="open" value="1" defaultChecked={params.open} className="size-5" />
            {t("filters.open")}
          </label>
        </div>
      </FilterForm>
    </>
  );
}
