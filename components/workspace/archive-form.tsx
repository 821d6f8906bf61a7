"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/form/staff-form";
import type { FormState } from "@/lib/actions/form-state";

/**
 * Archive or restore one record, from the version the page showed: a concurrent edit makes it refuse with
 * the conflict message rather than archive what the editor has not seen.
 */
export function ArchiveForm({
  action,
  version,
  archived,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  version: number;
  archived: boolean;
}) {
  const t = useTranslations("workspace");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="mt-8 max-w-3xl border-t-2 border-line pt-6">
      {state.ok === false && state.message && (
        <p role="alert" className="mb-4 border-l-4 border-danger pl-4 font-bold text-danger">
          {errorText(state.message)}
        </p>
      )}
      <input type="hidden" name="version" value={version} />
      {!archived && <p className="mb-4 text-muted">{t("archiveHint")}</p>}
      <button type="submit" disabled={pending} className={archived ? "button" : "button-warning"}>
        {archived ? t("restore") : t("archive")}
      </button>
    </form>
  );
}
