/**
 * The judged relevance set: queries as the public and analysts type them on the demo registry, each with the
 * records a person would expect among the first three results (`top3`, every one of them) and, for exclusions,
 * records that must not be among the first ten (`absent`). Scored by tests/integration/search-relevance.test.ts.
 */
export type Judgement = {
  q: string;
  kind: "typo" | "cross-script" | "region+kind" | "sector" | "abbreviation" | "legal form" | "phrase" | "exclusion" | "name";
  top3: string[];
  absent?: string[];
};

const kurskUniversities = ["posemye-polytech", "tuskar-agroengineering-academy", "kursk-higher-mining-school"];
const ironArc = ["iron-arc-mining", "iron-arc-pellets"];

export const judgements: readonly Judgement[] = [
  // One or two slips in a word: one edit from 5 letters, two from 9, a transposition counting as one.
  { q: "Kursck", kind: "typo", top3: ["kursk-oblast"] },
  { q: "Kurks", kind: "typo", top3: ["kursk-oblast"] },
  { q: "Gomle Region", kind: "typo", top3: ["gomel-region"] },
  { q: "Vitebks", kind: "typo", top3: ["vitebsk-region"] },
  { q: "Chernozyem Sugar", kind: "typo", top3: ["chernozem-sugar"] },
  { q: "Voltsejm", kind: "typo", top3: ["voltseym"] },
  { q: "Pharmsejm", kind: "typo", top3: ["pharmseym"] },
  { q: "Nightingle Code", kind: "typo", top3: ["nightingale-code"] },
  { q: "Sozhagrotekhnka", kind: "typo", top3: ["sozh-agrotekhnika"] },
  { q: "Курсая область", kind: "typo", top3: ["kursk-oblast"] },
  { q: "Гомельскя", kind: "typo", top3: ["gomel-region"] },
  { q: "Вольтсем", kind: "typo", top3: ["voltseym"] },
  { q: "Фармсеим", kind: "typo", top3: ["pharmseym"] },
  { q: "Сахрный мост", kind: "typo", top3: ["sugar-bridge"] },
  { q: "Svislohc Motors", kind: "typo", top3: ["svisloch-motors"] },
  { q: "Univeristy Sozh", kind: "typo", top3: ["sozh-technological-university"] },
  { q: "Agromahs", kind: "typo", top3: ["tuskar-agromash", "ptich-agromash"] },
  { q: "Neman Biosintze", kind: "typo", top3: ["neman-biosintez"] },
  { q: "Desna Avtokomponnet", kind: "typo", top3: ["desna-avtokomponent"] },
  { q: "Kursk Oblsat", kind: "typo", top3: ["kursk-oblast"] },
  { q: "Mogilve dairy", kind: "typo", top3: ["druts-moloko"] },
  // Either script finds the other.
  { q: "Курская область", kind: "cross-script", top3: ["kursk-oblast"] },
  { q: "Kurskaya oblast", kind: "cross-script", top3: ["kursk-oblast"] },
  { q: "Gomelskaya", kind: "cross-script", top3: ["gomel-region"] },
  { q: "Соловьиный код", kind: "cross-script", top3: ["nightingale-code"] },
  { q: "Solovyiny Kod", kind: "cross-script", top3: ["nightingale-code"] },
  { q: "Железная дуга", kind: "cross-script", top3: ironArc },
  { q: "Zheleznaya Duga", kind: "cross-script", top3: ironArc },
  { q: "Dvinsky torgovy dom", kind: "cross-script", top3: ["dvina-trade-house"] },
  { q: "Верхний город", kind: "cross-script", top3: ["upper-town-labs"] },
  { q: "Mukhavetsky", kind: "cross-script", top3: ["mukhavets-meat"] },
  { q: "Svislach", kind: "cross-script", top3: ["svisloch-motors", "svisloch-institute-informatics"] },
  { q: "Тускарь Agromash", kind: "cross-script", top3: ["tuskar-agromash"] },
  // A region and a kind of organization, in either language and in their usual words.
  { q: "Kursk university", kind: "region+kind", top3: kurskUniversities },
  { q: "Курский университет", kind: "region+kind", top3: kurskUniversities },
  { q: "вуз Гомель", kind: "region+kind", top3: ["sozh-technological-university"] },
  { q: "Gomel enterprise", kind: "region+kind", top3: ["sozh-agrotekhnika"] },
  { q: "Grodno academy", kind: "region+kind", top3: ["neman-academy-chemical-technology"] },
  { q: "Vitebsk institute", kind: "region+kind", top3: ["poozerye-agrarian-institute"] },
  { q: "Mogilev joint venture", kind: "region+kind", top3: ["drut-chernozem-dairy"] },
  { q: "совместное предприятие Гродно", kind: "region+kind", top3: ["neman-seym-biopharm"] },
  { q: "СП Витебск", kind: "region+kind", top3: ["dvina-kursk-logistics"] },
  { q: "завод Брест", kind: "region+kind", top3: ["mukhavets-meat"] },
  { q: "Minsk enterprise", kind: "region+kind", top3: ["svisloch-motors", "ptich-agromash"] },
  { q: "Bryansk", kind: "region+kind", top3: ["bryansk-oblast", "desna-avtokomponent"] },
  { q: "Russia joint venture sugar", kind: "region+kind", top3: ["sugar-bridge"] },
  { q: "институт Беларусь информатика", kind: "region+kind", top3: ["svisloch-institute-informatics"] },
  // Sector and product words, in either language.
  { q: "seeders", kind: "sector", top3: ["tuskar-agromash"] },
  { q: "сеялки", kind: "sector", top3: ["tuskar-agromash"] },
  { q: "software", kind: "sector", top3: ["nightingale-code", "upper-town-labs"] },
  { q: "pharmaceutical", kind: "sector", top3: ["pharmseym", "neman-biosintez", "neman-seym-biopharm"] },
  { q: "dairy", kind: "sector", top3: ["druts-moloko", "drut-chernozem-dairy"] },
  { q: "молоко", kind: "sector", top3: ["druts-moloko"] },
  { q: "sugar", kind: "sector", top3: ["chernozem-sugar", "sugar-bridge"] },
  { q: "machinery Kursk", kind: "sector", top3: ["tuskar-agromash", "seym-ptich-agrotech"] },
  { q: "electricity Belgorod", kind: "sector", top3: ["nezhegol-energo"] },
  { q: "mining Kursk", kind: "sector", top3: ["iron-arc-mining", "kursk-higher-mining-school"] },
  { q: "комбайны", kind: "sector", top3: ["sozh-tuskar-harvesters", "sozh-agrotekhnika"] },
  // Abbreviations and legal forms are the same in either script.
  { q: "ООО Вольтсейм", kind: "legal form", top3: ["voltseym"] },
  { q: "LLC Voltseym", kind: "legal form", top3: ["voltseym"] },
  { q: "OOO Вольтсейм", kind: "legal form", top3: ["voltseym"] },
  { q: "OJSC Ptich", kind: "legal form", top3: ["ptich-agromash"] },
  { q: "ОАО Птичь", kind: "legal form", top3: ["ptich-agromash"] },
  { q: "CJSC Svisloch", kind: "legal form", top3: ["svisloch-motors", "svisloch-desna-components"] },
  { q: "ЗАО Svisloch Motors", kind: "legal form", top3: ["svisloch-motors"] },
  { q: "JLLC Drut", kind: "legal form", top3: ["drut-chernozem-dairy"] },
  { q: "СООО Друть", kind: "legal form", top3: ["drut-chernozem-dairy"] },
  { q: "JSC Chernozem", kind: "legal form", top3: ["chernozem-sugar"] },
  { q: "Gomel Oblast", kind: "abbreviation", top3: ["gomel-region"] },
  { q: "Гомельская обл.", kind: "abbreviation", top3: ["gomel-region"] },
  { q: "Kursk Region", kind: "abbreviation", top3: ["kursk-oblast"] },
  { q: "Брестская обл", kind: "abbreviation", top3: ["brest-region"] },
  { q: "ППУ", kind: "abbreviation", top3: ["posemye-polytech"] },
  // Phrases and exclusions keep their exact meaning.
  { q: '"Iron Arc Pellets"', kind: "phrase", top3: ["iron-arc-pellets"] },
  { q: '"Sugar Bridge"', kind: "phrase", top3: ["sugar-bridge"] },
  { q: '"Kursk Oblast"', kind: "phrase", top3: ["kursk-oblast"] },
  { q: "Iron Arc -Pellets", kind: "exclusion", top3: ["iron-arc-mining"], absent: ["iron-arc-pellets"] },
  { q: "Agromash -Ptich", kind: "exclusion", top3: ["tuskar-agromash"], absent: ["ptich-agromash"] },
  { q: "university -Kursk", kind: "exclusion", top3: [], absent: kurskUniversities },
  // Names as they are.
  { q: "Kursk", kind: "name", top3: ["kursk-oblast"] },
  { q: "business forum Kursk", kind: "name", top3: ["2015-06-18-belarus-kursk-business-forum"] },
  { q: "working group agricultural machinery", kind: "name", top3: ["2016-02-10-agricultural-machinery-working-group"] },
];
