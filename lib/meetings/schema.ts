import { z } from "zod";

// Messages are keys under `errors.` in the catalogues: the form shows them in the reader's language.

const Id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });

/** An entity reference as the form sends it: "organization:12" or "region:3". */
export const EntityRefSchema = z
  .string({ error: "chooseEntity" })
  .regex(/^(organization|region):[1-9][0-9]{0,9}$/, { error: "chooseEntity" })
  .transform((value) => {
    const [type, id] = value.split(":") as ["organization" | "region", string];
    return { type, id: Number(id) };
  });

export const LinkFormSchema = z.object({
  meetingId: Id,
  entity: EntityRefSchema,
  note: z
    .string({ error: "noteRequired" })
    .trim()
    .min(1, { error: "noteRequired" })
    .max(2000, { error: "noteTooLong" }),
});

export type LinkFormInput = z.infer<typeof LinkFormSchema>;

export const UnlinkFormSchema = z.object({
  linkId: Id,
  version: Id,
});
