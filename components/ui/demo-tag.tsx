import { getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";

/** Marks a synthetic record, so that no one takes it for a real partner. */
export async function DemoTag() {
  const t = await getTranslations("site");
  return (
    <Tag tone="yellow" title={t("demoTitle")}>
      {t("demo")}
    </Tag>
  );
}
