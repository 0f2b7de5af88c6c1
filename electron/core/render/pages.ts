/**
 * The number of pages of a PDF this renderer wrote: its page objects, whose
 * dictionaries pdfkit writes uncompressed. Used to hold a one-page template
 * to one page.
 */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/gu)?.length ?? 0;
}
