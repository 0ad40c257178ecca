/**
 * The canonical record: the columns of the view `breaches`. Their names are part of the contract:
 * the SQL console, the CLI and saved reports use them, so change them only with a migration.
 */
export const CANONICAL_COLUMNS = [
  { name: 'source', type: 'VARCHAR', meaning: "where the record came from: 'ocr', 'veris', 'local:<name>'" },
  { name: 'case_id', type: 'VARCHAR', meaning: 'stable across snapshots and re-imports' },
  { name: 'entity', type: 'VARCHAR', meaning: 'organisation named in the record' },
  { name: 'entity_type', type: 'VARCHAR', meaning: 'e.g. Healthcare Provider, Health Plan, Business Associate' },
  { name: 'country', type: 'VARCHAR', meaning: 'ISO 3166-1 alpha-2' },
  { name: 'state', type: 'VARCHAR', meaning: 'US state or other subdivision code, when known' },
  { name: 'reported_date', type: 'DATE', meaning: 'OCR: Breach Submission Date' },
  { name: 'incident_date', type: 'DATE', meaning: 'when known' },
  { name: 'records_affected', type: 'BIGINT', meaning: 'people or records affected; NULL when unknown, never 0 for unknown' },
  { name: 'breach_types', type: 'VARCHAR[]', meaning: 'normalised; several allowed' },
  { name: 'locations', type: 'VARCHAR[]', meaning: 'normalised; several allowed' },
  { name: 'business_associate', type: 'BOOLEAN', meaning: 'a business associate was involved' },
  { name: 'actor', type: 'VARCHAR', meaning: 'internal, external, partner, mixed or unknown' },
  { name: 'actors', type: 'VARCHAR[]', meaning: 'every actor kind the record names' },
  { name: 'actor_rule', type: 'VARCHAR', meaning: 'rule id and version that set actor' },
  { name: 'threat', type: 'VARCHAR', meaning: "one of HHS HICP's five threats, or other" },
  { name: 'description', type: 'VARCHAR', meaning: 'free text' },
  { name: 'first_seen', type: 'DATE', meaning: 'first snapshot date the record appeared in (OCR)' },
  { name: 'last_seen', type: 'DATE', meaning: 'last snapshot date the record appeared in (OCR)' },
] as const;

export type CanonicalColumnName = (typeof CANONICAL_COLUMNS)[number]['name'];

export const ACTORS = ['internal', 'external', 'partner', 'mixed', 'unknown'] as const;
export type Actor = (typeof ACTORS)[number];

/** The five threats of HHS's Health Industry Cybersecurity Practices (HICP 2023), plus other. */
export const HICP_THREATS = [
  'email_phishing',
  'ransomware',
  'loss_or_theft',
  'insider_data_loss',
  'medical_device_attack',
  'other',
] as const;
export type HicpThreat = (typeof HICP_THREATS)[number];

export const HICP_THREAT_LABELS: Record<HicpThreat, string> = {
  email_phishing: 'Social engineering (email phishing)',
  ransomware: 'Ransomware',
  loss_or_theft: 'Loss or theft of equipment or data',
  insider_data_loss: 'Insider, accidental or malicious data loss',
  medical_device_attack: 'Attacks against network-connected medical devices',
  other: 'Other or unknown',
};

/** FIRST Traffic Light Protocol 2.0 labels. */
export const TLP_LABELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
export type TlpLabel = (typeof TLP_LABELS)[number];
