import { z } from "zod";
import { locales } from "@/lib/i18n/locale";
import { SlugSchema } from "@/lib/organizations/schema";

/**
 * The briefing pack's query: a region (slug), optionally a partner region, and for the PDF its language. The
 * page parses leniently (a value it cannot use is dropped and the form asks again); the PDF route parses
 * strictly and answers 400 naming what is wrong, since a download link with a bad value is a broken link.
 */

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
  const first = one(value);
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};

/** The latest meetings whose discussion links the "discussed most" ranking counts (the page says so past it). */
export const BRIEFING_RANKED_MEETINGS = 1000;

/** The classification marks the form offers, printed as each language writes them ("Для служебного пользования"). */
export const briefingMarks = ["official-use", "internal"] as const;
export type BriefingMark = (typeof briefingMarks)[number];

/** The ministry's name on every page of the PDF: one line, as long as a ministry's full name. */
export const BRIEFING_MINISTRY_MAX = 150;

const ministryField = z
  .string()
  .trim()
  .max(BRIEFING_MINISTRY_MAX, { error: `ministry must be at most ${BRIEFING_MINISTRY_MAX} characters.` })
  // One printable line: no control characters (a line break would break the header).
  .regex(/^[^\p{Cc}]*$/u, { error: "ministry must be one line of text." });
const markField = z.enum(briefingMarks, { error: `mark must be one of ${briefingMarks.join(", ")}.` });

export const BriefingLanguageSchema = z.enum(locales);
export type BriefingLanguage = z.infer<typeof BriefingLanguageSchema>;

/** The page: anything unusable is left out rather than refused. */
export const BriefingPageParamsSchema = z.object({
  region: z.preprocess(blankToUndefined, SlugSchema.optional()).catch(undefined),
  partner: z.preprocess(blankToUndefined, SlugSchema.optional()).catch(undefined),
  lang: z.preprocess(blankToUndefined, BriefingLanguageSchema.optional()).catch(undefined),
  ministry: z.preprocess(blankToUndefined, ministryField.optional()).catch(undefined),
  mark: z.preprocess(blankToUndefined, markField.optional()).catch(undefined),
});
export type BriefingPageParams = z.infer<typeof BriefingPageParamsSchema>;

/** A region's slug with a message that says what is wanted. */
const slugOf = (name: string, example: string) =>
  z
    .string({ error: `Give ${name}: the slug of a region, such as ${example}.` })
    .trim()
    .toLowerCase()
    .max(160, { error: `${name} must be a region's slug, such as ${example}.` })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${name} must be a region's slug, such as ${example}.` });

/** The PDF: a region is required, the partner must be another region, the language one of ours. */
export const BriefingPdfParamsSchema = z
  .object({
    region: z.preprocess(one, slugOf("region", "kursk-oblast")),
    partner: z.preprocess(blankToUndefined, slugOf("partner", "belarus").optional()),
    lang: z.preprocess(blankToUndefined, z.enum(locales, { error: "lang must be en or ru." }).optional()),
    ministry: z.preprocess(blankToUndefined, ministryField.optional()),
    mark: z.preprocess(blankToUndefined, markField.optional()),
  })
  .refine((params) => params.partner === undefined || params.partner !== params.region, {
    path: ["partner"],
    error: "partner must be another region than region.",
  });
export type BriefingPdfParams = z.infer<typeof BriefingPdfParamsSchema>;
