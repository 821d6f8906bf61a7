"use server";

import { revalidatePath } from "next/cache";
import { uniqueSlug } from "@/lib/actions/slug";
import { ActionRefusal } from "@/lib/actions/staff-action";
import { recordActions } from "@/lib/actions/versioned";
import { invalidate } from "@/lib/cache";
import type { Tx } from "@/lib/db/client";
import { paths } from "@/lib/paths";
import { RegionFormSchema, RegionUpdateSchema, type RegionFormInput } from "@/lib/regions/schema";
import { snapshotRegion } from "@/lib/regions/queries";

const unique = {
  regions_iso_code_key: { field: "isoCode", message: "isoCodeTaken" },
  regions_slug_key: { field: "nameEn", message: "duplicate" },
};

function refresh(slug?: string) {
  // A region shows in lists, filters, on its organizations' pages and in the search.
  invalidate("regions", "organizations", "meetings", "trade");
  revalidatePath(paths.regions());
  if (slug) revalidatePath(paths.region(slug));
}

async function checkParent(tx: Tx, data: RegionFormInput, selfId?: number) {
  if (data.parentId === null) return;
  if (data.parentId === selfId) throw new ActionRefusal({ message: "checkFields", errors: { parentId: ["parentSelf"] } });
  const parent = await tx.region.findFirst({ where: { id: data.parentId, archivedAt: null }, select: { countryCode: true } });
  if (!parent) throw new ActionRefusal({ message: "checkFields", errors: { parentId: ["recordMissing"] } });
  if (parent.countryCode !== data.countryCode) throw new ActionRefusal({ message: "checkFields", errors: { parentId: ["parentCountry"] } });
}

async function checkCountry(tx: Tx, code: string) {
  if (!(await tx.country.findUnique({ where: { code }, select: { code: true } }))) {
    throw new ActionRefusal({ message: "checkFields", errors: { countryCode: ["chooseOne"] } });
  }
}

const fields = (data: RegionFormInput) => ({
  nameEn: data.nameEn,
  nameRu: data.nameRu,
  otherNames: data.otherNames,
  isoCode: data.isoCode,
  level: data.level,
  countryCode: data.countryCode,
  parentId: data.parentId,
});

const regions = recordActions({
  type: "region",
  page: "regions",
  snapshot: snapshotRegion,
  read: async (tx, id) => (await tx.region.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug,
  refresh,
});

/** Adds a region. Editors and admins. */
export const createRegion = regions.create({ schema: RegionFormSchema, unique }, async (tx, data, user) => {
  await checkCountry(tx, data.countryCode);
  await checkParent(tx, data);
  const slug = await uniqueSlug(tx, "regions", data.nameRu, 120);
  const created = await tx.region.create({
    data: { ...fields(data), slug, createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  return created.id;
});

/** Saves an edit of a region from the version the form started from. Editors and admins. */
export const updateRegion = regions.update({ schema: RegionUpdateSchema, unique }, async (tx, data, { id }) => {
  await checkCountry(tx, data.countryCode);
  await checkParent(tx, data, id);
  return {
    apply: async (tx) => {
      await tx.region.update({ where: { id }, data: fields(data) });
    },
  };
});

/** Takes a region off the public pages; its record and history stay. Editors and admins. */
export const archiveRegion = regions.archive;

/** Brings an archived region back to the public pages. Editors and admins. */
export const restoreRegion = regions.restore;
