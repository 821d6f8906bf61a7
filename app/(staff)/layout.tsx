import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickNamespaces, staffClientNamespaces } from "@/lib/i18n/catalogue";
import { requireStaffPage } from "@/lib/session";

/**
 * The staff workspace: signed-in staff only (each page and every action checks again for itself). Its client
 * components read the workspace's catalogues, which public pages do not carry.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [, messages] = await Promise.all([requireStaffPage(), getMessages()]);
  return <NextIntlClientProvider messages={pickNamespaces(messages, staffClientNamespaces)}>{children}</NextIntlClientProvider>;
}
