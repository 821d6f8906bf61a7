import { getTranslations } from "next-intl/server";
import { OrganizationStatus } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localize";
import type { JointVentureFilterOptions } from "@/lib/joint-ventures/queries";
import { JOINT_VENTURE_SORTS, type JointVentureFilter } from "@/lib/joint-ventures/schema";
import { paths } from "@/lib/paths";

const label = "block font-bold";
const hint = "text-muted text-base";
const control = "input mt-1";

/**
 * The filters as a plain GET form: it works without JavaScript, and the URL it makes is the view, so the back
 * button and a shared link bring the same table back.
 */
export async function JointVentureFilterForm({
  filter,
  options,
  locale,
}: {
  filter: JointVentureFilter;
  options: JointVentureFilterOptions;
  locale: string;
}) {
  const [t, tOrg] = await Promise.all([getTranslations("jointVentures"), getTranslations("organizations")]);
  const name = (record: { nameEn: string; nameRu: string }) => localized(locale, record.nameEn, record.nameRu);
  const sections = options.sectors.filter((sector) => sector.level === "section");
  const chosenSectors = new Set(filter.sector ?? []);
  const chosenRegions = new Set(filter.region ?? []);
  const chosenStatuses = new Set(filter.status ?? []);

  return (
    <form method="get" action={paths.jointVentures()} aria-labelledby="jv-filters-title" className="mb-8 bg-panel p-4">
      <h2 id="jv-filters-title" className="mb-4 text-2xl font-bold">
        {t("filters")}
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <label htmlFor="jv-sector" className={label}>
            {t("sector")}
          </label>
          <p id="jv-sector-hint" className={hint}>
            {t("sectorHint")}
          </p>
          <select
            id="jv-sector"
            name="sector"
            multiple
            size={8}
            aria-describedby="jv-sector-hint"
            defaultValue={[...chosenSectors]}
            className={`${control} w-full`}
          >
            {sections.map((section) => (
              <optgroup key={section.code} label={`${section.code} ${name(section)}`}>
                <option value={section.code}>{t("sectorWholeSection", { code: section.code, name: name(section) })}</option>
                {options.sectors
                  .filter((division) => division.sectionCode === section.code)
                  .map((division) => (
                    <option key={division.code} value={division.code}>{`${division.code} ${name(division)}`}</option>
                  ))}
              </optgroup>
            ))}
          </select>
          <fieldset className="mt-3">
            <legend className="font-bold">{t("match")}</legend>
            <div className="flex flex-wrap gap-x-6">
              {(["any", "all"] as const).map((value) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="match" value={value} defaultChecked={filter.match === value} className="size-5" />
                  {value === "any" ? t("matchAny") : t("matchAll")}
                </label>
              ))}
            </div>
          </fieldset>
        </div>

        <div>
          <label htmlFor="jv-region" className={label}>
            {t("partnerRegion")}
          </label>
          <p id="jv-region-hint" className={hint}>
            {t("partnerRegionHint")}
          </p>
          <select
            id="jv-region"
            name="region"
            multiple
            size={6}
            aria-describedby="jv-region-hint"
            defaultValue={[...chosenRegions]}
            className={`${control} w-full`}
          >
            {options.regions.map((region) => (
              <option key={region.slug} value={region.slug}>
                {name(region)}
              </option>
            ))}
          </select>
          <label htmlFor="jv-country" className={`${label} mt-3`}>
            {t("partnerCountry")}
          </label>
          <select id="jv-country" name="country" defaultValue={filter.country ?? ""} className={control}>
            <option value="">{t("anyCountry")}</option>
            {options.countries.map((country) => (
              <option key={country.code} value={country.code}>
                {name(country)}
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          <legend className="font-bold">{t("status")}</legend>
          <div className="flex flex-wrap gap-x-6">
            {Object.values(OrganizationStatus).map((status) => (
              <label key={status} className="flex items-center gap-2">
                <input type="checkbox" name="status" value={status} defaultChecked={chosenStatuses.has(status)} className="size-5" />
                {tOrg(`statuses.${status}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend className="font-bold">{t("founded")}</legend>
          <div className="flex flex-wrap gap-4">
            <label className="block">
              <span className="block">{t("foundedFrom")}</span>
              <input
                name="foundedFrom"
                type="number"
                inputMode="numeric"
                min={1800}
                max={2100}
                defaultValue={filter.foundedFrom}
                className={`${control} tabular w-28`}
              />
            </label>
            <label className="block">
              <span className="block">{t("foundedTo")}</span>
              <input
                name="foundedTo"
                type="number"
                inputMode="numeric"
                min={1800}
                max={2100}
                defaultValue={filter.foundedTo}
                className={`${control} tabular w-28`}
              />
            </label>
          </div>
        </fieldset>

        <fieldset aria-describedby="jv-capital-hint">
          <legend className="font-bold">{t("capital")}</legend>
          <p id="jv-capital-hint" className={hint}>
            {t("capitalHint")}
          </p>
          <div className="flex flex-wrap gap-4">
            <label className="block">
              <span className="block">{t("capitalMin")}</span>
              <input
                name="capitalMin"
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                defaultValue={filter.capitalMin}
                className={`${control} tabular w-48`}
              />
            </label>
            <label className="block">
              <span className="block">{t("capitalMax")}</span>
              <input
                name="capitalMax"
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                defaultValue={filter.capitalMax}
                className={`${control} tabular w-48`}
              />
            </label>
          </div>
        </fieldset>

        <div className="flex flex-wrap gap-4">
          <label className="block">
            <span className="block font-bold">{t("sortBy")}</span>
            <select name="sort" defaultValue={filter.sort} className={control}>
              {JOINT_VENTURE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`columns.${sort}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="block font-bold">{t("direction")}</span>
            <select name="dir" defaultValue={filter.dir} className={control}>
              <option value="asc">{t("asc")}</option>
              <option value="desc">{t("desc")}</option>
            </select>
          </label>
        </div>
      </div>
      <div className="mt-6 flex flex-wrap items-center gap-6">
        <button type="submit" className="button">
          {t("apply")}
        </button>
        <a href={paths.jointVentures()}>{t("clear")}</a>
      </div>
    </form>
  );
}
