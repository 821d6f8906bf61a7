import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { clientNamespaces, pickNamespaces, staffClientNamespaces } from "@/lib/i18n/catalogue";
import { getCurrentUser } from "@/lib/auth/session";
import { getRegistryUpdatedAt } from "@/lib/dashboard/queries";
import { env } from "@/lib/env";
import { formatDay } from "@/lib/i18n/dates";
import { paths } from "@/lib/paths";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("name"), template: `%s – ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages, user, updatedAt] = await Promise.all([
    getLocale(),
    getTranslations("site"),
    getMessages(),
    getCurrentUser().catch(() => null),
    // The footer says when the data last changed; during an outage it says nothing rather than failing the page.
    getRegistryUpdatedAt().catch(() => null),
  ]);
  const licence = env().DATA_LICENCE;
  // Only the namespaces client components read travel with each page: the whole catalogue would add some 14 KB.
  // Signed-in staff also get the workspace's, for the editing forms on public pages (links, pickers).
  const clientMessages = pickNamespaces(messages, user ? staffClientNamespaces : clientNamespaces);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:block focus:p-2">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
        </NextIntlClientProvider>
        <footer className="border-t-2 border-brand bg-panel">
          <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 text-base text-muted">
            <p>{t("footer")}</p>
            <p>
              {t("licence", { licence })}
              {updatedAt && <> {t("updatedAt", { date: formatDay(locale, updatedAt) })}</>}{" "}
              <a href={paths.openData()}>{t("openDataLink")}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
