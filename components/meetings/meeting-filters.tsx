import { getTranslations } from "next-intl/server";
import { RegionSelectFilter } from "@/components/regions/region-select-filter";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { MeetingLevel } from "@/lib/generated/prisma/enums";
import { listMeetingYears } from "@/lib/meetings/queries";
import { type MeetingListParams, meetingListQuery, meetingSorts } from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";

/** Year, level, region and order of the meetings list; an organization the list is narrowed to is kept. */
export async function MeetingFilters({ params }: { params: MeetingListParams }) {
  const [t, tb, years] = await Promise.all([getTranslations("meetings"), getTranslations("browse"), listMeetingYears()]);
  const filtered = Boolean(params.year || params.level || params.region || params.organization);
  return (
    <FilterForm
      action={paths.meetings()}
      label={tb("filtersLabel")}
      applyLabel={tb("apply")}
      clearLabel={tb("clear")}
      clearHref={filtered ? paths.meetings(meetingListQuery({ sort: params.sort, perPage: params.perPage })) : undefined}
      hidden={{ organization: params.organization, perPage: meetingListQuery(params).perPage }}
    >
      <SelectFilter
        name="year"
        label={t("year")}
        value={params.year}
        anyLabel={tb("any")}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <SelectFilter
        name="level"
        label={t("level")}
        value={params.level}
        anyLabel={tb("any")}
        options={Object.values(MeetingLevel).map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
      <RegionSelectFilter label={t("region")} value={params.region} anyLabel={tb("any")} />
      <SelectFilter
        name="sort"
        label={tb("sortBy")}
        value={params.sort}
        options={meetingSorts.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
      />
    </FilterForm>
  );
}
