import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PublicHistoryPage } from "@/components/workspace/public-history";
import { RecordId } from "@/lib/actions/fields";
import { getCommitment } from "@/lib/commitments/tracker";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("publicTitle") };
}

/** What changed in a commitment's record and when: public fields only, no one named. */
export default async function CommitmentHistoryPage({ params, searchParams }: Props) {
  const id = RecordId.safeParse((await params).id);
  if (!id.success) notFound();
  const [commitment, query] = await Promise.all([getCommitment(id.data, toLocale(await getLocale())), searchParams]);
  if (!commitment) notFound();
  return (
    <PublicHistoryPage
      type="commitment"
      id={commitment.id}
      name={commitment.text}
      recordHref={paths.commitment(commitment.id)}
      pageHref={(page) => paths.commitmentHistory(commitment.id, { page })}
      searchParams={query}
    />
  );
}
