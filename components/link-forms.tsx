"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { linkEntityToMeeting, unlinkEntityFromMeeting } from "@/lib/meetings/actions";
import type { FormState } from "@/lib/forms";

type Option = { value: string; label: string };

/**
 * A labelled form field with its hint and, after a failed submit, its messages beside it (GOV.UK pattern).
 * `control` gets the attributes that tie the input to the hint and the messages.
 */
function Field({
  id,
  label,
  hint,
  errors,
  control,
}: {
  id: string;
  label: string;
  hint: string;
  errors?: string[];
  control: (props: { id: string; "aria-describedby": string; "aria-invalid"?: true; className: string }) => ReactNode;
}) {
  const t = useTranslations("errors");
  const invalid = Boolean(errors?.length);
  return (
    <div className={`mb-6 ${invalid ? "border-l-4 border-danger pl-4" : ""}`}>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-muted">
        {hint}
      </p>
      {invalid && (
        <p id={`${id}-error`} className="font-bold text-danger">
          {errors?.map((m) => t(m)).join(" ")}
        </p>
      )}
      {control({
        id,
        "aria-describedby": `${id}-hint${invalid ? ` ${id}-error` : ""}`,
        "aria-invalid": invalid ? true : undefined,
        className: `block w-full max-w-xl border-2 p-2 mt-1 bg-white ${invalid ? "border-danger" : "border-ink"}`,
      })}
    </div>
  );
}

function StateNotice({ state, successText }: { state: FormState; successText: string }) {
  const t = useTranslations("errors");
  if (!state.message) return null;
  if (state.ok) {
    return (
      <div role="status" className="my-4 border-l-8 border-ok bg-panel px-4 py-3">
        {successText}
      </div>
    );
  }
  return (
    <div role="alert" className="my-4 border-4 border-danger px-4 py-3">
      <h3 className="text-xl font-bold">{t("summaryTitle")}</h3>
      <p>{t(state.message)}</p>
    </div>
  );
}

/**
 * The editor's form on a meeting page: what was discussed, and a note of what was said. There are too many
 * organizations for one select, so a GET form first finds them by part of a name (`?linkSearch=`, answered by
 * the page on the server, so it works without JavaScript); the select then offers the matches and the regions.
 */
export function LinkEntityForm({
  meetingId,
  searchAction,
  search,
  searchResult,
  organizations,
  regions,
}: {
  meetingId: number;
  /** The meeting page's URL; the search form submits to it. */
  searchAction: string;
  search: string;
  /** What the search found, said in words ("3 organizations match …"); empty before a search. */
  searchResult: string;
  organizations: Option[];
  regions: Option[];
}) {
  const t = useTranslations("links");
  const [state, action, pending] = useActionState(linkEntityToMeeting.bind(null, meetingId), {});
  return (
    <div className="max-w-3xl" id="link-form">
      <h2 id="link-form-title" className="mb-2 text-2xl font-bold">
        {t("formTitle")}
      </h2>
      <p className="mb-4">{t("formHint")}</p>
      <form method="get" action={`${searchAction}#link-form`} role="search" aria-label={t("search")} className="mb-6 bg-panel p-4">
        <label htmlFor="link-search" className="block font-bold">
          {t("search")}
        </label>
        <p id="link-search-hint" className="text-muted">
          {t("searchHint")}
        </p>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id="link-search"
            name="linkSearch"
            type="search"
            defaultValue={search}
            maxLength={100}
            aria-describedby="link-search-hint"
            className="input w-full max-w-md"
          />
          <button type="submit" className="cursor-pointer border-2 border-ink bg-panel px-4 py-2 font-bold text-ink">
            {t("searchSubmit")}
          </button>
        </div>
        {searchResult && <p className="mt-2 font-bold">{searchResult}</p>}
      </form>
      <form action={action} noValidate aria-labelledby="link-form-title">
        <StateNotice state={state} successText={t("saved")} />
        <Field
          id="link-entity"
          label={t("entity")}
          hint={t("entityHint")}
          errors={state.errors?.entity}
          control={(props) => (
            <select {...props} key={state.values?.entity} name="entity" defaultValue={state.values?.entity ?? ""}>
              <option value="">{t("choose")}</option>
              {organizations.length > 0 && (
                <optgroup label={t("organizations")}>
                  {organizations.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t("regions")}>
                {regions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        />
        <Field
          id="link-note"
          label={t("note")}
          hint={t("noteHint")}
          errors={state.errors?.note}
          control={(props) => <textarea {...props} key={state.values?.note} name="note" rows={4} defaultValue={state.values?.note ?? ""} />}
        />
        <button
          type="submit"
          disabled={pending}
          className="cursor-pointer bg-ok px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30] disabled:opacity-50"
        >
          {t("submit")}
        </button>
      </form>
    </div>
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
        className="cursor-pointer bg-panel px-3 py-1 text-base text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]"
      >
        {t("remove")}
      </button>
      {state.message && !state.ok && (
        <span role="alert" className="ml-2 font-bold text-danger">
          {te(state.message)}
        </span>
      )}
    </form>
  );
}
