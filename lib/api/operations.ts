import { z } from "zod";
import { SlugPathSchema } from "@/lib/api/schema";
import { ChangeListDtoSchema, ChangeQuerySchema } from "@/lib/changes/dto";
import {
  CommitmentCsvExportQuerySchema,
  CommitmentDetailDtoSchema,
  CommitmentListDtoSchema,
  CommitmentPathSchema,
  CommitmentQuerySchema,
  CommitmentXlsxExportQuerySchema,
} from "@/lib/commitments/dto";
import {
  JointVentureExportDtoSchema,
  JointVentureCsvExportQuerySchema,
  JointVentureExportQuerySchema,
  JointVentureXlsxExportQuerySchema,
  JointVentureListDtoSchema,
  JointVentureQuerySchema,
} from "@/lib/joint-ventures/dto";
import {
  MeetingCsvExportQuerySchema,
  MeetingDetailDtoSchema,
  MeetingListDtoSchema,
  MeetingQuerySchema,
  MeetingXlsxExportQuerySchema,
} from "@/lib/meetings/dto";
import {
  OrganizationCsvExportQuerySchema,
  OrganizationDetailDtoSchema,
  OrganizationListDtoSchema,
  OrganizationQuerySchema,
  OrganizationXlsxExportQuerySchema,
} from "@/lib/organizations/dto";
import {
  RegionCsvExportQuerySchema,
  RegionDetailDtoSchema,
  RegionListDtoSchema,
  RegionQuerySchema,
  RegionXlsxExportQuerySchema,
} from "@/lib/regions/dto";
import { SearchQuerySchema, SearchResultDtoSchema, SuggestionListDtoSchema, SuggestQuerySchema } from "@/lib/search/dto";
import {
  SectorCodePathSchema,
  SectorCsvExportQuerySchema,
  SectorDetailDtoSchema,
  SectorListDtoSchema,
  SectorQuerySchema,
  SectorXlsxExportQuerySchema,
} from "@/lib/sectors/dto";
import {
  TradeExportQuerySchema,
  TradePairDetailDtoSchema,
  TradePairListDtoSchema,
  TradePairExportQuerySchema,
  TradePairPathSchema,
  TradePairXlsxExportQuerySchema,
  TradeXlsxExportQuerySchema,
  TradeQuerySchema,
} from "@/lib/trade/dto";

/**
 * The operations of the JSON API, declared once: the OpenAPI document is built from this list, and each route
 * handler is made from its entry (query parsing, response parsing, the errors it may answer). Adding an
 * endpoint means adding an entry here and a route file that binds it to a read.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type Operation = {
  operationId: string;
  /** The OpenAPI path template, `{slug}` for a path parameter. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  response: z.ZodType;
  /** The name of the response schema under components/schemas. */
  responseName?: string;
  contentType?: "application/json" | "text/csv" | "application/zip" | typeof XLSX;
  /** Whether the operation answers 404 (single records). */
  notFound?: boolean;
  /** How long clients and shared caches may reuse an answer, in seconds. */
  maxAge?: number;
  /**
   * A streamed download (the joint-venture exports, lib/joint-ventures/export.ts): no ETag, never cached, and
   * served by its own handler rather than by `apiRoute`.
   */
  download?: boolean;
  /** A download of a stored file (the full download): ETag and Last-Modified, 304 for a client that holds it. */
  stored?: boolean;
};

const listDescription =
  "A cursor page: `items` and `nextCursor`. Pass `nextCursor` back as `?cursor=` (with the same filters) for the next page; " +
  "it is null on the last page. Pages stay stable while records are added: nothing is served twice.";

export const operations = {
  listChanges: {
    operationId: "listChanges",
    path: "/api/v1/changes",
    summary: "What changed",
    description:
      "The public registry's changes in the order they happened (created, updated, archived, restored), from the audit log: " +
      "the record's type, public id and page, and when; never who, and never a field's value. Keep the last page's " +
      `nextCursor to read only what changed after it. ${listDescription}`,
    tag: "Changes",
    query: ChangeQuerySchema,
    response: ChangeListDtoSchema,
    responseName: "ChangeList",
    maxAge: 60,
  },
  listRegions: {
    operationId: "listRegions",
    path: "/api/v1/regions",
    summary: "List regions",
    description: `Countries, regions and cities, oldest record first. ${listDescription}`,
    tag: "Regions",
    query: RegionQuerySchema,
    response: RegionListDtoSchema,
    responseName: "RegionList",
  },
  exportRegionsXlsx: {
    operationId: "exportRegionsXlsx",
    path: "/api/v1/regions/export.xlsx",
    summary: "Download the regions list as an Excel workbook (XLSX)",
    description:
      "Every region of the list page's filters (country, level) in its order (country, level, then name in the file's language), with its number of organizations and a second sheet on the data.",
    tag: "Regions",
    query: RegionXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    download: true,
  },
  exportRegionsCsv: {
    operationId: "exportRegionsCsv",
    path: "/api/v1/regions/export.csv",
    summary: "Download the regions list as CSV",
    description: "The same regions and columns as the XLSX export, as UTF-8 CSV with a byte order mark.",
    tag: "Regions",
    query: RegionCsvExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    download: true,
  },
  getRegion: {
    operationId: "getRegion",
    path: "/api/v1/regions/{slug}",
    summary: "One region",
    tag: "Regions",
    pathParams: SlugPathSchema,
    response: RegionDetailDtoSchema,
    responseName: "RegionDetail",
    notFound: true,
  },
  listOrganizations: {
    operationId: "listOrganizations",
    path: "/api/v1/organizations",
    summary: "List organizations",
    description: `Enterprises, universities and joint ventures, oldest record first. ${listDescription}`,
    tag: "Organizations",
    query: OrganizationQuerySchema,
    response: OrganizationListDtoSchema,
    responseName: "OrganizationList",
  },
  exportOrganizationsXlsx: {
    operationId: "exportOrganizationsXlsx",
    path: "/api/v1/organizations/export.xlsx",
    summary: "Download the organizations list as an Excel workbook (XLSX)",
    description:
      "Every organization of the list page's filters (kind, status, country, region, sector, founded) in its order (sort), with typed cells and a second sheet on the data: licence, the registry's last update, source and filters.",
    tag: "Organizations",
    query: OrganizationXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    download: true,
  },
  exportOrganizationsCsv: {
    operationId: "exportOrganizationsCsv",
    path: "/api/v1/organizations/export.csv",
    summary: "Download the organizations list as CSV",
    description: "The same organizations and columns as the XLSX export, as UTF-8 CSV with a byte order mark.",
    tag: "Organizations",
    query: OrganizationCsvExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    download: true,
  },
  getOrganization: {
    operationId: "getOrganization",
    path: "/api/v1/organizations/{slug}",
    summary: "One organization",
    description: "With its sectors, joint-venture partners and shares, and the meetings where it was discussed.",
    tag: "Organizations",
    pathParams: SlugPathSchema,
    response: OrganizationDetailDtoSchema,
    responseName: "OrganizationDetail",
    notFound: true,
  },
  listJointVentures: {
    operationId: "listJointVentures",
    path: "/api/v1/joint-ventures",
    summary: "List joint ventures",
    description:
      `Joint ventures with their partners and shares, sectors and capital, oldest record first, filtered as on the joint-venture page. ` +
      `Filters that take several values accept the parameter repeated or comma-separated. ${listDescription}`,
    tag: "Joint ventures",
    query: JointVentureQuerySchema,
    response: JointVentureListDtoSchema,
    responseName: "JointVentureList",
  },
  exportJointVenturesCsv: {
    operationId: "exportJointVenturesCsv",
    path: "/api/v1/joint-ventures/export.csv",
    summary: "Download the filtered joint ventures as CSV",
    description:
      'Every matching joint venture in the table\'s order (sort, dir), as UTF-8 CSV with a byte order mark; partners as "name (region, country) share%" separated by semicolons. `lang=ru` for Russian headers and names, `sep=;` for spreadsheet programs set up for Russian.',
    tag: "Joint ventures",
    query: JointVentureCsvExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    download: true,
  },
  exportJointVenturesXlsx: {
    operationId: "exportJointVenturesXlsx",
    path: "/api/v1/joint-ventures/export.xlsx",
    summary: "Download the filtered joint ventures as an Excel workbook (XLSX)",
    description:
      "The same records and columns as the CSV export, with typed cells (amounts and years as numbers, dates as dates) and a second sheet on the data: licence, the registry's last update, source and filters.",
    tag: "Joint ventures",
    query: JointVentureXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    download: true,
  },
  exportJointVenturesJson: {
    operationId: "exportJointVenturesJson",
    path: "/api/v1/joint-ventures/export.json",
    summary: "Download the filtered joint ventures as JSON",
    description: "The same records and columns as the CSV export, as a JSON array of objects.",
    tag: "Joint ventures",
    query: JointVentureExportQuerySchema,
    response: JointVentureExportDtoSchema,
    responseName: "JointVentureExport",
    download: true,
  },
  exportMeetingsXlsx: {
    operationId: "exportMeetingsXlsx",
    path: "/api/v1/meetings/export.xlsx",
    summary: "Download the meetings list as an Excel workbook (XLSX)",
    description:
      "Every meeting of the list page's filters (year, level, region, organization) in its order (sort), with dates as dates and a second sheet on the data: licence, the registry's last update, source and filters.",
    tag: "Meetings",
    query: MeetingXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    download: true,
  },
  exportMeetingsCsv: {
    operationId: "exportMeetingsCsv",
    path: "/api/v1/meetings/export.csv",
    summary: "Download the meetings list as CSV",
    description: "The same meetings and columns as the XLSX export, as UTF-8 CSV with a byte order mark.",
    tag: "Meetings",
    query: MeetingCsvExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    download: true,
  },
  listMeetings: {
    operationId: "listMeetings",
    path: "/api/v1/meetings",
    summary: "List meetings",
    description: `Newest first (by date, then by record), or oldest first with sort=date-asc, as on the meetings page. ${listDescription}`,
    tag: "Meetings",
    query: MeetingQuerySchema,
    response: MeetingListDtoSchema,
    responseName: "MeetingList",
  },
  getMeeting: {
    operationId: "getMeeting",
    path: "/api/v1/meetings/{slug}",
    summary: "One meeting",
    description: "With its participants, statements, what was discussed and the commitments made.",
    tag: "Meetings",
    pathParams: SlugPathSchema,
    response: MeetingDetailDtoSchema,
    responseName: "MeetingDetail",
    notFound: true,
  },
  listCommitments: {
    operationId: "listCommitments",
    path: "/api/v1/commitments",
    summary: "List commitments",
    description:
      "Commitments made at meetings, with the commitments page's filters (status, region, party, meeting, dueFrom, dueTo, overdue, open), " +
      `oldest record first. Public fields only: never who recorded or changed them. ${listDescription}`,
    tag: "Commitments",
    query: CommitmentQuerySchema,
    response: CommitmentListDtoSchema,
    responseName: "CommitmentList",
  },
  exportCommitmentsXlsx: {
    operationId: "exportCommitmentsXlsx",
    path: "/api/v1/commitments/export.xlsx",
    summary: "Download the commitments as an Excel workbook (XLSX)",
    description:
      "Every commitment of the commitments page's filters in its order (soonest due first, undated last), with dates as dates and a second sheet on the data. `lang=ru` for Russian headers, statuses and texts.",
    tag: "Commitments",
    query: CommitmentXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    download: true,
  },
  exportCommitmentsCsv: {
    operationId: "exportCommitmentsCsv",
    path: "/api/v1/commitments/export.csv",
    summary: "Download the commitments as CSV",
    description:
      "The same commitments and columns as the XLSX export, as UTF-8 CSV with a byte order mark; `sep=;` for spreadsheet programs set up for Russian.",
    tag: "Commitments",
    query: CommitmentCsvExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    download: true,
  },
  getCommitment: {
    operationId: "getCommitment",
    path: "/api/v1/commitments/{id}",
    summary: "One commitment",
    description: "With its parties, the meetings that followed it up and its status history (when and why, never who).",
    tag: "Commitments",
    pathParams: CommitmentPathSchema,
    response: CommitmentDetailDtoSchema,
    responseName: "CommitmentDetail",
    notFound: true,
  },
  listSectors: {
    operationId: "listSectors",
    path: "/api/v1/sectors",
    summary: "List NACE Rev. 2 sectors",
    description: `Sections (A-U) and divisions (01-99), by code. ${listDescription}`,
    tag: "Sectors",
    query: SectorQuerySchema,
    response: SectorListDtoSchema,
    responseName: "SectorList",
    maxAge: 3600,
  },
  exportSectorsXlsx: {
    operationId: "exportSectorsXlsx",
    path: "/api/v1/sectors/export.xlsx",
    summary: "Download the sectors list as an Excel workbook (XLSX)",
    description:
      "Every NACE Rev. 2 section followed by its divisions, as the sectors page lists them, with the number of live organizations in each, counts as numbers and a second sheet on the data. `lang=ru` for Russian headers, levels and names.",
    tag: "Sectors",
    query: SectorXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    download: true,
  },
  exportSectorsCsv: {
    operationId: "exportSectorsCsv",
    path: "/api/v1/sectors/export.csv",
    summary: "Download the sectors list as CSV",
    description:
      "The same sectors and columns as the XLSX export, as UTF-8 CSV with a byte order mark; `sep=;` for spreadsheet programs set up for Russian.",
    tag: "Sectors",
    query: SectorCsvExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    download: true,
  },
  getSector: {
    operationId: "getSector",
    path: "/api/v1/sectors/{code}",
    summary: "One sector",
    tag: "Sectors",
    pathParams: SectorCodePathSchema,
    response: SectorDetailDtoSchema,
    responseName: "SectorDetail",
    notFound: true,
  },
  search: {
    operationId: "search",
    path: "/api/v1/search",
    summary: "Search organizations, regions and meetings",
    description:
      "Full-text search in Russian and English, across scripts (Kursk finds Курская область) and tolerant of typos, " +
      "ranked by relevance. Paged by number (`page`, `perPage`) rather than by cursor, because ranking has no stable key. " +
      "Filters that take several values accept the parameter repeated (`kind=university&kind=enterprise`) or comma-separated. " +
      "With `facets=true`, the answer also counts how many results each filter value would keep.",
    tag: "Search",
    query: SearchQuerySchema,
    response: SearchResultDtoSchema,
    responseName: "SearchResult",
  },
  suggest: {
    operationId: "suggest",
    path: "/api/v1/search/suggest",
    summary: "Suggestions for a search box",
    description: "Records whose names start with what has been typed, in either script.",
    tag: "Search",
    query: SuggestQuerySchema,
    response: SuggestionListDtoSchema,
    responseName: "SuggestionList",
  },
  listTradePairs: {
    operationId: "listTradePairs",
    path: "/api/v1/trade",
    summary: "Region pairs ranked by trade",
    description:
      "Pairs of regions ranked by turnover (largest first) or by growth on the year before (largest first; pairs without growth last), " +
      "ties broken by the regions' English names. Without `year` each pair is ranked by its latest recorded year; with it, by that " +
      "year's figure, and pairs without one are left out. Growth is computed from stored figures only. Paged by number (`page`, " +
      "`perPage`) rather than by cursor, because a ranking has no stable key.",
    tag: "Trade",
    query: TradeQuerySchema,
    response: TradePairListDtoSchema,
    responseName: "TradePairList",
  },
  exportTradePairsCsv: {
    operationId: "exportTradePairsCsv",
    path: "/api/v1/trade/export.csv",
    summary: "Download the ranked region pairs as CSV",
    description: "Every pair of the ranking with these filters, in its order, as UTF-8 CSV with a byte order mark.",
    tag: "Trade",
    query: TradeExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    download: true,
  },
  exportTradePairsXlsx: {
    operationId: "exportTradePairsXlsx",
    path: "/api/v1/trade/export.xlsx",
    summary: "Download the ranked region pairs as an Excel workbook (XLSX)",
    description: "The same pairs and columns as the CSV export, with typed cells and a second sheet on the data.",
    tag: "Trade",
    query: TradeXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    download: true,
  },
  getTradePair: {
    operationId: "getTradePair",
    path: "/api/v1/trade/{slug}/{partner}",
    summary: "Trade between two regions by year",
    description:
      "Every recorded year, oldest first, seen from the first region (its exports and imports), whichever way each figure was filed; " +
      "growth on the stored year before, or why there is none. Either order of the two regions names the same pair.",
    tag: "Trade",
    pathParams: TradePairPathSchema,
    response: TradePairDetailDtoSchema,
    responseName: "TradePairDetail",
    notFound: true,
  },
  exportTradePairCsv: {
    operationId: "exportTradePairCsv",
    path: "/api/v1/trade/{slug}/{partner}/export.csv",
    summary: "Download the trade between two regions as CSV",
    description: "The same years as getTradePair, one line a year, as UTF-8 CSV with a byte order mark.",
    tag: "Trade",
    pathParams: TradePairPathSchema,
    query: TradePairExportQuerySchema,
    response: z.string(),
    contentType: "text/csv",
    notFound: true,
    download: true,
  },
  exportTradePairXlsx: {
    operationId: "exportTradePairXlsx",
    path: "/api/v1/trade/{slug}/{partner}/export.xlsx",
    summary: "Download the trade between two regions as an Excel workbook (XLSX)",
    description: "The same years as the CSV export, with typed cells and a second sheet on the data.",
    tag: "Trade",
    pathParams: TradePairPathSchema,
    query: TradePairXlsxExportQuerySchema,
    response: z.string(),
    contentType: XLSX,
    notFound: true,
    download: true,
  },
  downloadDump: {
    operationId: "downloadDump",
    path: "/api/v1/dump.zip",
    summary: "Download the whole registry: a ZIP of CSV files with a Frictionless Data Package description",
    description:
      "Every public record type as a UTF-8 CSV (regions, sectors, organizations, joint-venture partners and shares, meetings, " +
      "their participants, what was said and what they discussed, commitments with their parties and follow-ups, trade figures), `datapackage.json` describing each " +
      "column (Table Schema: type, constraints, primary and foreign keys), the licence (LICENSE.txt) and `metadata.json` (licence, " +
      "the registry's last update). Rebuilt in the background shortly after each change; `ETag` is the file's SHA-256. " +
      "503 with `Retry-After` until the first build is done.",
    tag: "Open data",
    query: z.strictObject({}),
    response: z.string(),
    contentType: "application/zip",
    download: true,
    stored: true,
  },
  index: {
    operationId: "getApiIndex",
    path: "/api/v1",
    summary: "What this API offers: its endpoints and where its description is",
    tag: "Meta",
    query: z.strictObject({}),
    response: z.object({
      openapi: z.string().describe("The path of the OpenAPI 3.1 document."),
      endpoints: z.array(z.object({ path: z.string(), summary: z.string() })),
    }),
    responseName: "ApiIndex",
    maxAge: 300,
  },
  openapi: {
    operationId: "getOpenApiDocument",
    path: "/api/v1/openapi.json",
    summary: "This description of the API (OpenAPI 3.1)",
    tag: "Meta",
    query: z.strictObject({}),
    response: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
    maxAge: 300,
  },
} as const satisfies Record<string, Operation>;

/** Every operation, in the order the OpenAPI document lists them. */
export function allOperations(): Operation[] {
  return Object.values(operations);
}
