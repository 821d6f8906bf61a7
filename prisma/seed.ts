/**
 * Loads the reference data (NACE Rev. 2, countries, regions) and the demo scenario of
 * ../shared/docs/domain.md. Idempotent: a record that exists is left as it is, so a second run adds nothing
 * and never overwrites what staff have changed since.
 *
 *   DATABASE_URL=... npm run db:seed
 */
import { pathToFileURL } from "node:url";
import { createPrismaClient, type Db } from "../lib/db/prisma-client.ts";
import type { Prisma } from "../lib/generated/prisma/client.ts";
import { naceDivisions, naceSections } from "./nace.ts";
import { demoOrganizations } from "./demo-organizations.ts";

const countries = [
  { code: "BY", nameEn: "Belarus", nameRu: "Беларусь" },
  { code: "RU", nameEn: "Russia", nameRu: "Россия" },
];

type RegionSeed = Omit<Prisma.RegionUncheckedCreateInput, "parentId"> & { parentSlug?: string };

const regions: RegionSeed[] = [
  { slug: "belarus", nameEn: "Belarus", nameRu: "Беларусь", isoCode: "BY", level: "country", countryCode: "BY" },
  { slug: "minsk", nameEn: "Minsk", nameRu: "Минск", isoCode: "BY-HM", level: "city", countryCode: "BY", parentSlug: "belarus" },
  {
    slug: "minsk-region",
    nameEn: "Minsk Region",
    nameRu: "Минская область",
    isoCode: "BY-MI",
    level: "region",
    countryCode: "BY",
    parentSlug: "belarus",
  },
  {
    slug: "brest-region",
    nameEn: "Brest Region",
    nameRu: "Брестская область",
    isoCode: "BY-BR",
    level: "region",
    countryCode: "BY",
    parentSlug: "belarus",
  },
  {
    slug: "gomel-region",
    nameEn: "Gomel Region",
    nameRu: "Гомельская область",
    isoCode: "BY-HO",
    level: "region",
    countryCode: "BY",
    parentSlug: "belarus",
  },
  {
    slug: "grodno-region",
    nameEn: "Grodno Region",
    nameRu: "Гродненская область",
    isoCode: "BY-HR",
    level: "region",
    countryCode: "BY",
    parentSlug: "belarus",
  },
  {
    slug: "mogilev-region",
    nameEn: "Mogilev Region",
    nameRu: "Могилёвская область",
    isoCode: "BY-MA",
    level: "region",
    countryCode: "BY",
    parentSlug: "belarus",
  },
  {
    slug: "vitebsk-region",
    nameEn: "Vitebsk Region",
    nameRu: "Витебская область",
    isoCode: "BY-VI",
    level: "region",
    countryCode: "BY",
    parentSlug: "belarus",
  },
  { slug: "russia", nameEn: "Russia", nameRu: "Россия", isoCode: "RU", level: "country", countryCode: "RU" },
  {
    slug: "kursk-oblast",
    nameEn: "Kursk Oblast",
    nameRu: "Курская область",
    isoCode: "RU-KRS",
    level: "region",
    countryCode: "RU",
    parentSlug: "russia",
  },
  {
    slug: "belgorod-oblast",
    nameEn: "Belgorod Oblast",
    nameRu: "Белгородская область",
    isoCode: "RU-BEL",
    level: "region",
    countryCode: "RU",
    parentSlug: "russia",
  },
  {
    slug: "bryansk-oblast",
    nameEn: "Bryansk Oblast",
    nameRu: "Брянская область",
    isoCode: "RU-BRY",
    level: "region",
    countryCode: "RU",
    parentSlug: "russia",
  },
];

/** The meeting of the demo scenario, with the facts of the source document and nothing more. */
const demoMeeting = {
  slug: "2015-03-10-lukashenko-mikhailov",
  titleEn: "President of Belarus meets the Governor of Kursk Oblast",
  titleRu: "Встреча Президента Беларуси с губернатором Курской области",
  date: new Date("2015-03-10T00:00:00Z"),
  placeEn: "Minsk",
  placeRu: "Минск",
  level: "head_of_state",
  summaryEn:
    "Aleksandr Lukashenko, President of Belarus, met Alexander Mikhailov, Governor of Kursk Oblast. They discussed " +
    "the growth of trade between Belarus and Kursk Oblast, joint ventures, and closer ties between Belarusian and Kursk enterprises.",
  summaryRu:
    "Президент Беларуси Александр Лукашенко встретился с губернатором Курской области Александром Михайловым. Обсуждались " +
    "рост товарооборота между Беларусью и Курской областью, совместные предприятия и более тесная кооперация предприятий.",
  sourceTitle: "Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015",
} satisfies Omit<Prisma.MeetingCreateInput, "regions">;

const statements = [
  {
    speakerEn: "Aleksandr Lukashenko",
    speakerRu: "Александр Лукашенко",
    textEn: "Belarus and Russia built their union openly; interregional cooperation saved Belarus-Russia relations.",
    textRu: "Беларусь и Россия строили свой союз открыто; межрегиональное сотрудничество спасло белорусско-российские отношения.",
  },
  {
    speakerEn: "Aleksandr Lukashenko",
    speakerRu: "Александр Лукашенко",
    textEn: "Relations between Belarus and Kursk Oblast show positive dynamics.",
    textRu: "Отношения Беларуси и Курской области демонстрируют положительную динамику.",
  },
  {
    speakerEn: "Aleksandr Lukashenko",
    speakerRu: "Александр Лукашенко",
    textEn:
      "Trade between Belarus and Kursk Oblast grew by more than 10% in 2014 to reach $250 million, about the average of Belarus's trade with a former Soviet republic.",
    textRu:
      "Товарооборот Беларуси и Курской области в 2014 году вырос более чем на 10% и достиг $250 млн — примерно среднего уровня торговли Беларуси с бывшей советской республикой.",
  },
  {
    speakerEn: "Aleksandr Lukashenko",
    speakerRu: "Александр Лукашенко",
    textEn: "Many joint ventures already operate successfully.",
    textRu: "Многие совместные предприятия уже успешно работают.",
  },
  {
    speakerEn: "Alexander Mikhailov",
    speakerRu: "Александр Михайлов",
    textEn: "Bilateral trade needs more momentum; cooperation with Belarus is on the rise.",
    textRu: "Двусторонней торговле нужен новый импульс; сотрудничество с Беларусью набирает обороты.",
  },
  {
    speakerEn: "Alexander Mikhailov",
    speakerRu: "Александр Михайлов",
    textEn: "The number of Kursk Oblast enterprises and higher education establishments willing to take part in bilateral contacts grows.",
    textRu: "Растёт число предприятий и вузов Курской области, желающих участвовать в двусторонних контактах.",
  },
];

const commitments = [
  {
    textEn: "Belarusian and Kursk enterprises should be more tightly intertwined, as parts of a single manufacturing chain.",
    textRu: "Белорусские и курские предприятия должны теснее переплетаться, становясь частями единой производственной цепочки.",
  },
  {
    textEn: "Joint projects should be discussed in detail.",
    textRu: "Совместные проекты следует детально обсуждать.",
  },
  {
    textEn: "Agreements, once made, are to be honored.",
    textRu: "Достигнутые договорённости должны выполняться.",
  },
];

/** Synthetic meetings (labelled as demo data), so that organizations have timelines to show. */
const demoFollowUpMeetings = [
  {
    slug: "2015-06-18-belarus-kursk-business-forum",
    titleEn: "Belarus–Kursk Oblast business forum",
    titleRu: "Белорусско-курский деловой форум",
    date: new Date("2015-06-18T00:00:00Z"),
    placeEn: "Kursk",
    placeRu: "Курск",
    level: "business_forum",
    summaryEn: "Enterprises and universities of both sides presented joint projects, following up the meeting of 10 March 2015.",
    summaryRu: "Предприятия и вузы обеих сторон представили совместные проекты по итогам встречи 10 марта 2015 года.",
    regions: ["belarus", "kursk-oblast"],
    followsUpCommitment: 1,
    links: [
      { organization: "sozh-tuskar-harvesters", note: "Presented plans for a shared harvester assembly line in Kursk." },
      { organization: "tuskar-agromash", note: "Offered to supply frames and cabins to the harvester line." },
      { organization: "sozh-agrotekhnika", note: "Ready to move part of its assembly to the joint venture." },
      { organization: "tuskar-agroengineering-academy", note: "Proposed joint training of service engineers." },
    ],
  },
  {
    slug: "2016-02-10-agricultural-machinery-working-group",
    titleEn: "Working group on agricultural machinery",
    titleRu: "Рабочая группа по сельскохозяйственному машиностроению",
    date: new Date("2016-02-10T00:00:00Z"),
    placeEn: "Minsk",
    placeRu: "Минск",
    level: "agency",
    summaryEn: "Officials of both sides reviewed the harvester project and the supply of sugar-beet equipment.",
    summaryRu: "Представители сторон рассмотрели проект по комбайнам и поставки оборудования для сахарной свёклы.",
    regions: ["minsk", "kursk-oblast"],
    followsUpCommitment: 0,
    links: [
      { organization: "sozh-tuskar-harvesters", note: "First 40 harvesters assembled; parts localisation at 35%." },
      { organization: "chernozem-sugar", note: "Asked for Belarusian beet harvesters for the 2016 season." },
    ],
  },
] as const;

export type SeedOptions = {
  /** Creates the demo staff login (the embedded default and the tests only). */
  demoStaff?: { email: string; name: string; passwordHash: string };
};

export async function seedDatabase(prisma: Db, options: SeedOptions = {}) {
  await prisma.$transaction(
    async (tx) => {
      await tx.sector.createMany({
        data: naceSections.map((s) => ({ code: s.code, level: "section" as const, nameEn: s.nameEn, nameRu: s.nameRu })),
        skipDuplicates: true,
      });
      await tx.sector.createMany({
        data: naceDivisions.map((d) => ({ ...d, level: "division" as const })),
        skipDuplicates: true,
      });
      await tx.country.createMany({ data: countries, skipDuplicates: true });

      const regionIds = new Map<string, number>();
      for (const { parentSlug, ...region } of regions) {
        const parentId = parentSlug ? regionIds.get(parentSlug) : undefined;
        const row = await tx.region.upsert({
          where: { slug: region.slug },
          create: { ...region, parentId },
          update: {},
          select: { id: true },
        });
        regionIds.set(region.slug, row.id);
      }
      const regionId = (slug: string) => {
        const id = regionIds.get(slug);
        if (id === undefined) throw new Error(`The seed names an unknown region: ${slug}`);
        return id;
      };

      const organizationIds = new Map<string, number>();
      for (const org of demoOrganizations) {
        const existing = await tx.organization.findUnique({ where: { slug: org.slug }, select: { id: true } });
        if (existing) {
          organizationIds.set(org.slug, existing.id);
          continue;
        }
        const region = regions.find((r) => r.slug === org.regionSlug);
        const created = await tx.organization.create({
          data: {
            slug: org.slug,
            kind: org.kind,
            name: org.name,
            nameEn: org.nameEn,
            otherNames: org.otherNames,
            regionId: regionId(org.regionSlug),
            countryCode: region?.countryCode ?? "",
            status: org.status,
            foundedYear: org.foundedYear,
            website: org.website,
            descriptionEn: org.descriptionEn,
            descriptionRu: org.descriptionRu,
            registrationNumber: org.registrationNumber,
            capitalAmount: org.capital?.amount,
            capitalCurrency: org.capital?.currency,
            products: org.products,
            fieldsOfStudy: org.fieldsOfStudy ?? [],
            isDemo: true,
            sectors: { create: org.sectors.map((code, i) => ({ sectorCode: code, isPrimary: i === 0 })) },
          },
          select: { id: true },
        });
        organizationIds.set(org.slug, created.id);
        for (const partner of org.partners ?? []) {
          await tx.jointVenturePartner.create({
            data: {
              ventureId: created.id,
              partnerOrganizationId: partner.organizationSlug ? organizationIds.get(partner.organizationSlug) : undefined,
              partnerRegionId: partner.regionSlug ? regionId(partner.regionSlug) : undefined,
              sharePercent: partner.sharePercent,
            },
          });
        }
      }

      const belarus = regionId("belarus");
      const kursk = regionId("kursk-oblast");
      const meetingExists = await tx.meeting.findUnique({ where: { slug: demoMeeting.slug }, select: { id: true } });
      if (!meetingExists) {
        await tx.meeting.create({
          data: {
            ...demoMeeting,
            regions: { create: [{ regionId: belarus }, { regionId: kursk }] },
            participants: {
              create: [
                {
                  position: 1,
                  personEn: "Aleksandr Lukashenko",
                  personRu: "Александр Лукашенко",
                  roleEn: "President of the Republic of Belarus",
                  roleRu: "Президент Республики Беларусь",
                  sideRegionId: belarus,
                },
                {
                  position: 2,
                  personEn: "Alexander Mikhailov",
                  personRu: "Александр Михайлов",
                  roleEn: "Governor of Kursk Oblast",
                  roleRu: "Губернатор Курской области",
                  sideRegionId: kursk,
                },
              ],
            },
            statements: { create: statements.map((s, i) => ({ ...s, position: i + 1 })) },
            commitments: {
              create: commitments.map((c) => ({
                ...c,
                status: "proposed" as const,
                parties: { create: [{ regionId: belarus }, { regionId: kursk }] },
              })),
            },
            discussionLinks: {
              create: [
                {
                  regionId: kursk,
                  note: "Relations with Belarus show positive dynamics; trade grew by more than 10% in 2014 to $250 million.",
                },
                {
                  regionId: belarus,
                  note: "Interregional cooperation with Kursk Oblast; more Kursk enterprises and universities want bilateral contacts.",
                },
              ],
            },
          },
        });
      }

      const proposals = await tx.commitment.findMany({
        where: { meeting: { slug: demoMeeting.slug } },
        orderBy: { id: "asc" },
        select: { id: true },
      });
      for (const { links, regions: regionSlugs, followsUpCommitment, ...meeting } of demoFollowUpMeetings) {
        if (await tx.meeting.findUnique({ where: { slug: meeting.slug }, select: { id: true } })) continue;
        const followed = proposals[followsUpCommitment];
        await tx.meeting.create({
          data: {
            ...meeting,
            isDemo: true,
            regions: { create: regionSlugs.map((slug) => ({ regionId: regionId(slug) })) },
            discussionLinks: {
              create: links.map((link) => {
                const organizationId = organizationIds.get(link.organization);
                if (organizationId === undefined) throw new Error(`The seed names an unknown organization: ${link.organization}`);
                return { organizationId, note: link.note };
              }),
            },
            followedUp: followed ? { create: [{ commitmentId: followed.id }] } : undefined,
          },
        });
      }

      await tx.tradeFigure.upsert({
        where: { regionId_partnerRegionId_year: { regionId: kursk, partnerRegionId: belarus, year: 2014 } },
        create: {
          regionId: kursk,
          partnerRegionId: belarus,
          year: 2014,
          turnoverUsd: "250000000.00",
          sourceTitle: demoMeeting.sourceTitle,
        },
        update: {},
      });

      if (options.demoStaff) {
        await tx.user.upsert({
          where: { email: options.demoStaff.email },
          create: { ...options.demoStaff, role: "editor" },
          update: {},
        });
      }
    },
    { timeout: 60_000 },
  );
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the seed needs the database to load.");
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma);
    console.log("Seed loaded.");
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
