import { OUTSIDER_EVIDENCE, PATTERNS } from './patterns';
import type { ThreatRule, ThreatRuleSet } from './rule-types';

/** Cited with every chart that uses `threat`; bump on any change to the rules below. */
export const THREAT_RULES_VERSION = 'hicp-threat-rules/1.0.0';

/**
 * The five threats of HHS's Health Industry Cybersecurity Practices (HICP 2023 edition, main
 * document, "Five Current Threats"): social engineering (email phishing), ransomware, loss or theft
 * of equipment or data, insider accidental or malicious data loss, attacks against network-connected
 * medical devices; plus `other` when a report does not say enough. The first matching rule of the
 * lowest tier with a match wins, so order within a tier is priority: ransomware before phishing
 * (phishing is often how ransomware got in; HICP counts the ransomware).
 */
export const THREAT_RULES: readonly ThreatRule[] = [
  // Tier 1: the description.
  { id: 'desc.ransomware', tier: 1, when: { descriptionMatches: PATTERNS.ransomware }, threat: 'ransomware', confidence: 0.9,
    rationale: 'The description names ransomware or a ransom.' },
  { id: 'desc.phishing', tier: 1, when: { descriptionMatches: PATTERNS.phishing }, threat: 'email_phishing', confidence: 0.9,
    rationale: 'The description names phishing, spoofed email or social engineering.' },
  { id: 'desc.medical-device', tier: 1, when: { descriptionMatches: PATTERNS.medicalDevice, breachTypesAny: ['Hacking/IT Incident'] },
    threat: 'medical_device_attack', confidence: 0.6, rationale: 'A hacking report that names connected medical equipment.' },
  { id: 'desc.insider', tier: 1, when: { descriptionMatches: `${PATTERNS.insiderMisuse}|${PATTERNS.misdirected}|${PATTERNS.misconfiguration}`, descriptionNotMatches: OUTSIDER_EVIDENCE },
    threat: 'insider_data_loss', confidence: 0.8, rationale: 'Workforce misuse, misdirected mail or a configuration error: insider, accidental or malicious.' },
  // Tier 2: Type of Breach and Location.
  { id: 'type.theft-loss', tier: 2, when: { breachTypesAny: ['Theft', 'Loss'] }, threat: 'loss_or_theft', confidence: 0.85,
    rationale: 'Theft or Loss is HICP threat 3, loss or theft of equipment or data.' },
  { id: 'type.hacking-email', tier: 2, when: { breachTypesAny: ['Hacking/IT Incident'], locationsAny: ['Email'] }, threat: 'email_phishing', confidence: 0.55,
    rationale: 'Hacking of email accounts is mostly credential phishing (HICP threat 1); the report does not say so.' },
  { id: 'type.hacking', tier: 2, when: { breachTypesAny: ['Hacking/IT Incident'] }, threat: 'other', confidence: 0.3,
    rationale: 'Hacking of servers or records without a description: ransomware is likely but not stated, so other.' },
  { id: 'type.unauthorized', tier: 2, when: { breachTypesAny: ['Unauthorized Access/Disclosure'] }, threat: 'insider_data_loss', confidence: 0.7,
    rationale: 'Unauthorized Access/Disclosure is insider data loss, accidental or malicious (HICP threat 4).' },
  { id: 'type.disposal', tier: 2, when: { breachTypesAny: ['Improper Disposal'] }, threat: 'insider_data_loss', confidence: 0.6,
    rationale: 'Improper Disposal is accidental insider data loss.' },
  // Tier 3.
  { id: 'fallback.other', tier: 3, when: {}, threat: 'other', confidence: 0,
    rationale: 'Type of Breach is Other, Unknown or blank and the description names no threat.' },
];

export const DEFAULT_THREAT_RULE_SET: ThreatRuleSet = { version: THREAT_RULES_VERSION, rules: [...THREAT_RULES] };
