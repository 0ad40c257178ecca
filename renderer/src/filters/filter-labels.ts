import { HICP_THREAT_LABELS, type HicpThreat } from '../../../shared/schema';
import { STATE_NAMES } from '../../../shared/us-states';

export const ACTOR_LABELS: Record<string, string> = {
  internal: 'Insider',
  external: 'External',
  partner: 'Partner',
  mixed: 'Mixed',
  unknown: 'Unknown',
};

export const FIELD_LABELS = {
  sources: 'Source',
  states: 'State',
  entityTypes: 'Entity type',
  breachTypes: 'Breach type',
  locations: 'Location',
  actors: 'Actor',
  threats: 'HICP threat',
} as const;

export type ListField = keyof typeof FIELD_LABELS;
export const LIST_FIELDS = Object.keys(FIELD_LABELS) as ListField[];

/** A filter value as people read it: "California" for CA, "Insider" for internal. */
export function valueLabel(field: ListField, value: string): string {
  if (field === 'actors') return ACTOR_LABELS[value] ?? value;
  if (field === 'threats') return HICP_THREAT_LABELS[value as HicpThreat] ?? value;
  if (field === 'states') return STATE_NAMES[value] ?? value;
  if (field === 'sources') return sourceLabel(value);
  return value;
}

export function sourceLabel(id: string): string {
  if (id === 'ocr') return 'HHS OCR';
  if (id === 'veris') return 'VERIS';
  if (id.startsWith('local:')) return id.slice(6);
  return id;
}

/** Axis-length names of the HICP threats; tooltips and chips use the full ones. */
export const THREAT_SHORT_LABELS: Record<string, string> = {
  email_phishing: 'Email phishing',
  ransomware: 'Ransomware',
  loss_or_theft: 'Loss or theft of equipment',
  insider_data_loss: 'Insider data loss',
  medical_device_attack: 'Medical device attack',
  other: 'Other or unknown',
};
