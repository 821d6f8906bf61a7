import { getLocale, getTranslations } from "next-intl/server";
import { LinkEntityForm } from "@/components/link-forms";
import { localized } from "@/lib/i18n";
import { toLocale } from "@/lib/i18n/locale";
import { listLinkableEntities } from "@/lib/meetings/queries";
import { paths } from "@/lib/paths";

/** The editor's linking form, with the organizations found by `?linkSearch=` (at most 20) and the regions. */
export async function MeetingLinkEditor({ meeting, search }: { meeting: { id: number; slug: string }; search: string | undefined }) {
  const locale = toLocale(await getLocale());
  const [t, linkable] = await Promise.all([getTranslations("links"), listLinkableEntities(search, locale)]);
  const term = search?.trim() ?? "";
  const found = linkable.organizations.length;
  return (
    <div className="mt-12 border-t-4 border-brand pt-6">
      <LinkEntityForm
        meetingId={meeting.id}
        searchAction={paths.meeting(meeting.slug)}
        search={term}
        searchResult={term ? t("matches", { count: found, term }) : t("typeToSearch")}
        organizations={linkable.organizations.map((o) => ({ value: `organization:${o.id}`, label: localized(locale, o.nameEn, o.name) }))}
        regions={linkable.regions.map((r) => ({ value: `region:${r.id}`, label: localized(locale, r.nameEn, r.nameRu) }))}
      />
    </div>
  );
}
