"use client";

import { useTranslations } from "next-intl";
import { ButtonForm } from "@/components/form/button-form";
import type { FormAction } from "@/lib/actions/form-state";

/** Archive or restore one record, from the version the page showed. */
export function ArchiveForm({ action, version, archived }: { action: FormAction; version: number; archived: boolean }) {
  const t = useTranslations("workspace");
  return (
    <ButtonForm
      action={action}
      version={version}
      hint={archived ? undefined : t("archiveHint")}
      submitLabel={archived ? t("restore") : t("archive")}
      warning={!archived}
      className="mt-8 max-w-3xl border-t-2 border-line pt-6"
    />
  );
}
