import { editRecordPage } from "@/components/form/record-pages";
import { TradeForm } from "@/components/trade/trade-form";
import { paths } from "@/lib/paths";
import { archiveTradeFigure, restoreTradeFigure, updateTradeFigure } from "@/lib/trade/actions";
import { getTradeFigureForEdit } from "@/lib/trade/queries";

/** Edit a trade figure: its fields, archive or restore, and links to its history and its region's page. */
const page = editRecordPage({
  type: "trade",
  read: getTradeFigureForEdit,
  title: (figure) => figure.title,
  publicPath: (figure) => (figure.regionSlug ? paths.region(figure.regionSlug) : undefined),
  archive: archiveTradeFigure,
  restore: restoreTradeFigure,
  form: (figure) => <TradeForm action={updateTradeFigure.bind(null, figure.id)} isNew={false} initial={figure.values} />,
});

export const generateMetadata = page.generateMetadata;
export default page.EditRecordPage;
