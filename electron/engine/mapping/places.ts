import { normaliseWords } from './normalise-text';

/**
 * Country names and ISO alpha-3 codes seen in incident logs, to alpha-2. Any two-letter value is taken
 * as alpha-2 already; other values are rejected so the user can fix them (the list is short on purpose:
 * a guess here would put incidents in the wrong country).
 */
const COUNTRIES: Record<string, string> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', 'u s a': 'US', america: 'US',
  australia: 'AU', aus: 'AU', 'united kingdom': 'GB', uk: 'GB', gbr: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  canada: 'CA', can: 'CA', 'new zealand': 'NZ', nzl: 'NZ', ireland: 'IE', irl: 'IE', germany: 'DE', deu: 'DE', france: 'FR', fra: 'FR',
  netherlands: 'NL', nld: 'NL', belgium: 'BE', bel: 'BE', spain: 'ES', esp: 'ES', italy: 'IT', ita: 'IT', portugal: 'PT', prt: 'PT',
  switzerland: 'CH', che: 'CH', austria: 'AT', aut: 'AT', sweden: 'SE', swe: 'SE', norway: 'NO', nor: 'NO', denmark: 'DK', dnk: 'DK',
  finland: 'FI', fin: 'FI', poland: 'PL', pol: 'PL', india: 'IN', ind: 'IN', china: 'CN', chn: 'CN', japan: 'JP', jpn: 'JP',
  singapore: 'SG', sgp: 'SG', 'south africa': 'ZA', zaf: 'ZA', brazil: 'BR', bra: 'BR', mexico: 'MX', mex: 'MX',
  israel: 'IL', isr: 'IL', 'south korea': 'KR', kor: 'KR', 'hong kong': 'HK', hkg: 'HK', philippines: 'PH', phl: 'PH',
};

export function normaliseCountry(text: string): { code: string | null; problem: string | null } {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return { code: trimmed.toUpperCase(), problem: null };
  const code = COUNTRIES[normaliseWords(trimmed)];
  if (code) return { code, problem: null };
  return { code: null, problem: `"${trimmed}" is not an ISO 3166 country code (e.g. US, AU, GB) or a country name the mapping knows` };
}

const US_STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE',
  'district of columbia': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN',
  mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ',
  'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR',
  pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT',
  vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'puerto rico': 'PR',
  guam: 'GU', 'new south wales': 'NSW', victoria: 'VIC', queensland: 'QLD', 'western australia': 'WA', 'south australia': 'SA',
  tasmania: 'TAS', 'australian capital territory': 'ACT', 'northern territory': 'NT',
};

/** State names to their usual codes; codes and names not in the list are kept as written (never rejected). */
export function normaliseState(text: string): string {
  const trimmed = text.trim();
  return US_STATES[normaliseWords(trimmed)] ?? (/^[a-z]{2,3}$/i.test(trimmed) ? trimmed.toUpperCase() : trimmed);
}
