/**
 * Word lists for the synthetic registry of `npm run bench`: real region names, and parts from which the
 * generator builds plausible Russian registered names with their English counterparts.
 */

export type RegionWords = { slug: string; nameEn: string; nameRu: string; level: "region" | "city"; country: "RU" | "BY"; parent?: string };

/** Russian regions and Belarusian cities beyond the seed's, so that lists and facets have realistic spread. */
export const extraRegions: readonly RegionWords[] = [
  ...(
    [
      ["moscow-oblast", "Moscow Oblast", "Московская область"],
      ["smolensk-oblast", "Smolensk Oblast", "Смоленская область"],
      ["pskov-oblast", "Pskov Oblast", "Псковская область"],
      ["tver-oblast", "Tver Oblast", "Тверская область"],
      ["kaluga-oblast", "Kaluga Oblast", "Калужская область"],
      ["tula-oblast", "Tula Oblast", "Тульская область"],
      ["oryol-oblast", "Oryol Oblast", "Орловская область"],
      ["lipetsk-oblast", "Lipetsk Oblast", "Липецкая область"],
      ["voronezh-oblast", "Voronezh Oblast", "Воронежская область"],
      ["tambov-oblast", "Tambov Oblast", "Тамбовская область"],
      ["ryazan-oblast", "Ryazan Oblast", "Рязанская область"],
      ["vladimir-oblast", "Vladimir Oblast", "Владимирская область"],
      ["yaroslavl-oblast", "Yaroslavl Oblast", "Ярославская область"],
      ["kostroma-oblast", "Kostroma Oblast", "Костромская область"],
      ["ivanovo-oblast", "Ivanovo Oblast", "Ивановская область"],
      ["novgorod-oblast", "Novgorod Oblast", "Новгородская область"],
      ["leningrad-oblast", "Leningrad Oblast", "Ленинградская область"],
      ["vologda-oblast", "Vologda Oblast", "Вологодская область"],
      ["arkhangelsk-oblast", "Arkhangelsk Oblast", "Архангельская область"],
      ["murmansk-oblast", "Murmansk Oblast", "Мурманская область"],
      ["kaliningrad-oblast", "Kaliningrad Oblast", "Калининградская область"],
      ["nizhny-novgorod-oblast", "Nizhny Novgorod Oblast", "Нижегородская область"],
      ["kirov-oblast", "Kirov Oblast", "Кировская область"],
      ["penza-oblast", "Penza Oblast", "Пензенская область"],
      ["saratov-oblast", "Saratov Oblast", "Саратовская область"],
      ["samara-oblast", "Samara Oblast", "Самарская область"],
      ["ulyanovsk-oblast", "Ulyanovsk Oblast", "Ульяновская область"],
      ["volgograd-oblast", "Volgograd Oblast", "Волгоградская область"],
      ["astrakhan-oblast", "Astrakhan Oblast", "Астраханская область"],
      ["rostov-oblast", "Rostov Oblast", "Ростовская область"],
      ["orenburg-oblast", "Orenburg Oblast", "Оренбургская область"],
      ["chelyabinsk-oblast", "Chelyabinsk Oblast", "Челябинская область"],
      ["sverdlovsk-oblast", "Sverdlovsk Oblast", "Свердловская область"],
      ["kurgan-oblast", "Kurgan Oblast", "Курганская область"],
      ["tyumen-oblast", "Tyumen Oblast", "Тюменская область"],
      ["omsk-oblast", "Omsk Oblast", "Омская область"],
      ["novosibirsk-oblast", "Novosibirsk Oblast", "Новосибирская область"],
      ["tomsk-oblast", "Tomsk Oblast", "Томская область"],
      ["kemerovo-oblast", "Kemerovo Oblast", "Кемеровская область"],
      ["irkutsk-oblast", "Irkutsk Oblast", "Иркутская область"],
      ["amur-oblast", "Amur Oblast", "Амурская область"],
      ["sakhalin-oblast", "Sakhalin Oblast", "Сахалинская область"],
      ["krasnodar-krai", "Krasnodar Krai", "Краснодарский край"],
      ["stavropol-krai", "Stavropol Krai", "Ставропольский край"],
      ["perm-krai", "Perm Krai", "Пермский край"],
      ["altai-krai", "Altai Krai", "Алтайский край"],
      ["krasnoyarsk-krai", "Krasnoyarsk Krai", "Красноярский край"],
      ["primorsky-krai", "Primorsky Krai", "Приморский край"],
      ["khabarovsk-krai", "Khabarovsk Krai", "Хабаровский край"],
      ["tatarstan", "Republic of Tatarstan", "Республика Татарстан"],
      ["bashkortostan", "Republic of Bashkortostan", "Республика Башкортостан"],
      ["chuvashia", "Chuvash Republic", "Чувашская Республика"],
      ["udmurtia", "Udmurt Republic", "Удмуртская Республика"],
      ["mordovia", "Republic of Mordovia", "Республика Мордовия"],
      ["mari-el", "Mari El Republic", "Республика Марий Эл"],
      ["karelia", "Republic of Karelia", "Республика Карелия"],
      ["komi", "Komi Republic", "Республика Коми"],
    ] as const
  ).map(([slug, nameEn, nameRu]) => ({ slug, nameEn, nameRu, level: "region" as const, country: "RU" as const, parent: "russia" })),
  { slug: "moscow", nameEn: "Moscow", nameRu: "Москва", level: "city", country: "RU", parent: "russia" },
  { slug: "saint-petersburg", nameEn: "Saint Petersburg", nameRu: "Санкт-Петербург", level: "city", country: "RU", parent: "russia" },
  ...(
    [
      ["bobruisk", "Bobruisk", "Бобруйск", "mogilev-region"],
      ["baranovichi", "Baranovichi", "Барановичи", "brest-region"],
      ["borisov", "Borisov", "Борисов", "minsk-region"],
      ["pinsk", "Pinsk", "Пинск", "brest-region"],
      ["orsha", "Orsha", "Орша", "vitebsk-region"],
      ["mozyr", "Mozyr", "Мозырь", "gomel-region"],
      ["soligorsk", "Soligorsk", "Солигорск", "minsk-region"],
      ["novopolotsk", "Novopolotsk", "Новополоцк", "vitebsk-region"],
      ["lida", "Lida", "Лида", "grodno-region"],
      ["molodechno", "Molodechno", "Молодечно", "minsk-region"],
      ["polotsk", "Polotsk", "Полоцк", "vitebsk-region"],
      ["zhlobin", "Zhlobin", "Жлобин", "gomel-region"],
      ["svetlogorsk", "Svetlogorsk", "Светлогорск", "gomel-region"],
      ["rechitsa", "Rechitsa", "Речица", "gomel-region"],
      ["zhodino", "Zhodino", "Жодино", "minsk-region"],
      ["slutsk", "Slutsk", "Слуцк", "minsk-region"],
      ["kobrin", "Kobrin", "Кобрин", "brest-region"],
      ["volkovysk", "Volkovysk", "Волковыск", "grodno-region"],
      ["kalinkovichi", "Kalinkovichi", "Калинковичи", "gomel-region"],
      ["smorgon", "Smorgon", "Сморгонь", "grodno-region"],
      ["rogachev", "Rogachev", "Рогачёв", "gomel-region"],
      ["osipovichi", "Osipovichi", "Осиповичи", "mogilev-region"],
      ["gorki", "Gorki", "Горки", "mogilev-region"],
      ["novogrudok", "Novogrudok", "Новогрудок", "grodno-region"],
      ["krichev", "Krichev", "Кричев", "mogilev-region"],
    ] as const
  ).map(([slug, nameEn, nameRu, parent]) => ({ slug, nameEn, nameRu, level: "city" as const, country: "BY" as const, parent })),
];

/** Place adjectives as a stem plus the masculine/feminine/neuter ending, with the English word. */
export const placeAdjectives: readonly (readonly [string, string])[] = [
  ["Курск", "Kursk"], ["Брестск", "Brest"], ["Гомельск", "Gomel"], ["Минск", "Minsk"], ["Витебск", "Vitebsk"],
  ["Могилёвск", "Mogilev"], ["Гродненск", "Grodno"], ["Белгородск", "Belgorod"], ["Брянск", "Bryansk"],
  ["Смоленск", "Smolensk"], ["Орловск", "Oryol"], ["Тульск", "Tula"], ["Калужск", "Kaluga"], ["Воронежск", "Voronezh"],
  ["Липецк", "Lipetsk"], ["Псковск", "Pskov"], ["Тверск", "Tver"], ["Рязанск", "Ryazan"], ["Ярославск", "Yaroslavl"],
  ["Пензенск", "Penza"], ["Саратовск", "Saratov"], ["Самарск", "Samara"], ["Уральск", "Ural"], ["Сибирск", "Siberian"],
  ["Волжск", "Volga"], ["Донск", "Don"], ["Полесск", "Polesye"], ["Днепровск", "Dnieper"], ["Бобруйск", "Bobruisk"],
  ["Пинск", "Pinsk"], ["Оршанск", "Orsha"], ["Мозырск", "Mozyr"], ["Борисовск", "Borisov"], ["Лидск", "Lida"],
  ["Полоцк", "Polotsk"], ["Слуцк", "Slutsk"], ["Московск", "Moscow"], ["Казанск", "Kazan"], ["Кировск", "Kirov"],
  ["Омск", "Omsk"],
];

/** Kinds of enterprise: the noun, its grammatical gender (ending index) and the English word. */
export const enterpriseNouns: readonly (readonly [string, 0 | 1 | 2, string])[] = [
  ["завод", 0, "Plant"], ["комбинат", 0, "Works"], ["фабрика", 1, "Factory"], ["предприятие", 2, "Enterprise"],
  ["объединение", 2, "Association"], ["трест", 0, "Trust"], ["агрокомбинат", 0, "Agricultural Works"], ["холдинг", 0, "Holding"],
];

export const adjectiveEndings = ["ий", "ая", "ое"] as const;

/** What an enterprise makes, in the genitive as Russian names have it, with the English words. */
export const products: readonly (readonly [string, string])[] = [
  ["тракторных запчастей", "Tractor Parts"], ["металлоконструкций", "Steel Structures"], ["молочных продуктов", "Dairy Products"],
  ["строительных материалов", "Building Materials"], ["сельскохозяйственной техники", "Agricultural Machinery"],
  ["минеральных удобрений", "Mineral Fertilisers"], ["мебели", "Furniture"], ["электроники", "Electronics"],
  ["подшипников", "Bearings"], ["кабельной продукции", "Cables"], ["пищевых концентратов", "Food Concentrates"],
  ["упаковки", "Packaging"], ["стекловолокна", "Glass Fibre"], ["автокомпонентов", "Automotive Components"],
  ["бытовой химии", "Household Chemicals"], ["хлебобулочных изделий", "Bakery Products"], ["мясных продуктов", "Meat Products"],
  ["обуви", "Footwear"], ["трикотажа", "Knitwear"], ["льноволокна", "Flax Fibre"], ["сахара", "Sugar"], ["комбикормов", "Compound Feed"],
  ["насосного оборудования", "Pumps"], ["электродвигателей", "Electric Motors"], ["станков", "Machine Tools"],
  ["шин", "Tyres"], ["керамики", "Ceramics"], ["полимерных труб", "Polymer Pipes"], ["лакокрасочных материалов", "Paints and Coatings"],
  ["медицинских изделий", "Medical Devices"], ["оптики", "Optics"], ["грузовых автомобилей", "Trucks"], ["лифтов", "Lifts"],
  ["холодильников", "Refrigerators"], ["древесных плит", "Wood Panels"], ["бумаги", "Paper"], ["цемента", "Cement"],
  ["кирпича", "Bricks"], ["стекла", "Glass"], ["светотехники", "Lighting"],
];

export const legalForms = ["ОАО", "ЗАО", "ООО", "АО", "ПАО", "УП", "ЧУП"] as const;
export const ventureForms = ["СООО", "СП ООО", "ИООО", "СП ЗАО"] as const;

/** Syllables of trade names such as «Белагромаш», with their romanised forms. */
export const brandHeads: readonly (readonly [string, string])[] = [
  ["Бел", "Bel"], ["Курск", "Kursk"], ["Гом", "Gom"], ["Брест", "Brest"], ["Мин", "Min"], ["Смол", "Smol"], ["Тул", "Tul"],
  ["Вит", "Vit"], ["Гродн", "Grodn"], ["Мог", "Mog"], ["Рос", "Ros"], ["Волж", "Volzh"], ["Сиб", "Sib"], ["Днепр", "Dnepr"],
];
export const brandMiddles: readonly (readonly [string, string])[] = [
  ["тех", "tekh"], ["агро", "agro"], ["хим", "khim"], ["сельхоз", "selkhoz"], ["строй", "stroy"], ["энерго", "energo"],
  ["лес", "les"], ["торг", "torg"], ["авто", "avto"], ["мет", "met"], ["пласт", "plast"], ["электро", "elektro"],
];
export const brandTails: readonly (readonly [string, string])[] = [
  ["маш", "mash"], ["пром", "prom"], ["строй", "stroy"], ["комплект", "komplekt"], ["сервис", "servis"], ["снаб", "snab"],
  ["трейд", "treyd"], ["продукт", "produkt"], ["инвест", "invest"],
];

/** Universities: the Russian adjective phrase (feminine/masculine forms follow the noun) and the English. */
export const universityTypes: readonly (readonly [string, string])[] = [
  ["государственный университет", "State University"],
  ["государственный технический университет", "State Technical University"],
  ["государственный аграрный университет", "State Agrarian University"],
  ["государственный медицинский университет", "State Medical University"],
  ["государственный педагогический университет", "State Pedagogical University"],
  ["государственный экономический университет", "State University of Economics"],
  ["политехнический институт", "Polytechnic Institute"],
  ["институт пищевых технологий", "Institute of Food Technology"],
];

export const fieldsOfStudy = [
  "машиностроение", "агрономия", "ветеринария", "экономика", "информатика", "химическая технология", "медицина",
  "педагогика", "строительство", "энергетика", "пищевые технологии", "логистика",
] as const;

/** Meeting titles: an English and a Russian pattern around the two sides' names. */
export const meetingTopics: readonly (readonly [string, string])[] = [
  ["Working group on agricultural machinery", "Рабочая группа по сельскохозяйственному машиностроению"],
  ["Talks on trade and economic cooperation", "Переговоры о торгово-экономическом сотрудничестве"],
  ["Business forum", "Деловой форум"],
  ["Intergovernmental commission session", "Заседание межправительственной комиссии"],
  ["Visit of the regional delegation", "Визит делегации региона"],
  ["Meeting on joint ventures", "Совещание по совместным предприятиям"],
  ["Round table on food industry supplies", "Круглый стол по поставкам пищевой промышленности"],
  ["Talks on energy and transport", "Переговоры по энергетике и транспорту"],
  ["Conference of university rectors", "Конференция ректоров университетов"],
  ["Exhibition of regional manufacturers", "Выставка региональных производителей"],
  ["Consultations on building materials", "Консультации по строительным материалам"],
  ["Forum of the regions", "Форум регионов"],
];

export const linkNotes = [
  "Presented its products to the delegation.",
  "Discussed supplies for the coming year.",
  "Proposed a joint assembly line.",
  "Signed a memorandum of intent.",
  "Asked for support with customs procedures.",
  "Reported on the progress of the joint project.",
  "Обсуждались поставки комплектующих.",
  "Представлен проект совместного производства.",
  "Подписан протокол о намерениях.",
  "Рассмотрен вопрос о кооперации в сфере образования.",
] as const;
