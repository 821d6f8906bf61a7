import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { clientNamespaces, pickNamespaces, staffClientNamespaces } from "@/lib/i18n/catalogue";
import { getCurrentUser } from "@/lib/auth/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("name"), template: `%s – ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages, user] = await Promise.all([
    getLocale(),
    getTranslations("site"),
    getMessages(),
    getCurrentUser().catch(() => null),
  ]);
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
          <p className="mx-auto max-w-6xl px-4 py-6 text-base text-muted">{t("footer")}</p>
        </footer>
      </body>
    </html>
  );
}
