/** The countries and regions of the registry's reference data, each region after its parent. Reference data for the seed. */
import type { Prisma } from "../lib/generated/prisma/client.ts";

export const countries = [
  { code: "BY", nameEn: "Belarus", nameRu: "Беларусь" },
  { code: "RU", nameEn: "Russia", nameRu: "Россия" },
];

export type RegionSeed = Omit<Prisma.RegionUncheckedCreateInput, "parentId"> & { parentSlug?: string };

export const regions: readonly RegionSeed[] = [
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
