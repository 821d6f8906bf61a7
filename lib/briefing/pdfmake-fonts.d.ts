// pdfmake ships its Roboto (Latin and Cyrillic) with a module that gives the files' paths; @types/pdfmake does not
// describe it.
declare module "pdfmake/fonts/Roboto.js" {
  const fonts: { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  export default fonts;
}
