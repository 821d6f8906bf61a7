import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { RecordId, Version } from "@/lib/actions/fields";
import { Prisma } from "@/lib/generated/prisma/client";
import { changesSince, recordAuditEvent, type AuditEntityType, type Snapshot } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ActionRefusal, staffAction, VersionConflict } from "@/lib/actions/staff-action";
import { paths, type StaffRecordType } from "@/lib/paths";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * The write path every editable record shares: lock the row, check the version the form started from, apply
 * the change, bump the version, and append the audit event with the record before and after, all inside the
 * caller's transaction. A concurrent save of the same version waits on the row lock, then finds the version
 * moved and loses with a VersionConflict that lists what the winner changed.
 */

const tables: Record<AuditEntityType, string> = {
  region: "regions",
  organization: "organizations",
  meeting: "meetings",
  commitment: "commitments",
  trade_figure: "trade_figures",
  discussion_link: "discussion_links",
  user: "users",
};

/** Reads a record as the audit log keeps it; must include `version` and `archived`. */
export type SnapshotReader = (tx: Tx, id: number) => Promise<(Snapshot & { version: number; archived: boolean }) | null>;

type Change = {
  type: AuditEntityType;
  id: number;
  /** The version the editor's form started from. */
  version: number;
  user: CurrentUser;
  snapshot: SnapshotReader;
};

async function lockVersion(tx: Tx, type: AuditEntityType, id: number) {
  const rows = await tx.$queryRaw<{ version: number; archived: boolean }[]>(
    Prisma.sql`SELECT version, archived_at IS NOT NULL AS archived FROM ${Prisma.raw(tables[type])} WHERE id = ${id} FOR UPDATE`,
  );
  return rows[0] ?? null;
}

async function bumpVersion(tx: Tx, type: AuditEntityType, id: number, userId: number, archived?: boolean) {
  const archive = archived === undefined ? Prisma.empty : archived ? Prisma.sql`, archived_at = now()` : Prisma.sql`, archived_at = NULL`;
  await tx.$executeRaw(
    Prisma.sql`UPDATE ${Prisma.raw(tables[type])} SET version = version + 1, updated_at = now(), updated_by_id = ${userId}${archive} WHERE id = ${id}`,
  );
}

async function checkVersion(tx: Tx, change: Change) {
  const row = await lockVersion(tx, change.type, change.id);
  if (!row) throw new ActionRefusal({ message: "recordMissing" });
  if (row.version !== change.version) {
    const current = await change.snapshot(tx, change.id);
    throw new VersionConflict(row.version, current ? await changesSince(tx, change.type, change.id, change.version, current) : []);
  }
  return row;
}

/** Updates a record: `apply` writes the fields and replaces the child rows; the rest is done here. `note` goes on the audit event. */
export async function updateVersioned(tx: Tx, change: Change & { apply: (tx: Tx) => Promise<void>; note?: string | null }) {
  const row = await checkVersion(tx, change);
  if (row.archived) throw new ActionRefusal({ message: "recordArchived" });
  const before = await change.snapshot(tx, change.id);
  await change.apply(tx);
  await bumpVersion(tx, change.type, change.id, change.user.id);
  const after = await change.snapshot(tx, change.id);
  await recordAuditEvent(tx, {
    actorId: change.user.id,
    action: `${change.type}.update`,
    entityId: change.id,
    before,
    after,
    note: change.note,
  });
  return after!;
}

/** Archives (takes off the public pages) or restores a record, versioned and audited like an edit. */
export async function setArchived(tx: Tx, change: Change & { archived: boolean }) {
  const row = await checkVersion(tx, change);
  if (row.archived === change.archived) throw new ActionRefusal({ message: change.archived ? "recordArchived" : "recordLive" });
  const before = await change.snapshot(tx, change.id);
  await bumpVersion(tx, change.type, change.id, change.user.id, change.archived);
  const after = await change.snapshot(tx, change.id);
  await recordAuditEvent(tx, {
    actorId: change.user.id,
    action: `${change.type}.${change.archived ? "archive" : "restore"}`,
    entityId: change.id,
    before,
    after,
  });
  return after!;
}

/** Records the creation of a record that `create` wrote, with its first snapshot. */
export async function recordCreated(tx: Tx, type: AuditEntityType, id: number, user: CurrentUser, snapshot: SnapshotReader) {
  const after = await snapshot(tx, id);
  await recordAuditEvent(tx, { actorId: user.id, action: `${type}.create`, entityId: id, after });
  return after!;
}

/**
 * The archive and restore actions of one record type, for its edit page: each archives or restores from the
 * version the page showed (see `setArchived`), then `refresh`es what shows the record, with what `read` found
 * in the same transaction (its slugs), and returns to the edit page. Editors and admins.
 */
export function archiveActions<Seen>(config: {
  type: AuditEntityType;
  page: StaffRecordType;
  snapshot: SnapshotReader;
  read: (tx: Tx, id: number) => Promise<Seen>;
  refresh: (seen: Seen) => void;
}) {
  const action = (archived: boolean) =>
    staffAction({ roles: ["editor"], schema: z.object({ version: Version }), bound: RecordId }, async (data, { user, bound: id }) => {
      const seen = await db().$transaction(async (tx) => {
        await setArchived(tx, { type: config.type, id, version: data.version, user, snapshot: config.snapshot, archived });
        return config.read(tx, id);
      });
      config.refresh(seen);
      redirect(paths.staff.edit(config.page, id, { saved: archived ? "archived" : "restored" }));
    });
  return { archive: action(true), restore: action(false) };
}
