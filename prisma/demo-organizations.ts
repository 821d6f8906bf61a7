/** Synthetic demo organizations: fictional, labelled as demo data in the interface. */
export type DemoOrganization = {
  slug: string;
  kind: "enterprise" | "university" | "joint_venture";
  name: string;
  nameEn: string;
  otherNames: string[];
  regionSlug: string;
  status: "planned" | "active" | "closed";
  /** NACE Rev. 2 division codes; the first one is the primary sector. */
  sectors: string[];
  foundedYear: number | null;
  /** Always on the reserved `.example` domain, so no demo link leads to a real site. */
  website: string | null;
  descriptionEn: string;
  descriptionRu: string;
  /** INN (10 digits) in Russia, UNP (9 digits) in Belarus; fictional, with valid check digits. */
  registrationNumber: string | null;
  capital?: { amount: string; currency: "USD" | "RUB" | "BYN" | "EUR" };
  products?: string;
  fieldsOfStudy?: string[];
  /** Each partner is either an organization listed earlier in this array or a regional government. */
  partners?: { organizationSlug?: string; regionSlug?: string; sharePercent: number }[];
};

export const demoOrganizations: readonly DemoOrganization[] = [
  // Enterprises
  {
    slug: "tuskar-agromash",
    kind: "enterprise",
    name: "ООО «Тускарь Агромаш»",
    nameEn: "Tuskar Agromash LLC",
    otherNames: ["Tuskar' Agromash", "Тускарь-Агромаш"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["28", "33"],
    foundedYear: 1998,
    website: "https://tuskar-agromash.example",
    descriptionEn:
      "Makes seed drills, disc harrows and cultivators for mid-sized farms in the Central Black Earth region. Buys gearboxes and hydraulics from Belarusian suppliers.",
    descriptionRu:
      "Производит сеялки, дисковые бороны и культиваторы для средних хозяйств Центрального Черноземья. Закупает редукторы и гидравлику у белорусских поставщиков.",
    registrationNumber: "4699012072",
  },
  {
    slug: "chernozem-sugar",
    kind: "enterprise",
    name: "АО «Чернозем Сахар»",
    nameEn: "Chernozem Sugar JSC",
    otherNames: ["Chernozem Sakhar"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["10", "46"],
    foundedYear: 1934,
    website: "https://chernozem-sugar.example",
    descriptionEn:
      "A beet sugar plant processing about 6,000 tonnes of sugar beet a day. Sells white sugar, molasses and dried beet pulp in Russia and Belarus.",
    descriptionRu:
      "Сахарный завод, перерабатывающий около 6000 тонн сахарной свеклы в сутки. Продает белый сахар, мелассу и сухой жом в России и Беларуси.",
    registrationNumber: "4699013157",
  },
  {
    slug: "iron-arc-mining",
    kind: "enterprise",
    name: "АО «Железная Дуга»",
    nameEn: "Iron Arc Mining JSC",
    otherNames: ["Zheleznaya Duga"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["07", "49"],
    foundedYear: 1972,
    website: "https://iron-arc.example",
    descriptionEn:
      "Mines iron ore in an open pit on the Kursk Magnetic Anomaly and produces iron ore concentrate. Ships most of its output by rail.",
    descriptionRu:
      "Добывает железную руду открытым способом на Курской магнитной аномалии и выпускает железорудный концентрат. Большую часть продукции отгружает по железной дороге.",
    registrationNumber: "4699014288",
  },
  {
    slug: "voltseym",
    kind: "enterprise",
    name: "ООО «Вольтсейм»",
    nameEn: "Voltseym LLC",
    otherNames: ["Volt-Seym"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["27", "43"],
    foundedYear: 2004,
    website: "https://voltseym.example",
    descriptionEn:
      "Builds low- and medium-voltage switchgear and packaged transformer substations, and installs them for farms and industrial sites.",
    descriptionRu:
      "Выпускает низко- и средневольтные распределительные устройства и комплектные трансформаторные подстанции, монтирует их на фермах и промышленных площадках.",
    registrationNumber: "4699015362",
  },
  {
    slug: "posemye-polychem",
    kind: "enterprise",
    name: "АО «Полихим-Посемье»",
    nameEn: "Posemye Polychem JSC",
    otherNames: ["Polikhim-Posemye", "ПХП"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["20", "22"],
    foundedYear: 1961,
    website: "https://posemye-polychem.example",
    descriptionEn:
      "A chemical plant producing polyamide granulate, industrial fibres and plastic packaging film.",
    descriptionRu:
      "Химический завод, выпускающий полиамидный гранулят, технические нити и упаковочную пленку.",
    registrationNumber: "4699016415",
  },
  {
    slug: "pharmseym",
    kind: "enterprise",
    name: "ООО «Фармсейм»",
    nameEn: "Pharmseym LLC",
    otherNames: ["Farmseym"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["21", "72"],
    foundedYear: 2006,
    website: "https://pharmseym.example",
    descriptionEn:
      "Makes generic tablets and injectable solutions and runs a small laboratory for stability and bioequivalence studies.",
    descriptionRu:
      "Выпускает дженерики в таблетках и растворы для инъекций, располагает небольшой лабораторией для исследований стабильности и биоэквивалентности.",
    registrationNumber: "4699017592",
  },
  {
    slug: "nightingale-code",
    kind: "enterprise",
    name: "ООО «Соловьиный код»",
    nameEn: "Nightingale Code LLC",
    otherNames: ["Solovyiny Kod"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["62"],
    foundedYear: 2012,
    website: "https://nightingale-code.example",
    descriptionEn:
      "A software company writing accounting and logistics systems for regional manufacturers and retailers.",
    descriptionRu:
      "Компания-разработчик учетных и логистических систем для региональных производителей и торговых сетей.",
    registrationNumber: "4699018620",
  },
  {
    slug: "yuzhny-kvartal-stroy",
    kind: "enterprise",
    name: "АО «Южный квартал Строй»",
    nameEn: "Yuzhny Kvartal Construction JSC",
    otherNames: ["Yuzhny Kvartal Stroy", "ЮКС"],
    regionSlug: "kursk-oblast",
    status: "closed",
    sectors: ["41", "43"],
    foundedYear: 1994,
    website: null,
    descriptionEn:
      "A housing contractor that built residential blocks and farm buildings. It ceased operations and was struck off the register.",
    descriptionRu:
      "Подрядчик, строивший жилые дома и сельскохозяйственные здания. Прекратил деятельность и исключен из реестра.",
    registrationNumber: "4699019744",
  },
  {
    slug: "svisloch-motors",
    kind: "enterprise",
    name: "ЗАО «Свислочь-Моторс»",
    nameEn: "Svisloch Motors CJSC",
    otherNames: ["Svislach Motors"],
    regionSlug: "minsk",
    status: "active",
    sectors: ["29", "28"],
    foundedYear: 2003,
    website: "https://svisloch-motors.example",
    descriptionEn:
      "Builds chassis and bodies for municipal vehicles: refuse trucks, road sweepers and utility vans.",
    descriptionRu:
      "Выпускает шасси и кузова коммунальной техники: мусоровозы, подметально-уборочные машины и сервисные фургоны.",
    registrationNumber: "199004126",
  },
  {
    slug: "upper-town-labs",
    kind: "enterprise",
    name: "ООО «Верхний Город Лабс»",
    nameEn: "Upper Town Labs LLC",
    otherNames: ["Verkhni Gorod Labs", "UTL"],
    regionSlug: "belarus",
    status: "active",
    sectors: ["62", "72"],
    foundedYear: 2010,
    website: "https://upper-town-labs.example",
    descriptionEn:
      "A software developer with teams in several Belarusian cities, working on farm telemetry and machine-vision systems.",
    descriptionRu:
      "Разработчик программного обеспечения с командами в нескольких городах Беларуси, занимается телеметрией сельхозтехники и системами машинного зрения.",
    registrationNumber: "199005270",
  },
  {
    slug: "ptich-agromash",
    kind: "enterprise",
    name: "ОАО «Птичь-Агромаш»",
    nameEn: "Ptich Agromash OJSC",
    otherNames: ["Ptsich Agromash"],
    regionSlug: "minsk-region",
    status: "active",
    sectors: ["28"],
    foundedYear: 1957,
    website: "https://ptich-agromash.example",
    descriptionEn:
      "Makes gearboxes, hydraulic cylinders and soil-working tools for agricultural machinery.",
    descriptionRu:
      "Производит редукторы, гидроцилиндры и почвообрабатывающие рабочие органы для сельскохозяйственной техники.",
    registrationNumber: "699006386",
  },
  {
    slug: "sozh-agrotekhnika",
    kind: "enterprise",
    name: "ОАО «Сожагротехника»",
    nameEn: "Sozh Agrotekhnika OJSC",
    otherNames: ["Sozhagrotekhnika"],
    regionSlug: "gomel-region",
    status: "active",
    sectors: ["28", "46"],
    foundedYear: 1965,
    website: "https://sozh-agrotekhnika.example",
    descriptionEn:
      "Builds grain combine harvesters, forage harvesters and headers, and sells them through dealers in Belarus and Russia.",
    descriptionRu:
      "Выпускает зерноуборочные и кормоуборочные комбайны и жатки, продает их через дилеров в Беларуси и России.",
    registrationNumber: "499007430",
  },
  {
    slug: "druts-moloko",
    kind: "enterprise",
    name: "ОАО «Друть-Молоко»",
    nameEn: "Drut Dairy OJSC",
    otherNames: ["Drut Moloko"],
    regionSlug: "mogilev-region",
    status: "active",
    sectors: ["10", "46"],
    foundedYear: 1969,
    website: "https://druts-moloko.example",
    descriptionEn:
      "A dairy processing raw milk from farms in the region into butter, cheese and milk powder, much of it for export to Russia.",
    descriptionRu:
      "Молочный комбинат, перерабатывающий молоко хозяйств области в масло, сыры и сухое молоко, значительная часть которых идет на экспорт в Россию.",
    registrationNumber: "799008515",
  },
  {
    slug: "dvina-trade-house",
    kind: "enterprise",
    name: "ООО «Двинский торговый дом»",
    nameEn: "Dvina Trade House LLC",
    otherNames: ["Dvinsky Torgovy Dom", "ДТД"],
    regionSlug: "vitebsk-region",
    status: "active",
    sectors: ["46", "52"],
    foundedYear: 2001,
    website: "https://dvina-trade.example",
    descriptionEn:
      "A wholesaler of food and building materials with its own bonded warehouse near the Russian border.",
    descriptionRu:
      "Оптовая компания, торгующая продовольствием и стройматериалами, располагает собственным таможенным складом у российской границы.",
    registrationNumber: "399009664",
  },
  {
    slug: "mukhavets-meat",
    kind: "enterprise",
    name: "ООО «Мухавецкий мясной двор»",
    nameEn: "Mukhavets Meat Yard LLC",
    otherNames: ["Mukhavetsky Myasnoy Dvor"],
    regionSlug: "brest-region",
    status: "planned",
    sectors: ["10"],
    foundedYear: null,
    website: null,
    descriptionEn:
      "A planned meat processing plant near Brest that would supply chilled pork and sausages to retail chains in Kursk and Belgorod oblasts.",
    descriptionRu:
      "Планируемый мясоперерабатывающий завод под Брестом, который будет поставлять охлажденную свинину и колбасные изделия торговым сетям Курской и Белгородской областей.",
    registrationNumber: null,
  },
  {
    slug: "neman-biosintez",
    kind: "enterprise",
    name: "ООО «Неманбиосинтез»",
    nameEn: "Neman Biosintez LLC",
    otherNames: ["Nemanbiosintez"],
    regionSlug: "grodno-region",
    status: "active",
    sectors: ["21", "72"],
    foundedYear: 1999,
    website: "https://neman-biosintez.example",
    descriptionEn:
      "Produces antibiotic substances by fermentation and veterinary medicines for livestock farms.",
    descriptionRu:
      "Производит субстанции антибиотиков методом ферментации и ветеринарные препараты для животноводческих хозяйств.",
    registrationNumber: "599010740",
  },
  {
    slug: "nezhegol-energo",
    kind: "enterprise",
    name: "ООО «Нежеголь Энерго»",
    nameEn: "Nezhegol Energo LLC",
    otherNames: ["Nezhegol Energy"],
    regionSlug: "belgorod-oblast",
    status: "active",
    sectors: ["35", "43"],
    foundedYear: 2009,
    website: "https://nezhegol-energo.example",
    descriptionEn:
      "Operates biogas plants at pig farms and sells the electricity and heat to the grid and to neighbouring farms.",
    descriptionRu:
      "Эксплуатирует биогазовые установки на свиноводческих фермах и продает электроэнергию и тепло в сеть и соседним хозяйствам.",
    registrationNumber: "3199018726",
  },
  {
    slug: "desna-avtokomponent",
    kind: "enterprise",
    name: "АО «Деснаавтокомпонент»",
    nameEn: "Desna Avtokomponent JSC",
    otherNames: ["Desna Auto Components"],
    regionSlug: "bryansk-oblast",
    status: "active",
    sectors: ["29", "27"],
    foundedYear: 1986,
    website: "https://desna-avtokomponent.example",
    descriptionEn:
      "Makes brake systems, axles and wiring harnesses for trucks, buses and municipal vehicles.",
    descriptionRu:
      "Производит тормозные системы, мосты и жгуты проводов для грузовиков, автобусов и коммунальной техники.",
    registrationNumber: "3299023649",
  },

  // Universities
  {
    slug: "posemye-polytech",
    kind: "university",
    name: "ФГБОУ ВО «Посемский политехнический университет»",
    nameEn: "Posemye Polytechnic University",
    otherNames: ["Posemsky Polytechnic University", "ППУ"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["85", "72"],
    foundedYear: 1964,
    website: "https://posemye-polytech.example",
    descriptionEn:
      "A technical university training engineers for machine building and power engineering, with contract research for regional plants.",
    descriptionRu:
      "Технический университет, готовящий инженеров для машиностроения и энергетики и выполняющий договорные исследования для предприятий региона.",
    registrationNumber: "4699020838",
    fieldsOfStudy: ["Mechanical engineering", "Electrical power engineering", "Computer science"],
  },
  {
    slug: "tuskar-agroengineering-academy",
    kind: "university",
    name: "ФГБОУ ВО «Тускарская академия агроинженерии и пищевых технологий»",
    nameEn: "Tuskar Academy of Agricultural Engineering and Food Technology",
    otherNames: ["Tuskarskaya Academy", "ТАА"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["85"],
    foundedYear: 1957,
    website: "https://tuskar-academy.example",
    descriptionEn:
      "An academy training agricultural engineers, agronomists and food technologists, with a teaching farm and a pilot sugar line.",
    descriptionRu:
      "Академия, готовящая инженеров-механиков сельского хозяйства, агрономов и технологов пищевых производств, располагает учебным хозяйством и опытной сахарной линией.",
    registrationNumber: "4699021912",
    fieldsOfStudy: ["Agricultural engineering", "Food technology", "Agronomy"],
  },
  {
    slug: "kursk-higher-mining-school",
    kind: "university",
    name: "АНО ВО «Курская высшая горная школа»",
    nameEn: "Kursk Higher Mining School",
    otherNames: ["Kurskaya Vysshaya Gornaya Shkola", "КВГШ"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["85", "72"],
    foundedYear: 1976,
    website: "https://kursk-mining-school.example",
    descriptionEn:
      "A small institute training mining engineers and geologists for the iron ore deposits of the Kursk Magnetic Anomaly.",
    descriptionRu:
      "Небольшой институт, готовящий горных инженеров и геологов для железорудных месторождений Курской магнитной аномалии.",
    registrationNumber: "4699022176",
    fieldsOfStudy: ["Mining engineering", "Geology", "Mineral processing"],
  },
  {
    slug: "svisloch-institute-informatics",
    kind: "university",
    name: "УО «Свислочский институт прикладной информатики»",
    nameEn: "Svisloch Institute of Applied Informatics",
    otherNames: ["Svislach Institute of Applied Informatics", "СИПИ"],
    regionSlug: "minsk",
    status: "active",
    sectors: ["85", "62"],
    foundedYear: 1992,
    website: "https://svisloch-institute.example",
    descriptionEn:
      "An institute of higher education training software engineers and data analysts, many of them for industrial companies.",
    descriptionRu:
      "Учреждение высшего образования, готовящее программистов и аналитиков данных, в том числе для промышленных предприятий.",
    registrationNumber: "199011820",
    fieldsOfStudy: ["Software engineering", "Data science", "Information security"],
  },
  {
    slug: "sozh-technological-university",
    kind: "university",
    name: "УО «Сожский технологический университет»",
    nameEn: "Sozh Technological University",
    otherNames: ["Sozhsky Technological University", "СТУ"],
    regionSlug: "gomel-region",
    status: "active",
    sectors: ["85", "72"],
    foundedYear: 1968,
    website: "https://sozh-tech.example",
    descriptionEn:
      "A technological university with strong chemistry and materials departments and laboratories serving regional industry.",
    descriptionRu:
      "Технологический университет с сильными химическими и материаловедческими кафедрами и лабораториями, работающими на промышленность региона.",
    registrationNumber: "499012974",
    fieldsOfStudy: ["Chemical engineering", "Materials science", "Mechanical engineering"],
  },
  {
    slug: "druts-institute-engineering-economics",
    kind: "university",
    name: "УО «Друтский инженерно-экономический институт»",
    nameEn: "Drut Institute of Engineering and Economics",
    otherNames: ["Drutsky Institute", "ДИЭИ"],
    regionSlug: "mogilev-region",
    status: "active",
    sectors: ["85"],
    foundedYear: 1975,
    website: "https://drut-institute.example",
    descriptionEn:
      "An institute training production engineers, logistics managers and economists for manufacturing companies.",
    descriptionRu:
      "Институт, готовящий инженеров-технологов, специалистов по логистике и экономистов для промышленных предприятий.",
    registrationNumber: "799013053",
    fieldsOfStudy: ["Industrial engineering", "Logistics", "Economics"],
  },
  {
    slug: "poozerye-agrarian-institute",
    kind: "university",
    name: "УО «Поозерский аграрный институт»",
    nameEn: "Poozerye Agrarian Institute",
    otherNames: ["Paazerye Agrarian Institute", "ПАИ"],
    regionSlug: "vitebsk-region",
    status: "active",
    sectors: ["85", "72"],
    foundedYear: 1948,
    website: "https://poozerye-institute.example",
    descriptionEn:
      "An agrarian institute teaching agronomy, dairy technology and veterinary medicine, with an experimental dairy farm.",
    descriptionRu:
      "Аграрный институт, обучающий агрономии, технологии молочных продуктов и ветеринарии, располагает опытной молочной фермой.",
    registrationNumber: "399014133",
    fieldsOfStudy: ["Agronomy", "Dairy technology", "Veterinary medicine"],
  },
  {
    slug: "neman-academy-chemical-technology",
    kind: "university",
    name: "УО «Неманская академия химической технологии»",
    nameEn: "Neman Academy of Chemical Technology",
    otherNames: ["Nemanskaya Academy", "НАХТ"],
    regionSlug: "grodno-region",
    status: "active",
    sectors: ["85", "72"],
    foundedYear: 1981,
    website: "https://neman-academy.example",
    descriptionEn:
      "An academy training chemical and pharmaceutical technologists, with a pilot plant for fermentation processes.",
    descriptionRu:
      "Академия, готовящая химиков-технологов и технологов фармацевтических производств, располагает опытной установкой для процессов ферментации.",
    registrationNumber: "599015211",
    fieldsOfStudy: ["Chemical engineering", "Pharmaceutical technology", "Environmental engineering"],
  },

  // Joint ventures
  {
    slug: "seym-ptich-agrotech",
    kind: "joint_venture",
    name: "ООО «Агротехника Сейм-Птичь»",
    nameEn: "Seym-Ptich Agrotech LLC",
    otherNames: ["Agrotekhnika Seym-Ptich"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["28", "46"],
    foundedYear: 2011,
    website: "https://seym-ptich.example",
    descriptionEn:
      "A Kursk-Belarusian joint venture assembling seed drills and cultivators from Kursk frames and Belarusian gearboxes and hydraulics.",
    descriptionRu:
      "Курско-белорусское совместное предприятие, собирающее сеялки и культиваторы из курских рам и белорусских редукторов и гидравлики.",
    registrationNumber: "4699023290",
    capital: { amount: "120000000.00", currency: "RUB" },
    products: "Seed drills, cultivators and spare parts",
    partners: [
      { organizationSlug: "tuskar-agromash", sharePercent: 51 },
      { organizationSlug: "ptich-agromash", sharePercent: 49 },
    ],
  },
  {
    slug: "sozh-tuskar-harvesters",
    kind: "joint_venture",
    name: "СООО «СожТускарь Комбайн»",
    nameEn: "SozhTuskar Harvesters JLLC",
    otherNames: ["SozhTuskar Kombain"],
    regionSlug: "gomel-region",
    status: "active",
    sectors: ["28"],
    foundedYear: 2009,
    website: "https://sozhtuskar.example",
    descriptionEn:
      "Assembles grain combine harvesters and headers for farms in Kursk Oblast and neighbouring Russian regions.",
    descriptionRu:
      "Собирает зерноуборочные комбайны и жатки для хозяйств Курской области и соседних российских регионов.",
    registrationNumber: "499016398",
    capital: { amount: "4500000.00", currency: "USD" },
    products: "Grain combine harvesters and headers",
    partners: [
      { organizationSlug: "sozh-agrotekhnika", sharePercent: 60 },
      { regionSlug: "kursk-oblast", sharePercent: 40 },
    ],
  },
  {
    slug: "sugar-bridge",
    kind: "joint_venture",
    name: "ООО «Сахарный мост»",
    nameEn: "Sugar Bridge LLC",
    otherNames: ["Sakharny Most"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["10", "46"],
    foundedYear: 2013,
    website: "https://sugar-bridge.example",
    descriptionEn:
      "Packs and exports Kursk beet sugar and sells molasses and beet pulp to Belarusian food and feed producers.",
    descriptionRu:
      "Фасует и экспортирует курский свекловичный сахар, продает мелассу и жом белорусским производителям продуктов питания и кормов.",
    registrationNumber: "4699024381",
    capital: { amount: "85000000.00", currency: "RUB" },
    products: "Packed white sugar, molasses and dried beet pulp",
    partners: [
      { organizationSlug: "chernozem-sugar", sharePercent: 55 },
      { regionSlug: "brest-region", sharePercent: 35 },
    ],
  },
  {
    slug: "drut-chernozem-dairy",
    kind: "joint_venture",
    name: "СООО «Друть-Чернозем»",
    nameEn: "Drut-Chernozem JLLC",
    otherNames: ["Drut-Chernozem Dairy"],
    regionSlug: "mogilev-region",
    status: "active",
    sectors: ["10"],
    foundedYear: 2014,
    website: "https://drut-chernozem.example",
    descriptionEn:
      "Makes sweetened condensed milk and dairy desserts from Mogilev milk and Kursk sugar.",
    descriptionRu:
      "Выпускает сгущенное молоко с сахаром и молочные десерты из могилевского молока и курского сахара.",
    registrationNumber: "799017485",
    capital: { amount: "6800000.00", currency: "BYN" },
    products: "Sweetened condensed milk, boiled condensed milk and dairy desserts",
    partners: [
      { organizationSlug: "druts-moloko", sharePercent: 70 },
      { organizationSlug: "chernozem-sugar", sharePercent: 30 },
    ],
  },
  {
    slug: "neman-seym-biopharm",
    kind: "joint_venture",
    name: "СООО «НеманСейм Биофарм»",
    nameEn: "NemanSeym Biopharm JLLC",
    otherNames: ["Neman-Seym Biopharm"],
    regionSlug: "grodno-region",
    status: "active",
    sectors: ["21", "72"],
    foundedYear: 2012,
    website: "https://nemanseym.example",
    descriptionEn:
      "Produces injectable antibiotics and veterinary vaccines, combining Grodno fermentation with Kursk formulation and packaging.",
    descriptionRu:
      "Производит инъекционные антибиотики и ветеринарные вакцины, объединяя гродненскую ферментацию с курскими технологиями лекарственных форм и упаковки.",
    registrationNumber: "599018542",
    capital: { amount: "3000000.00", currency: "EUR" },
    products: "Injectable antibiotics and veterinary vaccines",
    partners: [
      { organizationSlug: "neman-biosintez", sharePercent: 45 },
      { organizationSlug: "pharmseym", sharePercent: 45 },
      { organizationSlug: "neman-academy-chemical-technology", sharePercent: 10 },
    ],
  },
  {
    slug: "nightingale-agrosoft",
    kind: "joint_venture",
    name: "ООО «Соловей Агрософт»",
    nameEn: "Nightingale Agrosoft LLC",
    otherNames: ["Solovey Agrosoft"],
    regionSlug: "kursk-oblast",
    status: "active",
    sectors: ["62", "72"],
    foundedYear: 2015,
    website: "https://nightingale-agrosoft.example",
    descriptionEn:
      "Develops farm management and precision-farming software for agricultural holdings in Russia and Belarus.",
    descriptionRu:
      "Разрабатывает программы управления хозяйством и точного земледелия для агрохолдингов России и Беларуси.",
    registrationNumber: "4699025466",
    capital: { amount: "10000000.00", currency: "RUB" },
    products: "Farm management and precision-farming software",
    partners: [
      { organizationSlug: "nightingale-code", sharePercent: 50 },
      { organizationSlug: "upper-town-labs", sharePercent: 50 },
    ],
  },
  {
    slug: "svisloch-desna-components",
    kind: "joint_venture",
    name: "ЗАО «Свислочь-Десна Компонент»",
    nameEn: "Svisloch-Desna Components CJSC",
    otherNames: ["Svisloch-Desna Komponent"],
    regionSlug: "minsk",
    status: "active",
    sectors: ["29", "27"],
    foundedYear: 2010,
    website: "https://svisloch-desna.example",
    descriptionEn:
      "Supplies axles, brake systems and wiring harnesses for Belarusian municipal vehicles, with design work done at a Kursk university.",
    descriptionRu:
      "Поставляет мосты, тормозные системы и жгуты проводов для белорусской коммунальной техники; конструкторские работы ведет курский университет.",
    registrationNumber: "199019622",
    capital: { amount: "7500000.00", currency: "USD" },
    products: "Axles, brake systems and wiring harnesses for municipal vehicles",
    partners: [
      { organizationSlug: "svisloch-motors", sharePercent: 50 },
      { organizationSlug: "desna-avtokomponent", sharePercent: 35 },
      { organizationSlug: "posemye-polytech", sharePercent: 15 },
    ],
  },
  {
    slug: "seym-bioenergy",
    kind: "joint_venture",
    name: "ООО «Сейм Биоэнергия»",
    nameEn: "Seym Bioenergy LLC",
    otherNames: ["Seym Bioenergiya"],
    regionSlug: "kursk-oblast",
    status: "planned",
    sectors: ["35", "43"],
    foundedYear: null,
    website: null,
    descriptionEn:
      "A proposed venture to build biogas power plants at livestock farms and sugar plants in Kursk Oblast.",
    descriptionRu:
      "Предлагаемое предприятие для строительства биогазовых электростанций на животноводческих фермах и сахарных заводах Курской области.",
    registrationNumber: null,
    capital: { amount: "450000000.00", currency: "RUB" },
    products: "Electricity and heat from biogas; digestate fertilizer",
    partners: [
      { organizationSlug: "nezhegol-energo", sharePercent: 40 },
      { organizationSlug: "voltseym", sharePercent: 30 },
      { regionSlug: "minsk-region", sharePercent: 30 },
    ],
  },
  {
    slug: "dvina-kursk-logistics",
    kind: "joint_venture",
    name: "СООО «Двина-Курск Логистик»",
    nameEn: "Dvina-Kursk Logistics JLLC",
    otherNames: ["Dvina-Kursk Logistik"],
    regionSlug: "vitebsk-region",
    status: "planned",
    sectors: ["52", "49"],
    foundedYear: null,
    website: null,
    descriptionEn:
      "A planned freight forwarder and cold-storage operator for food shipments between Vitebsk Region and Kursk Oblast.",
    descriptionRu:
      "Планируемый экспедитор и оператор холодильных складов для перевозок продовольствия между Витебской и Курской областями.",
    registrationNumber: null,
    capital: { amount: "3200000.00", currency: "USD" },
    products: "Freight forwarding, road haulage and cold-chain warehousing",
    partners: [
      { organizationSlug: "dvina-trade-house", sharePercent: 50 },
      { regionSlug: "kursk-oblast", sharePercent: 50 },
    ],
  },
  {
    slug: "iron-arc-pellets",
    kind: "joint_venture",
    name: "ООО «Железная Дуга Пеллет»",
    nameEn: "Iron Arc Pellets LLC",
    otherNames: ["Zheleznaya Duga Pellet"],
    regionSlug: "kursk-oblast",
    status: "closed",
    sectors: ["07", "46"],
    foundedYear: 2007,
    website: null,
    descriptionEn:
      "Was set up to pelletise Kursk iron ore concentrate for Belarusian steelmakers. It was wound up after the partners failed to agree on supply volumes.",
    descriptionRu:
      "Создавалось для окомкования курского железорудного концентрата для белорусских металлургов. Ликвидировано, когда партнеры не согласовали объемы поставок.",
    registrationNumber: "4699026519",
    capital: { amount: "600000000.00", currency: "RUB" },
    products: "Iron ore pellets and concentrate",
    partners: [
      { organizationSlug: "iron-arc-mining", sharePercent: 50 },
      { regionSlug: "gomel-region", sharePercent: 25 },
      { organizationSlug: "sozh-technological-university", sharePercent: 5 },
    ],
  },
];
