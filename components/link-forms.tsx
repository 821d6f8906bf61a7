"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { linkEntityToMeeting, unlinkEntityFromMeeting } from "@/lib/meetings/actions";
import type { FormState } from "@/lib/forms";

type Option = { value: string; label: string };

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  const t = useTranslations("errors");
  if (!messages?.length) return null;
  return (
    <p id={id} className="font-bold text-danger">
      {messages.map((m) => t(m)).join(" ")}
    </p>
  );
}

function StateNotice({ state, successText }: { state: FormState; successText: string }) {
  const t = useTranslations("errors");
  if (!state.message) return null;
  if (state.ok) {
    return <div role="status" className="border-l-8 border-ok bg-panel px-4 py-3 my-4">{successText}</div>;
  }
  return (
    <div role="alert" className="border-4 border-danger px-4 py-3 my-4">
      <h3 className="text-xl font-bold">{t("summaryTitle")}</h3>
      <p>{t(state.message)}</p>
    </div>
  );
}

/** The editor's form on a meeting page: what was discussed, and a note of what was said. */
export function LinkEntityForm({
  meetingId,
  organizations,
  regions,
}: {
  meetingId: number;
  organizations: Option[];
  regions: Option[];
}) {
  const t = useTranslations("links");
  const [state, action, pending] = useActionState(linkEntityToMeeting.bind(null, meetingId), {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const entityError = state.errors?.entity;
  const noteError = state.errors?.note;
  const field = "block w-full max-w-xl border-2 border-ink p-2 mt-1";
  return (
    <form ref={form} action={action} noValidate className="max-w-3xl" aria-labelledby="link-form-title">
      <h2 id="link-form-title" className="text-2xl font-bold mb-2">{t("formTitle")}</h2>
      <p className="mb-4">{t("formHint")}</p>
      <StateNotice state={state} successText={t("saved")} />
      <div className={`mb-6 ${entityError ? "border-l-4 border-danger pl-4" : ""}`}>
        <label htmlFor="link-entity" className="block font-bold">{t("entity")}</label>
        <p id="link-entity-hint" className="text-muted">{t("entityHint")}</p>
        <FieldError id="link-entity-error" messages={entityError} />
        <select
          id="link-entity"
          name="entity"
          defaultValue=""
          aria-describedby={`link-entity-hint${entityError ? " link-entity-error" : ""}`}
          aria-invalid={entityError ? true : undefined}
          className={`${field} bg-white ${entityError ? "border-danger" : ""}`}
        >
          <option value="">{t("choose")}</option>
          <optgroup label={t("organizations")}>
            {organizations.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
          <optgroup label={t("regions")}>
            {regions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        </select>
      </div>
      <div className={`mb-6 ${noteError ? "border-l-4 border-danger pl-4" : ""}`}>
        <label htmlFor="link-note" className="block font-bold">{t("note")}</label>
        <p id="link-note-hint" className="text-muted">{t("noteHint")}</p>
        <FieldError id="link-note-error" messages={noteError} />
        <textarea
          id="link-note"
          name="note"
          rows={4}
          aria-describedby={`link-note-hint${noteError ? " link-note-error" : ""}`}
          aria-invalid={noteError ? true : undefined}
          className={`${field} ${noteError ? "border-danger" : ""}`}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="bg-ok text-white font-bold px-4 py-2 shadow-[0_2px_0_#002d18] hover:bg-[#005a30] disabled:opacity-50 cursor-pointer"
      >
        {t("submit")}
      </button>
    </form>
  );
}

/** Removes one discussion link; the version guards against removing what someone else just changed. */
export function RemoveLinkButton({ linkId, version, name }: { linkId: number; version: number; name: string }) {
  const t = useTranslations("links");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(unlinkEntityFromMeeting, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="version" value={version} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("removeLabel", { name })}
        className="bg-panel text-ink px-3 py-1 text-base shadow-[0_2px_0_#929191] hover:bg-[#dbdad9] cursor-pointer"
      >
        {t("remove")}
      </button>
      {state.message && !state.ok && <span role="alert" className="ml-2 font-bold text-danger">{te(state.message)}</span>}
    </form>
  );
}
