/**
 * VERIS records the victim's industry as a NAICS code (2 to 6 digits). Health care codes become the
 * entity types OCR uses, so VERIS incidents line up with OCR's in charts by entity type; other codes
 * become their NAICS sector title.
 */
const SECTORS: Record<string, string> = {
  '11': 'Agriculture, Forestry, Fishing and Hunting',
  '21': 'Mining, Quarrying, and Oil and Gas Extraction',
  '22': 'Utilities',
  '23': 'Construction',
  '31': 'Manufacturing',
  '32': 'Manufacturing',
  '33': 'Manufacturing',
  '42': 'Wholesale Trade',
  '44': 'Retail Trade',
  '45': 'Retail Trade',
  '48': 'Transportation and Warehousing',
  '49': 'Transportation and Warehousing',
  '51': 'Information',
  '52': 'Finance and Insurance',
  '53': 'Real Estate and Rental and Leasing',
  '54': 'Professional, Scientific, and Technical Services',
  '55': 'Management of Companies and Enterprises',
  '56': 'Administrative and Support and Waste Management and Remediation Services',
  '61': 'Educational Services',
  '62': 'Health Care and Social Assistance',
  '71': 'Arts, Entertainment, and Recreation',
  '72': 'Accommodation and Food Services',
  '81': 'Other Services (except Public Administration)',
  '92': 'Public Administration',
};

export function naicsEntityType(code: string): string | null {
  const digits = code.trim();
  if (!/^\d{2,6}$/.test(digits)) return null;
  // 524114 Direct Health and Medical Insurance Carriers; 524292 third-party administration of insurance funds.
  if (digits === '524114' || digits === '524292') return 'Health Plan';
  // 621 ambulatory care, 622 hospitals, 623 nursing and residential care.
  if (/^62[123]/.test(digits)) return 'Healthcare Provider';
  return SECTORS[digits.slice(0, 2)] ?? null;
}
