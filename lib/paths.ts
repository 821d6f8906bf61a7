/**
 * Every URL of the app is built here, so that a renamed route or parameter changes in one place. List paths
 * take the list's query (filters, sort, page) and keep only the values that are set, in a stable order, so
 * that equal views have equal URLs.
 */

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** `path?a=1&b=x&b=y`, leaving out empty values and the first page. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (key === "page" && Number(value) === 1) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const segment = (value: string) => encodeURIComponent(value);

/** The record types of the staff workspace, as they appear in its URLs. */
export const staffRecordTypes = ["regions", "organizations", "meetings", "commitments", "trade"] as const;
export type StaffRecordType = (typeof staffRecordTypes)[number];

export const paths = {
  /** The home page; `measure` chooses what its map is shaded by. */
  home: (query?: Query) => withQuery("/", query),
  search: (query?: Query) => withQuery("/search", query),
  regions: (query?: Query) => withQuery("/regions", query),
  region: (slug: string, query?: Query) => withQuery(`/regions/${segment(slug)}`, query),
  organizations: (query?: Query) => withQuery("/organizations", query),
  organization: (slug: string, query?: Query) => withQuery(`/organizations/${segment(slug)}`, query),
  /** What changed in the record and when: public fields only. */
  organizationHistory: (slug: string, query?: Query) => withQuery(`/organizations/${segment(slug)}/history`, query),
  regionHistory: (slug: string, query?: Query) => withQuery(`/regions/${segment(slug)}/history`, query),
  meetingHistory: (slug: string, query?: Query) => withQuery(`/meetings/${segment(slug)}/history`, query),
  commitmentHistory: (id: number, query?: Query) => withQuery(`/commitments/${id}/history`, query),
  jointVentures: (query?: Query) => withQuery("/joint-ventures", query),
  meetings: (query?: Query) => withQuery("/meetings", query),
  meeting: (slug: string, query?: Query) => withQuery(`/meetings/${segment(slug)}`, query),
  sectors: (query?: Query) => withQuery("/sectors", query),
  sector: (code: string, query?: Query) => withQuery(`/sectors/${segment(code)}`, query),
  /** Two regions side by side: meetings, joint ventures, organizations, trade and open commitments. Either order. */
  regionPair: (slug: string, partnerSlug: string) => `/regions/${segment(slug)}/with/${segment(partnerSlug)}`,
  /** Region pairs ranked by trade (filters: country, year; sort: turnover or growth). */
  trade: (query?: Query) => withQuery("/trade", query),
  /** Trade between two regions by year, seen from the first. Either order is the same pair. */
  tradePair: (slug: string, partnerSlug: string) => `/trade/${segment(slug)}/${segment(partnerSlug)}`,
  /** The commitments tracker (filters: status, region, party, meeting, dueFrom, dueTo, overdue, page). */
  commitments: (query?: Query) => withQuery("/commitments", query),
  commitment: (id: number) => `/commitments/${id}`,
  /** Counts and trends, each linking to the list it counts. */
  dashboard: () => "/dashboard",
  /** Atom feeds of new records, with a list's filters and the reader's language. */
  feeds: {
    meetings: (query?: Query) => withQuery("/feeds/meetings.atom", query),
    jointVentures: (query?: Query) => withQuery("/feeds/joint-ventures.atom", query),
    organizations: (query?: Query) => withQuery("/feeds/organizations.atom", query),
    commitments: (query?: Query) => withQuery("/feeds/commitments.atom", query),
    search: (query?: Query) => withQuery("/feeds/search.atom", query),
  },
  /** The licence, the API, the downloads and the change feed. */
  openData: () => "/open-data",
  signIn: (callbackUrl?: string) => withQuery("/signin", { callbackUrl }),
  /** The staff workspace: editing pages by record type, each record's history, and the admins' activity log. */
  staff: {
    home: (query?: Query) => withQuery("/workspace", query),
    lookup: (query?: Query) => withQuery("/api/staff/lookup", query),
    activity: (query?: Query) => withQuery("/workspace/activity", query),
    newRecord: (type: StaffRecordType, query?: Query) => withQuery(`/workspace/${type}/new`, query),
    edit: (type: StaffRecordType, id: number, query?: Query) => withQuery(`/workspace/${type}/${id}`, query),
    history: (type: StaffRecordType, id: number, query?: Query) => withQuery(`/workspace/history/${type}/${id}`, query),
    /** Admins: staff accounts. */
    users: (query?: Query) => withQuery("/workspace/users", query),
    newUser: () => "/workspace/users/new",
    user: (id: number, query?: Query) => withQuery(`/workspace/users/${id}`, query),
    /** A dossier for a coming visit: a region pair (`region` and `partner` slugs) or one region. */
    briefing: (query?: Query) => withQuery("/workspace/briefing", query),
    briefingPdf: (query?: Query) => withQuery("/workspace/briefing/pdf", query),
    /** Spreadsheet import: the upload page, one import (its mapping, preview, progress and result). */
    imports: (query?: Query) => withQuery("/workspace/import", query),
    importBatch: (id: number, query?: Query) => withQuery(`/workspace/import/${id}`, query),
    /** Staff routes of the import: the upload (POST), a batch's progress (JSON), its error report and the templates (XLSX). */
    importUpload: () => "/api/staff/imports",
    importProgress: (id: number) => `/api/staff/imports/${id}`,
    importReport: (id: number, query?: Query) => withQuery(`/api/staff/imports/${id}/report`, query),
    importTemplate: (query?: Query) => withQuery("/api/staff/import-template", query),
    /** The signed-in user's own account: change the password. */
    account: (query?: Query) => withQuery("/workspace/account", query),
  },
  signOut: () => "/signout",
  /** Setting a new password from a one-time link an admin gave. */
  resetPassword: (token: string) => withQuery("/reset-password", { token }),
  api: {
    root: () => "/api/v1",
    openapi: () => "/api/v1/openapi.json",
    dump: () => "/api/v1/dump.zip",
    search: (query?: Query) => withQuery("/api/v1/search", query),
    suggest: (query?: Query) => withQuery("/api/v1/search/suggest", query),
    regions: (query?: Query) => withQuery("/api/v1/regions", query),
    region: (slug: string) => `/api/v1/regions/${segment(slug)}`,
    regionsExport: (format: "csv" | "xlsx", query?: Query) => withQuery(`/api/v1/regions/export.${format}`, query),
    organizations: (query?: Query) => withQuery("/api/v1/organizations", query),
    organizationsExport: (format: "csv" | "xlsx", query?: Query) => withQuery(`/api/v1/organizations/export.${format}`, query),
    organization: (slug: string) => `/api/v1/organizations/${segment(slug)}`,
    jointVentures: (query?: Query) => withQuery("/api/v1/joint-ventures", query),
    jointVenturesExport: (format: "csv" | "json" | "xlsx", query?: Query) => withQuery(`/api/v1/joint-ventures/export.${format}`, query),
    meetings: (query?: Query) => withQuery("/api/v1/meetings", query),
    meetingsExport: (format: "csv" | "xlsx", query?: Query) => withQuery(`/api/v1/meetings/export.${format}`, query),
    meeting: (slug: string) => `/api/v1/meetings/${segment(slug)}`,
    commitments: (query?: Query) => withQuery("/api/v1/commitments", query),
    commitmentsExport: (format: "csv" | "xlsx", query?: Query) => withQuery(`/api/v1/commitments/export.${format}`, query),
    commitment: (id: number) => `/api/v1/commitments/${id}`,
    sectors: (query?: Query) => withQuery("/api/v1/sectors", query),
    sectorsExport: (format: "csv" | "xlsx", query?: Query) => withQuery(`/api/v1/sectors/export.${format}`, query),
    trade: (query?: Query) => withQuery("/api/v1/trade", query),
    tradeExport: (query?: Query, format: "csv" | "xlsx" = "csv") => withQuery(`/api/v1/trade/export.${format}`, query),
    tradePair: (slug: string, partnerSlug: string) => `/api/v1/trade/${segment(slug)}/${segment(partnerSlug)}`,
    tradePairExport: (slug: string, partnerSlug: string, format: "csv" | "xlsx" = "csv", query?: Query) =>
      withQuery(`/api/v1/trade/${segment(slug)}/${segment(partnerSlug)}/export.${format}`, query),
    sector: (code: string) => `/api/v1/sectors/${segment(code)}`,
  },
} as const;
