import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SearchBox } from "@/components/search/search-box";
import { setLocale } from "@/lib/i18n/actions";
import { paths } from "@/lib/paths";
import { getCurrentUser } from "@/lib/auth/session";

export async function SiteHeader() {
  const [t, locale, user] = await Promise.all([getTranslations("site"), getLocale(), getCurrentUser().catch(() => null)]);
  const other = locale === "ru" ? "en" : "ru";
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={paths.home()} className="mr-auto text-2xl font-bold text-white! no-underline">
          {t("name")}
          <span className="block text-base font-normal">{t("tagline")}</span>
        </Link>
        <SearchBox />
        <form action={setLocale}>
          <input type="hidden" name="locale" value={other} />
          <button
            type="submit"
            lang={other}
            aria-label={t("language.switchToLabel")}
            className="cursor-pointer text-white underline underline-offset-4"
          >
            {t("language.switchTo")}
          </button>
        </form>
        {user ? (
          <span className="flex items-center gap-4">
            <span>{t("signedInAs", { name: user.name })}</span>
            <Link href={paths.staff.home()} className="text-white!">
              {t("workspace")}
            </Link>
            <Link href={paths.staff.account()} className="text-white!">
              {t("account")}
            </Link>
            <Link href={paths.signOut()} className="text-white!">
              {t("signOut")}
            </Link>
          </span>
        ) : (
          <Link href={paths.signIn()} className="text-white!">
            {t("signIn")}
          </Link>
        )}
      </div>
      <nav aria-label={t("nav.label")} className="bg-[#1d1e1f]">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4 py-2">
          {[
            { href: paths.regions(), label: t("nav.regions") },
            { href: paths.organizations(), label: t("nav.organizations") },
            { href: paths.jointVentures(), label: t("nav.jointVentures") },
            { href: paths.meetings(), label: t("nav.meetings") },
            { href: paths.sectors(), label: t("nav.sectors") },
            { href: paths.trade(), label: t("nav.trade") },
            { href: paths.commitments(), label: t("nav.commitments") },
            { href: paths.dashboard(), label: t("nav.dashboard") },
            { href: paths.search(), label: t("nav.search") },
          ].map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="text-white!">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
