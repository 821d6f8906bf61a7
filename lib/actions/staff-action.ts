import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import {
  formValues,
  isReadableName,
  issuesToErrors,
  readForm,
  type FieldChange,
  type FormAction,
  type FormState,
  type FormValues,
} from "@/lib/actions/form-state";
import { violatedUniqueConstraint } from "@/lib/actions/prisma-errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { NotAuthorizedError, requireRole, type CurrentUser } from "@/lib/auth/session";

function withoutPasswords(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));
}

/** Thrown by an action body to refuse with a message, field errors and its form's `extra`; the wrapper adds what was typed. */
export class ActionRefusal<Extra extends object = object> extends Error {
  constructor(readonly state: Omit<FormState<Extra>, "values" | "ok">) {
    super(state.message ?? "refused");
  }
}

/** Thrown when the record changed since the form's version: the form shows `changes` beside its own input. */
export class VersionConflict extends Error {
  constructor(
    readonly version: number,
    readonly changes: FieldChange[],
  ) {
    super("conflict");
  }
}

export type ActionContext<Bound> = { user: CurrentUser; bound: Bound };

type Definition<Schema extends z.ZodType, BoundSchema extends z.ZodType | undefined> = {
  /** Who may call it; admins pass every check. */
  roles: Role[];
  /** Parses the form (flat names built into objects by `readForm`). */
  schema: Schema;
  /** Parses the argument bound with `action.bind(null, value)`, such as the id of the record being edited. */
  bound?: BoundSchema;
  /** Whether it runs while the user still has an admin's one-time password (only changing it does). */
  whileMustChangePassword?: boolean;
  /** Unique constraints and indexes by name, with the field and message their violation means. */
  unique?: Record<string, { field: string; message: string }>;
};

/**
 * Makes a server action from a schema and a body. Whoever calls it and however, the wrapper: checks the role
 * against the database; refuses a NUL in any field; parses the bound argument (a tampered id is "invalid")
 * and the form; and hands only parsed data to the body. Every failure returns the submitted values, so the
 * form keeps what was typed, also when the database is unavailable. Unique violations become field errors by
 * constraint name; anything unexpected becomes "unavailable", with the details in the server log only.
 * A body may `redirect()`: that is passed through. A body's answer, or its refusal, may carry an `extra` for
 * its form; the action's state is then `FormState<Extra>`.
 */
export function staffAction<Schema extends z.ZodType, BoundSchema extends z.ZodType | undefined = undefined, Extra extends object = object>(
  definition: Definition<Schema, BoundSchema>,
  body: (
    data: z.output<Schema>,
    context: ActionContext<BoundSchema extends z.ZodType ? z.output<BoundSchema> : undefined>,
  ) => Promise<FormState<Extra> | void>,
): BoundSchema extends z.ZodType
  ? (bound: z.input<BoundSchema>, previous: FormState<Extra>, formData: FormData) => Promise<FormState<Extra>>
  : FormAction<FormState<Extra>> {
  const run = async (rawBound: unknown, formData: unknown): Promise<FormState> => {
    const values = formData instanceof FormData ? formValues(formData) : {};
    // Passwords never travel back to the browser, not even on a refusal.
    const refuse = (state: FormState): FormState => ({ ...state, ok: false, values: withoutPasswords(values) });

    let user: CurrentUser;
    try {
      user = await requireRole(...definition.roles);
    } catch (error) {
      if (error instanceof NotAuthorizedError) return refuse({ message: error.reason });
      console.error("Authorization check failed", error);
      return refuse({ message: "unavailable" });
    }
    // An admin's one-time password opens the account page only: the user sets their own before anything else.
    if (user.mustChangePassword && !definition.whileMustChangePassword) return refuse({ message: "mustChangePassword" });
    if (!(formData instanceof FormData)) return refuse({ message: "invalid" });

    // A name no form of ours has (`__proto__.polluted`) is tampering: formValues left it out, the form is refused.
    for (const name of formData.keys())
      if (!name.startsWith("$ACTION") && !isReadableName(name)) return refuse({ message: "invalid", errors: { form: ["invalid"] } });

    const nulFields = Object.entries(values)
      .filter(([, value]) => (Array.isArray(value) ? value : [value]).some((v) => v.includes("\u0000")))
      .map(([name]) => name.replace(/\[\]$/, ""));
    if (nulFields.length) {
      return refuse({ message: "checkFields", errors: Object.fromEntries(nulFields.map((name) => [name, ["containsNul"]])) });
    }

    let bound: unknown = undefined;
    if (definition.bound) {
      const parsedBound = definition.bound.safeParse(rawBound);
      if (!parsedBound.success) return refuse({ message: "invalid" });
      bound = parsedBound.data;
    }
    const form = readForm(values);
    const parsed = definition.schema.safeParse(form.data);
    if (!parsed.success || Object.keys(form.errors).length) {
      const errors = { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...form.errors };
      return refuse({ message: form.errors.form ? "invalid" : "checkFields", errors });
    }

    try {
      const result = await body(parsed.data, { user, bound } as ActionContext<never>);
      return result ?? { ok: true, message: "saved" };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionRefusal) return refuse(error.state);
      if (error instanceof VersionConflict) {
        return refuse({ message: "conflict", conflict: { version: error.version, changes: error.changes } });
      }
      const constraint = violatedUniqueConstraint(error);
      if (constraint) {
        const mapped = definition.unique?.[constraint];
        if (mapped) return refuse({ message: "checkFields", errors: { [mapped.field]: [mapped.message] } });
        console.error(`Unique constraint ${constraint} has no field mapping`, error);
        return refuse({ message: "duplicate" });
      }
      console.error("Server action failed", error);
      return refuse({ message: "unavailable" });
    }
  };
  const action = definition.bound
    ? (bound: unknown, _previous: FormState, formData: FormData) => run(bound, formData)
    : (_previous: FormState, formData: FormData) => run(undefined, formData);
  return action as never;
}
