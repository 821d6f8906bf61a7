import { newRecordPage } from "@/components/form/record-pages";
import { TradeForm } from "@/components/trade/trade-form";
import { createTradeFigure } from "@/lib/trade/actions";

/** Add the trade between two regions in one year. */
const page = newRecordPage({
  type: "trade",
  form: () => <TradeForm action={createTradeFigure} isNew initial={{}} />,
});

export const generateMetadata = page.generateMetadata;
export default page.NewRecordPage;
