import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ChoiceDisclosure, ChoiceFilter } from "@/components/ui/choice-filter";
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
          <ChoiceDisclosure
            id="jv-sector"
            name="sector"
            legend={t("sector")}
            hint={t("sectorHint")}
            chosen={filter.sector}
            chosenText={t("chosenCount", { count: filter.sector?.length ?? 0 })}
            options={sections.flatMap((section) => [
              { value: section.code, label: t("sectorWholeSection", { code: section.code, name: name(section) }), strong: true },
              ...options.sectors
                .filter((division) => division.sectionCode === section.code)
                .map((division) => ({ value: division.code, label: `${division.code} ${name(division)}`, level: 1 as const })),
            ])}
          />
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
          <ChoiceDisclosure
            id="jv-region"
            name="region"
            legend={t("partnerRegion")}
            hint={t("partnerRegionHint")}
            chosen={filter.region}
            chosenText={t("chosenCount", { count: filter.region?.length ?? 0 })}
            options={options.regions.map((region) => ({ value: region.slug, label: name(region) }))}
          />
          <ChoiceFilter
            type="radio"
            legend={t("regionMatch")}
            name="regionMatch"
            options={[
              { value: "any", label: t("regionMatchAny") },
              { value: "all", label: t("regionMatchAll") },
            ]}
            chosen={filter.regionMatch}
            className="mt-3"
          />
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
        >
          <label className="block">
            <span className="block">{t("currency")}</span>
            <select name="currency" defaultValue={filter.currency ?? ""} className={control}>
              <option value="">{t("anyCurrency")}</option>
              {options.currencies.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </select>
          </label>
        </Range>

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

/** A range of two numbers (from, to), each left empty for no bound. */
function Range({
  legend,
  hint: rangeHint,
  input,
  bounds,
  children,
}: {
  legend: string;
  hint?: { id: string; text: string };
  input: { inputMode: "numeric" | "decimal"; min: number; max?: number; step?: string; className: string };
  bounds: { name: string; label: string; value: number | undefined }[];
  /** A further field of the same fieldset (the capital's currency). */
  children?: ReactNode;
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
        {children}
      </div>
    </fieldset>
  );
}
