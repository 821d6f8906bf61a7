import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkMeetingForm, RemoveLinkButton } from "@/components/link-forms";
import { localized } from "@/lib/i18n/localize";
import { listEntityLinks } from "@/lib/meetings/queries";
import type { EntityRef } from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/i18n/dates";

/**
 * What a signed-in editor sees on an organization's or region's page: a link to edit the record, its linked
 * meetings (the timeline's entries) with a Remove button each, and the form to link it to another meeting.
 */
export async function EntityLinkEditor({ entity, name, editHref }: { entity: EntityRef; name: string; editHref: string }) {
  const [t, tLinks, locale, links] = await Promise.all([
    getTranslations("workspace"),
    getTranslations("links"),
    getLocale(),
    listEntityLinks(entity.type === "organization" ? { organizationId: entity.id } : { regionId: entity.id }),
  ]);
  return (
    <div className="mt-12 border-t-4 border-brand pt-6">
      <p className="mb-6">
        <Link href={editHref} className="font-bold">
          {t("edit")}: {name}
        </Link>
      </p>
      {links.length > 0 && (
        <section aria-labelledby="linked-meetings" className="mb-8 max-w-3xl">
          <h2 id="linked-meetings" className="mb-2 text-2xl font-bold">
            {tLinks("linkedMeetings")}
          </h2>
          <ul>
            {links.map((link) => {
              const title = localized(locale, link.meeting.titleEn, link.meeting.titleRu);
              return (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-line py-3">
                  <span>
                    <time dateTime={link.meeting.date.toISOString().slice(0, 10)} className="text-muted">
                      {formatDay(locale, link.meeting.date)}
                    </time>{" "}
                    <Link href={paths.meeting(link.meeting.slug)}>{title}</Link>
                  </span>
                  <RemoveLinkButton linkId={link.id} version={link.version} name={title} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <LinkMeetingForm entity={entity} name={name} />
    </div>
  );
}
