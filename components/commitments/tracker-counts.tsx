import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { commitmentStatuses, trackerQuery, type CommitmentStatus, type TrackerParams } from "@/lib/commitments/schema";
import { paths } from "@/lib/paths";

/**
 * How many commitments have each status under the other filters chosen; each count links to that status's
 * list (the other filters kept), and the statuses chosen now are marked.
 */
export async function TrackerCounts({ params, counts }: { params: TrackerParams; counts: Record<CommitmentStatus, number> }) {
  const [t, format] = await Promise.all([getTranslations("tracker"), getFormatter()]);
  const chosen = new Set(params.status ?? []);
  const query = trackerQuery({ ...params, page: undefined });
  return (
    <div className="mb-6 max-w-md">
      <Table
        caption={t("countsCaption")}
        columns={[{ label: t("statusColumn") }, { label: t("countColumn"), numeric: true }]}
        rows={commitmentStatuses.map((status) => [
          chosen.has(status) ? <strong key="s">{t(`statuses.${status}`)}</strong> : t(`statuses.${status}`),
          <Link
            key="n"
            href={paths.commitments({ ...query, status: [status] })}
            aria-label={t("showStatus", { status: t(`statuses.${status}`), count: format.number(counts[status]) })}
            aria-current={chosen.size === 1 && chosen.has(status) ? "page" : undefined}
          >
            {format.number(counts[status])}
          </Link>,
        ])}
      />
    </div>
  );
}
