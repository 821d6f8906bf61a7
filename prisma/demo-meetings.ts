/**
 * The demo scenario of ../shared/docs/domain.md: the meeting of 10 March 2015 as its source document reports it
 * (what was said, what was proposed), and synthetic follow-up meetings labelled as demo data.
 */
import type { Prisma } from "../lib/generated/prisma/client.ts";

/** The meeting of the demo scenario, with the facts of the source document and nothing more. */
export const demoMeeting = {
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
  sourceTitleRu: "Сообщение о встрече Президента Беларуси с губернатором Курской области, 10 марта 2015 года",
} satisfies Omit<Prisma.MeetingCreateInput, "regions">;

/** Who met, each on the side of a region (by slug). */
export const demoParticipants = [
  {
    position: 1,
    personEn: "Aleksandr Lukashenko",
    personRu: "Александр Лукашенко",
    roleEn: "President of the Republic of Belarus",
    roleRu: "Президент Республики Беларусь",
    sideRegionSlug: "belarus",
  },
  {
    position: 2,
    personEn: "Alexander Mikhailov",
    personRu: "Александр Михайлов",
    roleEn: "Governor of Kursk Oblast",
    roleRu: "Губернатор Курской области",
    sideRegionSlug: "kursk-oblast",
  },
];

/** What the meeting noted of each region (by slug). */
export const demoRegionNotes = [
  {
    regionSlug: "kursk-oblast",
    note: "Relations with Belarus show positive dynamics; trade grew by more than 10% in 2014 to $250 million.",
  },
  {
    regionSlug: "belarus",
    note: "Interregional cooperation with Kursk Oblast; more Kursk enterprises and universities want bilateral contacts.",
  },
];

export const demoStatements = [
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

export const demoCommitments = [
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
export const demoFollowUpMeetings = [
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
