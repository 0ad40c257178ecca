import { NOT_INSIDER, OUTSIDER_EVIDENCE, PATTERNS } from './patterns';
import type { ActorRule, ActorRuleSet } from './rule-types';

/** Cited with every chart that uses `actor`; bump on any change to the rules below. */
export const ACTOR_RULES_VERSION = 'actor-rules/1.0.0';

const BREACH = {
  hacking: 'Hacking/IT Incident',
  unauthorized: 'Unauthorized Access/Disclosure',
  theft: 'Theft',
  loss: 'Loss',
  disposal: 'Improper Disposal',
} as const;

/**
 * Who caused the breach: internal (the covered entity's own workforce), external (outsiders: hackers,
 * thieves), partner (a business associate at fault) or, from several kinds, mixed. OCR records no
 * actor; these rules read it from the Web Description first (tier 1, archive cases only), else from
 * Type of Breach and Business Associate Present (tier 2), else unknown (tier 3).
 *
 * Sources: the OCR portal's field definitions; VERIS's actor categories (external, internal, partner);
 * HHS HICP 2023 (technical volume 1) for how each breach type usually arises. The limits are listed in
 * docs/classification.md.
 */
export const ACTOR_RULES: readonly ActorRule[] = [
  // Tier 1: what the description says happened.
  { id: 'desc.ransomware', tier: 1, when: { descriptionMatches: PATTERNS.ransomware }, actor: 'external', confidence: 0.95,
    rationale: 'Ransomware is deployed by outside criminals.' },
  { id: 'desc.phishing', tier: 1, when: { descriptionMatches: PATTERNS.phishing }, actor: 'external', confidence: 0.9,
    rationale: 'A phishing email comes from outside; the employee who clicked is the victim, not the actor.' },
  { id: 'desc.hacking', tier: 1, when: { descriptionMatches: PATTERNS.hacking }, actor: 'external', confidence: 0.85,
    rationale: 'Hackers, malware and unauthorized third parties are outsiders.' },
  { id: 'desc.burglary', tier: 1, when: { descriptionMatches: PATTERNS.burglary }, actor: 'external', confidence: 0.85,
    rationale: 'Burglary, break-ins and theft from a car or home are by outsiders.' },
  { id: 'desc.vendor-fault', tier: 1, when: { descriptionMatches: PATTERNS.vendorFault, descriptionNotMatches: OUTSIDER_EVIDENCE },
    actor: 'partner', confidence: 0.7, rationale: 'The description puts the error on a vendor, contractor or business associate.' },
  { id: 'desc.insider-misuse', tier: 1, when: { descriptionMatches: PATTERNS.insiderMisuse, descriptionNotMatches: NOT_INSIDER, businessAssociate: false },
    actor: 'internal', confidence: 0.85, rationale: 'A workforce member (current or former) accessed, took or disclosed data without need.' },
  { id: 'desc.insider-misuse-ba', tier: 1, when: { descriptionMatches: PATTERNS.insiderMisuse, descriptionNotMatches: OUTSIDER_EVIDENCE, businessAssociate: true },
    actor: 'partner', confidence: 0.7, rationale: "Workforce misuse with a business associate present: usually the business associate's own staff." },
  { id: 'desc.misdirected', tier: 1, when: { descriptionMatches: PATTERNS.misdirected, descriptionNotMatches: NOT_INSIDER, businessAssociate: false },
    actor: 'internal', confidence: 0.8, rationale: "Mail, fax or email sent to the wrong person: the covered entity's own error." },
  { id: 'desc.misdirected-ba', tier: 1, when: { descriptionMatches: PATTERNS.misdirected, descriptionNotMatches: OUTSIDER_EVIDENCE, businessAssociate: true },
    actor: 'partner', confidence: 0.75, rationale: 'Mis-sent mail with a business associate present: usually the mailing vendor\'s error.' },
  { id: 'desc.misconfiguration', tier: 1, when: { descriptionMatches: PATTERNS.misconfiguration, descriptionNotMatches: NOT_INSIDER, businessAssociate: false },
    actor: 'internal', confidence: 0.7, rationale: 'Data left open on the internet by a configuration error of the covered entity.' },
  { id: 'desc.misconfiguration-ba', tier: 1, when: { descriptionMatches: PATTERNS.misconfiguration, descriptionNotMatches: OUTSIDER_EVIDENCE, businessAssociate: true },
    actor: 'partner', confidence: 0.7, rationale: 'Data left open on the internet by a business associate.' },
  // Tier 2: Type of Breach and Business Associate Present. Each listed type adds its actor ("Theft, Loss" gives mixed).
  { id: 'type.hacking', tier: 2, when: { breachTypesAny: [BREACH.hacking] }, actor: 'external', confidence: 0.75,
    rationale: 'Hacking/IT Incident: an outside attack, also when a business associate was the one attacked (it is then the victim, not at fault).' },
  { id: 'type.theft', tier: 2, when: { breachTypesAny: [BREACH.theft] }, actor: 'external', confidence: 0.6,
    rationale: 'Theft is mostly by outsiders (cars, offices); some thefts are by employees, which only the description shows.' },
  { id: 'type.unauthorized', tier: 2, when: { breachTypesAny: [BREACH.unauthorized], businessAssociate: false }, actor: 'internal', confidence: 0.6,
    rationale: 'Unauthorized Access/Disclosure without a business associate: the workforce disclosed or looked at data.' },
  { id: 'type.unauthorized-ba', tier: 2, when: { breachTypesAny: [BREACH.unauthorized], businessAssociate: true }, actor: 'partner', confidence: 0.6,
    rationale: 'Unauthorized Access/Disclosure with a business associate present: the business associate is at fault.' },
  { id: 'type.loss', tier: 2, when: { breachTypesAny: [BREACH.loss], businessAssociate: false }, actor: 'internal', confidence: 0.6,
    rationale: 'Loss of a device or paper: the workforce lost it.' },
  { id: 'type.loss-ba', tier: 2, when: { breachTypesAny: [BREACH.loss], businessAssociate: true }, actor: 'partner', confidence: 0.6,
    rationale: 'Loss with a business associate present: the business associate lost it.' },
  { id: 'type.disposal', tier: 2, when: { breachTypesAny: [BREACH.disposal], businessAssociate: false }, actor: 'internal', confidence: 0.7,
    rationale: 'Improper Disposal: the workforce threw records away.' },
  { id: 'type.disposal-ba', tier: 2, when: { breachTypesAny: [BREACH.disposal], businessAssociate: true }, actor: 'partner', confidence: 0.7,
    rationale: 'Improper Disposal with a business associate present: the disposal vendor or associate is at fault.' },
  // Tier 3: nothing to go on ("Other", "Unknown", blank).
  { id: 'fallback.unknown', tier: 3, when: {}, actor: 'unknown', confidence: 0,
    rationale: 'Type of Breach is Other, Unknown or blank and the description names no actor.' },
];

export const DEFAULT_ACTOR_RULE_SET: ActorRuleSet = { version: ACTOR_RULES_VERSION, rules: [...ACTOR_RULES] };
