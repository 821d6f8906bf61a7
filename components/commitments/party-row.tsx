"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { useStaffForm } from "@/components/form/staff-form";
import { partyField, partyKinds, type PartyKind } from "@/lib/commitments/schema";

/**
 * One party of a commitment: first its kind, then a picker of that kind. Each kind's picker has its own name
 * (`parties.N.organizationId`, `parties.N.regionId`), so switching back shows the choice made before.
 */
export function PartyRow({ index }: { index: number }) {
  const t = useTranslations("editCommitment");
  const { valueOf } = useStaffForm();
  const name = `parties.${index}.kind`;
  const shown = String(valueOf(name) ?? "");
  const [kind, setKind] = useState<string>(shown);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    // The server echoed another kind (a failed save): show it.
    setSeen(shown);
    setKind(shown);
  }
  const chosen = (partyKinds as readonly string[]).includes(kind) ? (kind as PartyKind) : null;
  return (
    <>
      <Field name={name} label={t("fields.partyKind")}>
        {(props) => (
          <select {...props} value={kind} onChange={(event) => setKind(event.target.value)}>
            <option value="">{t("choose")}</option>
            {partyKinds.map((value) => (
              <option key={value} value={value}>
                {t(`partyKinds.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen && (
        <RecordPicker
          key={chosen}
          name={`parties.${index}.${partyField(chosen)}`}
          type={chosen}
          label={t(`fields.${partyField(chosen)}`)}
        />
      )}
    </>
  );
}
