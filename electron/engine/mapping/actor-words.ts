import { escapeRegExp, normaliseWords } from './normalise-text';

export type ActorKind = 'internal' | 'external' | 'partner';
export type ActorWordKind = ActorKind | 'unknown';

/** Rule id and version written to `actor_rule` for rows whose actor came from a mapped column. */
export const LOCAL_ACTOR_RULE = 'local-actor-words/1';

/**
 * Built-in vocabulary, following VERIS's actor categories: a former employee is external (they no
 * longer belong to the organisation), contractors and vendors are partners.
 */
export const ACTOR_WORDS: Readonly<Record<ActorWordKind, readonly string[]>> = {
  internal: [
    'internal', 'insider', 'employee', 'staff', 'staff member', 'workforce', 'workforce member', 'worker', 'personnel',
    'nurse', 'physician', 'doctor', 'clinician', 'pharmacist', 'technician', 'receptionist', 'cashier', 'volunteer',
    'system administrator', 'sysadmin', 'administrator', 'developer', 'executive', 'manager', 'end user', 'rogue employee',
  ],
  external: [
    'external', 'outsider', 'hacker', 'criminal', 'cybercriminal', 'cyber criminal', 'attacker', 'threat actor',
    'organized crime', 'organised crime', 'nation state', 'state sponsored', 'state affiliated', 'hacktivist', 'activist',
    'thief', 'burglar', 'competitor', 'former employee', 'ex employee', 'terrorist', 'scammer', 'fraudster',
    'ransomware gang', 'ransomware group', 'unaffiliated', 'stranger', 'customer', 'acquaintance', 'auditor', 'intruder',
  ],
  partner: [
    'partner', 'vendor', 'supplier', 'contractor', 'subcontractor', 'business associate', 'third party', 'consultant',
    'service provider', 'managed service provider', 'msp', 'outsourcer', 'outsourced', 'cloud provider', 'reseller', 'affiliate',
  ],
  unknown: ['unknown', 'unk', 'n a', 'na', 'none', 'not known', 'not specified', 'unspecified', 'tbd', 'other', 'undetermined'],
};

export interface ActorClassification {
  actor: ActorKind | 'mixed' | 'unknown';
  /** Every kind the text names, in a fixed order. */
  actors: ActorKind[];
  /** Set when the text names no known actor word: the value is rejected, the user can add the word. */
  problem: string | null;
}

/** The order `actors` lists the kinds in. */
export const KIND_ORDER: readonly ActorKind[] = ['internal', 'external', 'partner'];

/**
 * The kinds a value names as a bit set (internal 1, external 2, partner 4): what the stored table keeps
 * per row instead of the actor text, the list of kinds and the partner flag, which all follow from it.
 */
export function actorKindBits(kinds: readonly ActorKind[]): number {
  return KIND_ORDER.reduce((bits, kind, i) => (kinds.includes(kind) ? bits | (1 << i) : bits), 0);
}

/** The kinds of a bit set, in order, and the actor they make (unknown for none, mixed for several). */
export function actorOfBits(bits: number): { actor: ActorKind | 'mixed' | 'unknown'; actors: ActorKind[] } {
  const actors = KIND_ORDER.filter((_kind, i) => (bits & (1 << i)) !== 0);
  return { actor: actors.length === 0 ? 'unknown' : actors.length === 1 ? actors[0]! : 'mixed', actors };
}

interface Phrase {
  kind: ActorWordKind;
  pattern: RegExp;
  length: number;
}

/** Builds the matcher once per mapping: longer phrases first, so "former employee" wins over "employee". */
export function actorMatcher(extraWords: Partial<Record<ActorWordKind, readonly string[]>> = {}): (text: string) => ActorClassification {
  const phrases: Phrase[] = [];
  for (const kind of [...KIND_ORDER, 'unknown'] as ActorWordKind[]) {
    for (const word of [...ACTOR_WORDS[kind], ...(extraWords[kind] ?? [])]) {
      const normal = normaliseWords(word);
      if (!normal) continue;
      // Plurals ("employees", "vendors") match their singular.
      phrases.push({ kind, pattern: new RegExp(`(^| )${escapeRegExp(normal)}(s|es)?(?= |$)`, 'g'), length: normal.length });
    }
  }
  phrases.sort((a, b) => b.length - a.length);
  return (text) => classifyWithPhrases(text, phrases);
}

function classifyWithPhrases(text: string, phrases: Phrase[]): ActorClassification {
  let rest = normaliseWords(text);
  if (!rest) return { actor: 'unknown', actors: [], problem: null };
  const found = new Set<ActorWordKind>();
  for (const phrase of phrases) {
    phrase.pattern.lastIndex = 0;
    if (phrase.pattern.test(rest)) {
      found.add(phrase.kind);
      phrase.pattern.lastIndex = 0;
      rest = rest.replace(phrase.pattern, ' ').replace(/ +/g, ' ').trim();
    }
  }
  const actors = KIND_ORDER.filter((k) => found.has(k));
  if (actors.length === 0) {
    if (found.has('unknown')) return { actor: 'unknown', actors: [], problem: null };
    return {
      actor: 'unknown',
      actors: [],
      problem: `unknown actor word "${text.trim()}": expected words for internal (insider, employee), external (hacker, criminal) or partner (vendor, supplier, contractor); add it to the mapping's actor words`,
    };
  }
  return { actor: actors.length === 1 ? actors[0]! : 'mixed', actors, problem: null };
}

/** One-off classification with the built-in words only. */
export function classifyActor(text: string): ActorClassification {
  return defaultMatcher(text);
}

const defaultMatcher = actorMatcher();
