import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <>
      <PageHeading lead={t("text")}>{t("title")}</PageHeading>
      <p>
        <Link href="/">{t("back")}</Link>
      </p>
    </>
  );
}
