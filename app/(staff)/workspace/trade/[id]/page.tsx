import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { TradeForm } from "@/components/trade/trade-form";
import { ArchiveForm } from "@/components/workspace/archive-form";
import { RecordHeader } from "@/components/workspace/record-header";
import { RecordId } from "@/lib/actions/fields";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";
import { archiveTradeFigure, restoreTradeFigure, updateTradeFigure } from "@/lib/trade/actions";
import { getTradeFigureForEdit } from "@/lib/trade/queries";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props) {
  const id = RecordId.safeParse((await params).id);
  const figure = id.success ? await getTradeFigureForEdit(id.data, await getLocale()) : null;
  return { title: figure?.title };
}

/** Edit a trade figure: its fields, archive or restore, and links to its history and its region's page. */
export default async function EditTradeFigurePage({ params, searchParams }: Props) {
  await requireStaffPage();
  const id = RecordId.safeParse((await params).id);
  if (!id.success) notFound();
  const [figure, { saved }] = await Promise.all([getTradeFigureForEdit(id.data, await getLocale()), searchParams]);
  if (!figure) notFound();
  return (
    <>
      <RecordHeader
        type="trade"
        id={figure.id}
        title={figure.title}
        archived={figure.archived}
        saved={saved}
        publicPath={figure.regionSlug ? paths.region(figure.regionSlug) : undefined}
      />
      {!figure.archived && <TradeForm action={updateTradeFigure.bind(null, figure.id)} isNew={false} initial={figure.values} />}
      <ArchiveForm
        action={(figure.archived ? restoreTradeFigure : archiveTradeFigure).bind(null, figure.id)}
        version={figure.version}
        archived={figure.archived}
      />
    </>
  );
}
