import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import analysisBriefing from "@/messages/analysis/briefing.json";
import analysisCommitments from "@/messages/analysis/commitments.json";
import analysisDashboard from "@/messages/analysis/dashboard.json";
import analysisPairs from "@/messages/analysis/pairs.json";
import analysisTrade from "@/messages/analysis/trade.json";
import staffCommitments from "@/messages/staff/commitments.json";
import staffHistory from "@/messages/staff/history.json";
import staffImport from "@/messages/staff/import.json";
import staffMeetings from "@/messages/staff/meetings.json";
import staffOrganizations from "@/messages/staff/organizations.json";
import staffRegions from "@/messages/staff/regions.json";
import staffTrade from "@/messages/staff/trade.json";
import staffUsers from "@/messages/staff/users.json";
import staffWorkspace from "@/messages/staff/workspace.json";
import type { Locale } from "@/lib/i18n/locale";

/**
 * The message catalogues. The public site's are messages/<locale>.json; the staff workspace's sit in
 * messages/staff/<part>.json and the analysis pages' (trade, commitments, region pairs, dashboard, briefing) in
 * messages/analysis/<part>.json, both languages of one part side by side, so that each part keeps its texts in
 * one file.
 */
const parts = [
  analysisTrade,
  analysisCommitments,
  analysisPairs,
  analysisDashboard,
  analysisBriefing,
  staffWorkspace,
  staffRegions,
  staffOrganizations,
  staffMeetings,
  staffCommitments,
  staffTrade,
  staffHistory,
  staffImport,
  staffUsers,
];

type Messages = Record<string, Record<string, unknown>>;

/** The whole catalogue of one language; a part's namespace that exists already (`errors`) is extended, not replaced. */
export function loadMessages(locale: Locale): Messages {
  const messages: Messages = { ...((locale === "ru" ? ru : en) as Messages) };
  for (const part of parts) {
    for (const [namespace, texts] of Object.entries(part[locale] as Messages)) {
      messages[namespace] = { ...messages[namespace], ...texts };
    }
  }
  return messages;
}

/** The namespaces that client components read on every page; only these travel to the browser. */
export const clientNamespaces = ["error", "errors", "links", "search", "signIn", "signOut"] as const;

/** What the staff workspace's client components read as well (its layout sends them). */
export const staffClientNamespaces = [
  ...clientNamespaces,
  "workspace",
  "editRegion",
  "editOrganization",
  "editMeeting",
  "editCommitment",
  "editTrade",
  "history",
  "users",
  "importPage",
] as const;

export function pickNamespaces(messages: Messages, names: readonly string[]) {
  return Object.fromEntries(names.filter((name) => name in messages).map((name) => [name, messages[name]]));
}
