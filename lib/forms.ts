import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotAuthorizedError, requireRole, type CurrentUser } from "@/lib/session";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What a server action returns to its form. `message` and the field errors are message keys under
 * `errors.` in the catalogues, so the form shows them in the reader's language.
 */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  /** What the user sent, given back on failure so that the form shows it again and nothing typed is lost. */
  values?: Record<string, string>;
};

/** The text fields of a submitted form, for `FormState.values`. */
export function submittedValues(formData: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")]));
}

/** Field errors from a failed zod parse, keyed by the first segment of each issue's path. */
export function fieldErrors(error: z.ZodError): FormState {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (errors[field] ??= []).push(issue.message);
  }
  return { ok: false, message: "checkFields", errors };
}

export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Wraps a server action so that it runs only for a signed-in user with one of `roles`, whoever calls it and
 * however; anything unexpected becomes a plain message for the form, with the details in the server log.
 */
export function staffAction<Args extends unknown[]>(
  roles: Role[],
  action: (user: CurrentUser, ...args: Args) => Promise<FormState>,
): (...args: Args) => Promise<FormState> {
  return async (...args: Args) => {
    let user: CurrentUser;
    try {
      user = await requireRole(...roles);
    } catch (error) {
      if (error instanceof NotAuthorizedError) return { ok: false, message: error.reason };
      console.error("Authorization check failed", error);
      return { ok: false, message: "unavailable" };
    }
    try {
      return await action(user, ...args);
    } catch (error) {
      console.error("Server action failed", error);
      return { ok: false, message: "unavailable" };
    }
  };
}
