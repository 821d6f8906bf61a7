import { z } from "zod";
import { MeetingLevel } from "@/lib/generated/prisma/enums";
import { SlugSchema } from "@/lib/organizations/schema";
import { DEFAULT_PAGE_SIZE, PageParamsSchema } from "@/lib/pagination";

// Messages are keys under `errors.` in the catalogues: the form shows them in the reader's language.

const Id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });

/** An entity reference as the form sends it: "organization:12" or "region:3". */
export const EntityRefSchema = z
  .string({ error: "chooseEntity" })
  .regex(/^(organization|region):[1-9][0-9]{0,9}$/, { error: "chooseEntity" })
  .transform((value) => {
    const [type, id] = value.split(":") as ["organization" | "region", string];
    return { type, id: Number(id) };
  });

export const LinkFormSchema = z.object({
  meetingId: Id,
  entity: EntityRefSchema,
  note: z.string({ error: "noteRequired" }).trim().min(1, { error: "noteRequired" }).max(2000, { error: "noteTooLong" }),
});

export type LinkFormInput = z.infer<typeof LinkFormSchema>;

export const UnlinkFormSchema = z.object({
  linkId: Id,
  version: Id,
});

// ---- The public list of meetings (URL parameters; unknown values fall back rather than fail) ----

export const meetingSorts = ["date-desc", "date-asc"] as const;
export type MeetingSort = (typeof meetingSorts)[number];

export const MEETING_YEAR_MIN = 1990;
export const MEETING_YEAR_MAX = 2100;

export const MeetingListSchema = PageParamsSchema.extend({
  year: z.coerce.number().int().min(MEETING_YEAR_MIN).max(MEETING_YEAR_MAX).optional().catch(undefined),
  level: z.enum(MeetingLevel).optional().catch(undefined),
  region: SlugSchema.optional().catch(undefined),
  /** Where an organization was discussed: its page links here for the meetings beyond its timeline. */
  organization: SlugSchema.optional().catch(undefined),
  sort: z.enum(meetingSorts).catch("date-desc").default("date-desc"),
});
export type MeetingListParams = z.infer<typeof MeetingListSchema>;
export type MeetingFilter = Pick<MeetingListParams, "year" | "level" | "region" | "organization">;

export function meetingListQuery(params: Partial<MeetingListParams>) {
  return {
    year: params.year,
    level: params.level,
    region: params.region,
    organization: params.organization,
    sort: params.sort === "date-desc" ? undefined : params.sort,
    perPage: params.perPage === DEFAULT_PAGE_SIZE ? undefined : params.perPage,
    page: params.page,
  };
}

/** The meeting page: `?page=` pages what was discussed; `?linkSearch=` finds organizations to link (editors). */
export const MeetingPageParamsSchema = z.object({
  page: PageParamsSchema.shape.page,
  linkSearch: z.string().trim().max(100).optional().catch(undefined),
});
