import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TradeForm } from "@/components/trade/trade-form";
import { PageHeading } from "@/components/ui/page-heading";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";
import { createTradeFigure } from "@/lib/trade/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("editTrade"))("newTitle") };
}

export default async function NewTradeFigurePage() {
  await requireStaffPage();
  const [t, tWorkspace] = await Promise.all([getTranslations("editTrade"), getTranslations("workspace")]);
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.home()}>{tWorkspace("title")}</Link>
      </p>
      <PageHeading caption={tWorkspace("records.trade")}>{t("newTitle")}</PageHeading>
      <TradeForm action={createTradeFigure} isNew initial={{}} />
    </>
  );
}
