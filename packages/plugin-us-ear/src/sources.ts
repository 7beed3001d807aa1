import type { Source } from '@chokepoint/core';

/** The eCFR issue the Country Chart, Country Groups, CCL and Part 734 data reflect. */
export const ECFR_DATE = '2026-09-24';

/** The eCFR issue the text of Parts 736, 740, 742, 744 and 746 was read from. */
export const ECFR_SECTIONS_DATE = '2026-02-10';

/** Canonical eCFR link to a section of 15 CFR (`"740.3"`). */
export function ecfr(section: string): string {
  return `https://www.ecfr.gov/current/title-15/section-${section}`;
}

/** Canonical eCFR link to a supplement (`"Supplement No. 1 to Part 738"`). */
export function ecfrSupplement(part: number, supplement: number): string {
  return `https://www.ecfr.gov/current/title-15/part-${part}/appendix-Supplement%20No.%20${supplement}%20to%20Part%20${part}`;
}

/** Federal Register short link to a document. */
export function frDoc(documentNumber: string): string {
  return `https://www.federalregister.gov/d/${documentNumber}`;
}

/** The eCFR as a source, on the issue date the data was read from. */
export function ecfrSource(url: string, date: string = ECFR_DATE, title?: string): Source {
  return { url, publisher: 'eCFR (Office of the Federal Register / GPO)', date, ...(title ? { title } : {}) };
}

/** A Federal Register document as a source. */
export function frSource(documentNumber: string, date: string, title: string): Source {
  return { url: frDoc(documentNumber), publisher: 'Federal Register (BIS)', date, title };
}

/** The public snapshot of eCFR Parts 736–746 and FR paragraphs the team read (MIT). */
export const EAR_CRAWLER: Source = {
  url: 'https://github.com/cfrydenlund01/earCrawler',
  publisher: 'cfrydenlund01/earCrawler (eCFR 2026-02-10 sections and Federal Register paragraphs, MIT)',
  date: '2026-03-26',
};
