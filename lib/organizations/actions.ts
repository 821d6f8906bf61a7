"use server";

import { revalidatePath } from "next/cache";
import { ActionRefusal } from "@/lib/actions/staff-action";
import { recordActions } from "@/lib/actions/versioned";
import { invalidate } from "@/lib/cache";
import { findLikelyDuplicates, snapshotOrganization, type LikelyDuplicate } from "@/lib/organizations/queries";
import { checkNewOrganization, insertOrganization, organizationEdit, writeTransaction } from "@/lib/organizations/write";
import {
  OrganizationFormSchema,
  OrganizationUpdateSchema,
  type LikelyDuplicateChoice,
  type LikelyDuplicates,
} from "@/lib/organizations/schema";
import type { Locale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";

const unique = {
  organizations_country_code_registration_number_key: { field: "registrationNumber", message: "registrationNumberTaken" },
  organizations_slug_key: { field: "name", message: "duplicate" },
};

function refresh(slug?: string) {
  // An organization shows in the lists, on its region's and its sectors' pages, on its partners' pages and
  // on the pages of the meetings where it was discussed.
  invalidate("organizations", "sectors", "regions", "links");
  revalidatePath(paths.organizations());
  revalidatePath(paths.jointVentures());
  if (slug) revalidatePath(paths.organization(slug));
}

/**
 * The likely duplicates as the form lists them, above the checkbox that says "this is a different
 * organization": each one's name and region (and number, when it is the same) in the editor's language, and
 * its slug for the link to its page.
 */
function duplicateChoices(duplicates: LikelyDuplicate[], locale: Locale): LikelyDuplicateChoice[] {
  return duplicates.map((d) => {
    const region = locale === "ru" ? d.regionNameRu : d.regionNameEn;
    const name = d.nameEn && d.nameEn !== d.name ? `${d.name} (${d.nameEn})` : d.name;
    const number = d.sameNumber ? `, ${d.registrationNumber}` : "";
    return { label: `${name}, ${region}${number}`, slug: d.slug };
  });
}

const organizations = recordActions<string, LikelyDuplicates>({
  type: "organization",
  page: "organizations",
  snapshot: snapshotOrganization,
  read: async (tx, id) => (await tx.organization.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug,
  refresh,
  transaction: writeTransaction,
});

/**
 * Adds an organization of any kind, with its sectors and, for a joint venture, its partners. Refuses with
 * the likely duplicates until the editor confirms it is a different organization. Editors and admins.
 */
export const createOrganization = organizations.create({ schema: OrganizationFormSchema, unique }, async (tx, data, user) => {
  const countryCode = await checkNewOrganization(tx, data);
  if (!data.confirmNotDuplicate) {
    const duplicates = await findLikelyDuplicates(tx, { ...data, countryCode });
    if (duplicates.length) {
      throw new ActionRefusal<LikelyDuplicates>({
        message: "possibleDuplicates",
        errors: { confirmNotDuplicate: ["confirmDifferent"] },
        extra: { duplicates: duplicateChoices(duplicates, data.locale) },
      });
    }
  }
  return insertOrganization(tx, data, countryCode, user);
});

/** Saves an edit of an organization from the version the form started from. Editors and admins. */
export const updateOrganization = organizations.update({ schema: OrganizationUpdateSchema, unique }, (tx, data, context) =>
  organizationEdit(tx, data, context),
);

/** Takes an organization off the public pages and lists; its record and history stay. Editors and admins. */
export const archiveOrganization = organizations.archive;

/** Brings an archived organization back to the public pages. Editors and admins. */
export const restoreOrganization = organizations.restore;
