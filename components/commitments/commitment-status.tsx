import { getLocale, getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";
import type { CommitmentStatus } from "@/lib/commitments/schema";
import { formatDay } from "@/lib/i18n/dates";

const tones: Record<CommitmentStatus, "grey" | "blue" | "green" | "yellow"> = {
  proposed: "grey",
  agreed: "blue",
  in_progress: "blue",
  fulfilled: "green",
  lapsed: "grey",
};

/** A commitment's status as a tag; the word carries the meaning, the colour only repeats it. */
export async function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  const t = await getTranslations("tracker");
  return <Tag tone={tones[status]}>{t(`statuses.${status}`)}</Tag>;
}

/** The due date in words, "Overdue: was due …" when it has passed and the commitment is still open. */
export async function CommitmentDue({ dueDate, overdue }: { dueDate: Date | null; overdue: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("tracker"), getLocale()]);
  if (!dueDate) return <span className="text-muted">{t("noDue")}</span>;
  const date = formatDay(locale, dueDate);
  return overdue ? <strong className="text-danger">{t("overdue", { date })}</strong> : <span>{t("due", { date })}</span>;
}
