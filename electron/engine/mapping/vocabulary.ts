import type { HicpThreat } from '../../../shared/schema';

/** A regular expression (RE2, matched against lower-cased text) and the label it stands for. */
export interface VocabularyRule {
  label: string;
  pattern: string;
}

/**
 * Breach types in OCR's words, so a local log's incidents sit beside OCR's in the same chart. A value
 * no rule matches is kept as written: breach types are an open list, not a reject.
 */
export const BREACH_TYPE_RULES: readonly VocabularyRule[] = [
  { label: 'Hacking/IT Incident', pattern: 'hack|ransom|malware|phish|cyber|it incident|intrusion|virus|ddos|compromis|exfiltrat' },
  { label: 'Unauthorized Access/Disclosure', pattern: 'unauthori[sz]ed|disclos|misdirect|snoop|improper access|misuse|wrong recipient' },
  { label: 'Theft', pattern: 'theft|stolen|steal|burglar|robber' },
  { label: 'Loss', pattern: '\\bloss\\b|\\blost\\b|missing|misplaced' },
  { label: 'Improper Disposal', pattern: 'dispos|discard|dumpster' },
];

/** Locations of breached information in OCR's words (Email before Paper, which matches "mail"). */
export const LOCATION_RULES: readonly VocabularyRule[] = [
  { label: 'Email', pattern: 'e-?mail|outlook|inbox' },
  { label: 'Electronic Medical Record', pattern: '\\bemr\\b|\\behr\\b|medical record|health record|\\bepic\\b|\\bcerner\\b' },
  { label: 'Laptop', pattern: 'laptop|notebook' },
  { label: 'Desktop Computer', pattern: 'desktop|workstation|\\bpc\\b' },
  { label: 'Network Server', pattern: 'server|network|database|cloud|web ?app|website|\\bftp\\b|share ?point' },
  { label: 'Other Portable Electronic Device', pattern: 'usb|phone|tablet|portable|mobile|flash|thumb|hard ?drive|disk|\\bcd\\b|\\bdvd\\b|tape|camera' },
  { label: 'Paper/Films', pattern: 'paper|film|x-?ray|document|printout|letter|\\bfax|\\bmail\\b|chart|file cabinet' },
];

/**
 * HICP threats from the breach-type words, most specific first; a row no rule matches gets
 * insider_data_loss when its actor is internal, else other.
 */
export const THREAT_RULES: readonly { threat: HicpThreat; pattern: string }[] = [
  { threat: 'ransomware', pattern: 'ransom' },
  { threat: 'email_phishing', pattern: 'phish|social engineering|business email compromise|\\bbec\\b|spoof' },
  { threat: 'medical_device_attack', pattern: 'medical device|infusion pump|pacemaker|\\bpacs\\b' },
  { threat: 'loss_or_theft', pattern: 'theft|stolen|steal|burglar|\\bloss\\b|\\blost\\b|missing|misplaced' },
];

/** The TypeScript twin of the SQL the mapping runs, for tests and the preview's notes. */
export function applyVocabulary(rules: readonly VocabularyRule[], text: string): string {
  const lower = text.toLowerCase();
  return rules.find((r) => new RegExp(r.pattern).test(lower))?.label ?? text.trim();
}

/** Words a yes/no column uses. */
export const YES_WORDS = ['yes', 'y', 'true', 't', '1', 'x', 'ja', 'oui', 'si'];
export const NO_WORDS = ['no', 'n', 'false', 'f', '0', 'nein', 'non'];

/** "Theft; lost laptop" -> ['Loss', 'Theft']: split on ; | , and new lines, each item in the vocabulary, sorted. */
export function normaliseList(rules: readonly VocabularyRule[], text: string): string[] {
  const items = text
    .split(/[;|,\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map((x) => applyVocabulary(rules, x));
  return [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The HICP threat the breach-type words point to, or null when none does. */
export function threatFromWords(text: string): HicpThreat | null {
  const lower = text.toLowerCase();
  return THREAT_RULES.find((r) => new RegExp(r.pattern).test(lower))?.threat ?? null;
}
