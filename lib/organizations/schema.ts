import { z } from "zod";
import { OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import {
  checkbox,
  choice,
  decimalText,
  filledRows,
  optionalText,
  optionalUrl,
  optionalWholeNumber,
  pickedId,
  requiredText,
  rows,
  textLines,
  Version,
} from "@/lib/actions/fields";
import type { FormState } from "@/lib/actions/form-state";
import { defaultLocale, locales } from "@/lib/i18n/locale";
import { normalizeRegistrationNumber } from "@/lib/organizations/registration-number";
import { listQuery, PageParamsSchema } from "@/lib/pagination";
import { naceCodeSchema } from "@/lib/sectors/schema";

// URL parameters of the public lists. A value we do not know falls back to "no filter" (`.catch`): a stale
// bookmark or a typed URL shows the list rather than an error page.

/** A NACE section (one letter, A-U) or division (two digits), also as analysts write it (C28, 28.30). */
export const SectorCodeSchema = naceCodeSchema();
/** A record's slug as it appears in a URL. */
export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(160)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
/** ISO 3166-1 alpha-2, as stored in `countries.code`. */
export const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);

/** The founded years an organization may have (the database checks 1800-2100). */
export const FOUNDED_YEAR_MIN = 1800;
export const FOUNDED_YEAR_MAX = 2100;

export const organizationSorts = ["name-asc", "name-desc", "founded-asc", "founded-desc"] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export const OrganizationListSchema = PageParamsSchema.extend({
  kind: z.enum(OrganizationKind).optional().catch(undefined),
  status: z.enum(OrganizationStatus).optional().catch(undefined),
  country: CountryCodeSchema.optional().catch(undefined),
  region: SlugSchema.optional().catch(undefined),
  sector: SectorCodeSchema.optional().catch(undefined),
  /** Founded in this year (the dashboard's new partners by year link here). */
  founded: z.coerce.number().int().min(FOUNDED_YEAR_MIN).max(FOUNDED_YEAR_MAX).optional().catch(undefined),
  sort: z.enum(organizationSorts).catch("name-asc").default("name-asc"),
});
export type OrganizationListParams = z.infer<typeof OrganizationListSchema>;
const organizationFilters = ["kind", "status", "country", "region", "sector", "founded"] as const;
export type OrganizationFilter = Pick<OrganizationListParams, (typeof organizationFilters)[number]>;

/** The URL query of a list view: only what differs from the defaults, so equal views have equal URLs. */
export function organizationListQuery(params: Partial<OrganizationListParams>) {
  return listQuery(params, organizationFilters, "name-asc");
}

/** Whether any filter narrows the list (sorting and paging do not). */
export function hasOrganizationFilter(params: OrganizationFilter) {
  return organizationFilters.some((key) => Boolean(params[key]));
}

// ---- The staff form (lib/organizations/actions.ts) ----

export const organizationKinds = ["enterprise", "university", "joint_venture"] as const satisfies readonly OrganizationKind[];
export const organizationStatuses = ["planned", "active", "closed"] as const satisfies readonly OrganizationStatus[];

/** How many rows a form may send: a venture has a handful of partners, an organization a few sectors. */
export const PARTNERS_MAX = 20;
export const SECTORS_MAX = 10;

/** A picked NACE code: the sector picker posts the code itself as its id. */
const pickedSector = z
  .string({ error: "chooseOne" })
  .optional()
  .transform((value) => value?.trim().toUpperCase() ?? "")
  .pipe(
    z
      .string()
      .min(1, { error: "chooseOne", abort: true })
      .regex(/^(?:[A-U]|\d{2})$/, { error: "invalid" }),
  );

/** A partner's share: more than 0 and at most 100 percent, two decimals at most, as the column keeps it. */
const sharePercent = decimalText({ max: 100, scale: 2, required: true }).pipe(
  z.string().refine((value) => Number(value) > 0, { error: "shareRange" }),
);

/** One partner of a joint venture: an organization, or a region whose government holds the share. */
const PartnerRowSchema = z.object({
  organizationId: pickedId({ required: false }),
  regionId: pickedId({ required: false }),
  share: sharePercent,
});

const SectorRowSchema = z.object({ code: pickedSector });

const OrganizationFields = z.object({
  kind: choice(organizationKinds),
  name: requiredText(300),
  nameEn: optionalText(300),
  otherNames: textLines(20, 300),
  regionId: pickedId({ required: true }),
  status: choice(organizationStatuses),
  foundedYear: optionalWholeNumber(1700, 2100),
  website: optionalUrl(500),
  descriptionEn: optionalText(2000),
  descriptionRu: optionalText(2000),
  // The country's own rules (INN, UNP) are checked on the server, which knows the region's country.
  registrationNumber: optionalText(40)
    .transform((value) => (value === null ? null : normalizeRegistrationNumber(value)))
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9]{1,20}$/, { error: "registrationNumberFormat" })
        .nullable(),
    ),
  primarySector: pickedSector,
  sectors: rows(SectorRowSchema, SECTORS_MAX),
  // Joint ventures only.
  capitalAmount: decimalText({ max: 1e16 }),
  capitalCurrency: optionalText(3)
    .transform((value) => value?.toUpperCase() ?? null)
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{3}$/, { error: "currency" })
        .nullable(),
    ),
  products: optionalText(1000),
  partners: rows(PartnerRowSchema, PARTNERS_MAX),
  // Universities only.
  fieldsOfStudy: textLines(50, 200),
  /** The editor has seen the likely duplicates and says this one is different. */
  confirmNotDuplicate: checkbox,
  /** The editor's language, in which the server words the likely duplicates. */
  locale: z.enum(locales).catch(defaultLocale),
});

type OrganizationFieldsOutput = z.output<typeof OrganizationFields>;

/**
 * Hundredths of a percent, so that 33.33 + 33.33 + 33.34 adds up to exactly 100. A share that is itself out
 * of range has its own error and is left out of the total.
 */
function hundredths(share: unknown) {
  if (typeof share !== "string" || !/^\d+(\.\d+)?$/.test(share)) return 0;
  const value = Math.round(Number(share) * 100);
  return value > 0 && value <= 100_00 ? value : 0;
}

/** A row's value, read with care: the rules below also run on a form whose other fields failed. */
const idOf = (value: unknown) => (typeof value === "number" ? value : null);

/** The rules across fields: sectors and partners once each, shares that add up to at most 100, capital with its currency. */
function checkOrganizationRules(data: OrganizationFieldsOutput, context: z.RefinementCtx) {
  const seenSectors = new Set<unknown>([data.primarySector]);
  for (const row of filledRows(data.sectors)) {
    if (typeof row.code !== "string") continue;
    if (seenSectors.has(row.code)) context.addIssue({ code: "custom", path: ["sectors", row.index, "code"], message: "sectorTwice" });
    seenSectors.add(row.code);
  }
  if (data.kind !== "joint_venture") return;
  if (data.capitalAmount !== null && data.capitalCurrency === null) {
    context.addIssue({ code: "custom", path: ["capitalCurrency"], message: "currencyRequired" });
  }
  if (data.capitalAmount === null && data.capitalCurrency !== null) {
    context.addIssue({ code: "custom", path: ["capitalAmount"], message: "amountRequired" });
  }
  const seenPartners = new Set<string>();
  const partners = filledRows(data.partners);
  for (const row of partners) {
    const organizationId = idOf(row.organizationId);
    const regionId = idOf(row.regionId);
    if ((organizationId === null) === (regionId === null)) {
      context.addIssue({ code: "custom", path: ["partners", row.index, "organizationId"], message: "partnerOneOf" });
      continue;
    }
    const key = organizationId !== null ? `organization:${organizationId}` : `region:${regionId}`;
    if (seenPartners.has(key)) {
      context.addIssue({
        code: "custom",
        path: ["partners", row.index, organizationId !== null ? "organizationId" : "regionId"],
        message: "partnerTwice",
      });
    }
    seenPartners.add(key);
  }
  // On the group, where the form shows it and where the database trigger's refusal is mapped too.
  const total = partners.reduce((sum, row) => sum + hundredths(row.share), 0);
  if (total > 100_00) context.addIssue({ code: "custom", path: ["partners"], message: `sharesOverWhole|${total / 100}` });
}

/** What the actions write: nothing of another kind, so that a university never keeps a venture's partners. */
function toOrganizationInput(data: OrganizationFieldsOutput) {
  const jointVenture = data.kind === "joint_venture";
  return {
    ...data,
    capitalAmount: jointVenture ? data.capitalAmount : null,
    capitalCurrency: jointVenture ? data.capitalCurrency : null,
    products: jointVenture ? data.products : null,
    partners: jointVenture ? data.partners : [],
    fieldsOfStudy: data.kind === "university" ? data.fieldsOfStudy : [],
  };
}

/** The organization form, as the editor types it and as the create action parses it. */
export const OrganizationFormSchema = OrganizationFields.superRefine(checkOrganizationRules).transform(toOrganizationInput);
export type OrganizationFormInput = z.output<typeof OrganizationFormSchema>;

/** A likely duplicate as the new-organization form lists it: its name and region in the editor's language, and its page. */
export type LikelyDuplicateChoice = { label: string; slug: string };

/** What a refusal for likely duplicates gives the organization form besides its message. */
export type LikelyDuplicates = { duplicates: LikelyDuplicateChoice[] };
export type OrganizationFormState = FormState<LikelyDuplicates>;

/** The edit form: the same fields and the version the editor started from. */
export const OrganizationUpdateSchema = OrganizationFields.extend({ version: Version })
  .superRefine(checkOrganizationRules)
  .transform((data) => ({ ...toOrganizationInput(data), version: data.version }));
