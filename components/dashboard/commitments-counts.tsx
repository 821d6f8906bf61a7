import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CountTable } from "@/components/dashboard/count-table";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { commitmentStatuses, type CommitmentStatus } from "@/lib/commitments/schema";
import { paths } from "@/lib/paths";

/** Commitments by status, each count opening the tracker filtered to that status. */
export async function CommitmentsCounts({ counts }: { counts: Record<CommitmentStatus, number> }) {
  const [t, tt, format] = await Promise.all([getTranslations("dashboard"), getTranslations("tracker"), getFormatter()]);
  const number = (value: number) => format.number(value);
  const total = commitmentStatuses.reduce((sum, status) => sum + counts[status], 0);
  return (
    <Section title={t("commitmentsTitle")} id="commitments">
      {total === 0 ? (
        <Muted>{t("commitmentsEmpty")}</Muted>
      ) : (
        <>
          <CountTable
            caption={t("commitmentsCaption")}
            labelHeading={t("status")}
            countHeading={t("count")}
            barHeading={t("share")}
            format={number}
            rows={commitmentStatuses.map((status) => ({
              key: status,
              label: tt(`statuses.${status}`),
              count: counts[status],
              href: paths.commitments({ status }),
              linkLabel: t("showList", { label: tt(`statuses.${status}`), formatted: number(counts[status]) }),
            }))}
          />
          <p className="mt-4">
            <Link href={paths.commitments()} className="font-bold">
              {t("allCommitments")}
            </Link>
          </p>
        </>
      )}
    </Section>
  );
}
