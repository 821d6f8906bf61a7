import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { OrganizationStatus } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localize";
import type { JointVentureFilterOptions } from "@/lib/joint-ventures/queries";
import { JOINT_VENTURE_SORTS, type JointVentureFilter } from "@/lib/joint-ventures/schema";
import { paths } from "@/lib/paths";

const hint = "text-muted text-base";
const control = "input mt-1";

/** What the filter form and the filters in force (active-filters.tsx) are drawn from. */
export type JointVentureFilterView = { filter: JointVentureFilter; options: JointVentureFilterOptions; locale: string };

/**
 * The filters as a plain GET form: it works without JavaScript, and the URL it makes is the view, so the back
 * button and a shared link bring the same table back.
 */
export async function JointVentureFilterForm({ filter, options, locale }: JointVentureFilterView) {
  const [t, tOrg] = await Promise.all([getTranslations("jointVentures"), getTranslations("organizations")]);
  const name = (record: { nameEn: string; nameRu: string }) => localized(locale, record.nameEn, record.nameRu);
  const sections = options.sectors.filter((sector) => sector.level === "section");

  return (
    <form method="get" action={paths.jointVentures()} aria-labelledby="jv-filters-title" className="mb-8 bg-panel p-4">
      <h2 id="jv-filters-title" className="mb-4 text-2xl font-bold">
        {t("filters")}
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <ListBox id="jv-sector" name="sector" label={t("sector")} hint={t("sectorHint")} size={8} chosen={filter.sector}>
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
          </ListBox>
          <ChoiceFilter
            type="radio"
            legend={t("match")}
            name="match"
            options={[
              { value: "any", label: t("matchAny") },
              { value: "all", label: t("matchAll") },
            ]}
            chosen={filter.match}
            className="mt-3"
          />
        </div>

        <div>
          <ListBox id="jv-region" name="region" label={t("partnerRegion")} hint={t("partnerRegionHint")} size={6} chosen={filter.region}>
            {options.regions.map((region) => (
              <option key={region.slug} value={region.slug}>
                {name(region)}
              </option>
            ))}
          </ListBox>
          <label htmlFor="jv-country" className="mt-3 block font-bold">
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

        <ChoiceFilter
          legend={t("status")}
          name="status"
          options={Object.values(OrganizationStatus).map((status) => ({ value: status, label: tOrg(`statuses.${status}`) }))}
          chosen={filter.status}
        />

        <Range
          legend={t("founded")}
          input={{ inputMode: "numeric", min: 1800, max: 2100, className: "w-28" }}
          bounds={[
            { name: "foundedFrom", label: t("foundedFrom"), value: filter.foundedFrom },
            { name: "foundedTo", label: t("foundedTo"), value: filter.foundedTo },
          ]}
        />

        <Range
          legend={t("capital")}
          hint={{ id: "jv-capital-hint", text: t("capitalHint") }}
          input={{ inputMode: "decimal", min: 0, step: "any", className: "w-48" }}
          bounds={[
            { name: "capitalMin", label: t("capitalMin"), value: filter.capitalMin },
            { name: "capitalMax", label: t("capitalMax"), value: filter.capitalMax },
          ]}
        />

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

/** A list box where several may be chosen, with a hint on how. */
function ListBox({
  id,
  name,
  label,
  hint: hintText,
  size,
  chosen = [],
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  size: number;
  chosen?: string[];
  children: ReactNode;
}) {
  return (
    <>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      <p id={`${id}-hint`} className={hint}>
        {hintText}
      </p>
      <select
        id={id}
        name={name}
        multiple
        size={size}
        aria-describedby={`${id}-hint`}
        defaultValue={chosen}
        className={`${control} w-full`}
      >
        {children}
      </select>
    </>
  );
}

/** A range of two numbers (from, to), each left empty for no bound. */
function Range({
  legend,
  hint: rangeHint,
  input,
  bounds,
}: {
  legend: string;
  hint?: { id: string; text: string };
  input: { inputMode: "numeric" | "decimal"; min: number; max?: number; step?: string; className: string };
  bounds: { name: string; label: string; value: number | undefined }[];
}) {
  return (
    <fieldset aria-describedby={rangeHint?.id}>
      <legend className="font-bold">{legend}</legend>
      {rangeHint && (
        <p id={rangeHint.id} className={hint}>
          {rangeHint.text}
        </p>
      )}
      <div className="flex flex-wrap gap-4">
        {bounds.map((bound) => (
          <label key={bound.name} className="block">
            <span className="block">{bound.label}</span>
            <input
              name={bound.name}
              type="number"
              inputMode={input.inputMode}
              min={input.min}
              max={input.max}
              step={input.step}
              defaultValue={bound.value}
              className={`${control} tabular ${input.className}`}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
