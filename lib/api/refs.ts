import { z } from "zod";
import { OrganizationKind } from "@/lib/generated/prisma/enums";
import { paths } from "@/lib/paths";
import { date, nullableText, url } from "@/lib/api/schema";

/**
 * How one record of the API points to another: a region's, a sector's, an organization's or a meeting's names
 * and the path of its page. Every domain's answers embed these, so they are declared once here: the schema and
 * the mapping from the row each domain reads (its `*RefSelect` in its queries.ts).
 */

export const CountryDtoSchema = z.object({
  code: z.string().describe("ISO 3166-1 alpha-2 code."),
  nameEn: z.string(),
  nameRu: z.string(),
});
export const RegionRefDtoSchema = z.object({ slug: z.string(), nameEn: z.string(), nameRu: z.string(), url });
export const SectorRefDtoSchema = z.object({ code: z.string(), nameEn: z.string(), nameRu: z.string(), url });
export const OrganizationRefDtoSchema = z.object({
  slug: z.string(),
  kind: z.enum(OrganizationKind),
  name: z.string().describe("The name as registered, often in Cyrillic."),
  nameEn: nullableText,
  url,
});
export const MeetingRefDtoSchema = z.object({ slug: z.string(), titleEn: z.string(), titleRu: z.string(), date, url });
export const PartyDtoSchema = z.object({
  organization: OrganizationRefDtoSchema.nullable(),
  region: RegionRefDtoSchema.nullable(),
});

export type CountryDto = z.infer<typeof CountryDtoSchema>;
export type RegionRefDto = z.infer<typeof RegionRefDtoSchema>;
export type SectorRefDto = z.infer<typeof SectorRefDtoSchema>;
export type OrganizationRefDto = z.infer<typeof OrganizationRefDtoSchema>;
export type MeetingRefDto = z.infer<typeof MeetingRefDtoSchema>;

type RegionRefRow = { slug: string; nameEn: string; nameRu: string };
type SectorRefRow = { code: string; nameEn: string; nameRu: string };
type OrganizationRefRow = Pick<OrganizationRefDto, "slug" | "kind" | "name" | "nameEn">;
type MeetingRefRow = { slug: string; titleEn: string; titleRu: string; date: Date };

/** A `@db.Date` comes back as midnight UTC. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function toNumber(value: { toString(): string }): number {
  return Number(value.toString());
}

export const toRegionRef = (r: RegionRefRow): RegionRefDto => ({
  slug: r.slug,
  nameEn: r.nameEn,
  nameRu: r.nameRu,
  url: paths.region(r.slug),
});
export const toSectorRef = (s: SectorRefRow): SectorRefDto => ({
  code: s.code,
  nameEn: s.nameEn,
  nameRu: s.nameRu,
  url: paths.sector(s.code),
});
export const toCountry = (c: CountryDto): CountryDto => ({ code: c.code, nameEn: c.nameEn, nameRu: c.nameRu });
export const toOrganizationRef = (o: OrganizationRefRow): OrganizationRefDto => ({
  slug: o.slug,
  kind: o.kind,
  name: o.name,
  nameEn: o.nameEn,
  url: paths.organization(o.slug),
});
export const toMeetingRef = (m: MeetingRefRow): MeetingRefDto => ({
  slug: m.slug,
  titleEn: m.titleEn,
  titleRu: m.titleRu,
  date: isoDate(m.date),
  url: paths.meeting(m.slug),
});
export const toParty = (p: { organization: OrganizationRefRow | null; region: RegionRefRow | null }) => ({
  organization: p.organization ? toOrganizationRef(p.organization) : null,
  region: p.region ? toRegionRef(p.region) : null,
});
