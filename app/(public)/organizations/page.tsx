import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DemoTag, PageHeading, Table } from "@/components/ui";
import { OrganizationKind } from "@/lib/generated/prisma/enums";
import { localized, sortByName } from "@/lib/i18n";
import { listOrganizations } from "@/lib/organizations/queries";

const FilterSchema = z.object({ kind: z.enum(OrganizationKind).optional().catch(undefined) });

export async function generateMetadata() {
  return { title: (await getTranslations("organizations"))("title") };
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { kind } = FilterSchema.parse(await searchParams);
  const [t, locale, organizations] = await Promise.all([getTranslations("organizations"), getLocale(), listOrganizations({ kind })]);
  const filters = [undefined, ...Object.values(OrganizationKind)];
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <nav aria-label={t("filterLabel")} className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {filters.map((value) => (
            <li key={value ?? "all"}>
              <Link
                href={value ? `/organizations?kind=${value}` : "/organizations"}
                aria-current={value === kind ? "page" : undefined}
                className={value === kind ? "font-bold no-underline" : undefined}
              >
                {value ? t(`kindsPlural.${value}`) : t("all")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {organizations.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table
          caption={kind ? t(`kindsPlural.${kind}`) : t("title")}
          hideCaption={!kind}
          columns={[{ label: t("name") }, { label: t("kind") }, { label: t("region") }, { label: t("primarySector") }, { label: t("status") }]}
          rows={sortByName(organizations, locale, (org) => localized(locale, org.nameEn, org.name)).map((org) => {
            const sector = org.sectors[0]?.sector;
            return [
              <span key="n">
                <Link href={`/organizations/${org.slug}`}>{localized(locale, org.nameEn, org.name)}</Link>{" "}
                {org.isDemo && <DemoTag />}
              </span>,
              t(`kinds.${org.kind}`),
              localized(locale, org.region.nameEn, org.region.nameRu),
              sector ? `${sector.code} ${localized(locale, sector.nameEn, sector.nameRu)}` : "—",
              t(`statuses.${org.status}`),
            ];
          })}
        />
      )}
    </>
  );
}
