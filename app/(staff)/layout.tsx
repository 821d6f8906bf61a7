import type { ReactNode } from "react";
import { requireStaffPage } from "@/lib/auth/session";

/**
 * The staff workspace: signed-in staff only. Each page and every action checks again for itself, since a
 * layout is not run again on every navigation. The root layout sends the workspace's catalogues to staff.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireStaffPage();
  return children;
}
