import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RegionSelectFilter } from "@/components/regions/region-select-filter";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { DayFilter } from "@/components/ui/day-filter";
import { FilterForm } from "@/components/ui/filter-form";
import { commitmentStatuses, trackerQuery, type TrackerParams } from "@/lib/commitments/schema";
import { paths } from "@/lib/paths";

/**
 * The tracker's filters as a GET form: statuses (several), one region or a pair, the due-date range, overdue
 * and open. A party or meeting the list is narrowed to (from a link) is kept and shown with a way to drop it.
 */
export async function TrackerFilters({
  params,
  names,
}: {
  params: TrackerParams;
  names: { party: string | null; meeting: string | null };
}) {
  const t = await getTranslations("tracker");
  const query = trackerQuery(params);
  const filtered = Object.entries(query).some(([key, value]) => key !== "perPage" && key !== "page" && value !== undefined);
  // A party or meeting the list is narrowed to, each with a link that drops it.
  const narrowedTo = [
    params.party ? { key: "party", text: t("withParty", { name: names.party ?? params.party }) } : null,
    params.meeting ? { key: "meeting", text: t("atMeeting", { name: names.meeting ?? params.meeting }) } : null,
  ].filter((item) => item !== null);
  return (
    <>
      {narrowedTo.length > 0 && (
        <ul className="mb-4 space-y-1 text-xl">
          {narrowedTo.map(({ key, text }) => (
            <li key={key}>
              {text}{" "}
              <Link href={paths.commitments({ ...query, [key]: undefined, page: undefined })} className="text-base">
                {t("filters.clear")}
              </Link>
            </li>
          ))}
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
        <ChoiceFilter
          legend={t("filters.status")}
          name="status"
          options={commitmentStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
          chosen={params.status}
          className="basis-full"
        />
        <fieldset className="basis-full" aria-describedby="tracker-region-hint">
          <legend className="font-bold">{t("filters.regions")}</legend>
          <p id="tracker-region-hint" className="text-muted">
            {t("filters.regionHint")}
          </p>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-4">
            <RegionSelectFilter id="tracker-region" label={t("filters.region")} value={params.region?.[0]} anyLabel={t("filters.any")} />
            <RegionSelectFilter id="tracker-partner" label={t("filters.partner")} value={params.region?.[1]} anyLabel={t("filters.any")} />
          </div>
        </fieldset>
        <DayFilter name="dueFrom" label={t("filters.dueFrom")} value={params.dueFrom} />
        <DayFilter name="dueTo" label={t("filters.dueTo")} value={params.dueTo} />
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
