import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_RULES, ACTOR_RULES_VERSION, THREAT_RULES, THREAT_RULES_VERSION } from '../../electron/engine/classification';
import { classifyTarget, type ClassificationTarget } from '../../electron/engine/classification/classify';
import { activeRuleSets, storeRuleSet, validateRuleSet } from '../../electron/engine/classification/rule-store';
import { ACTORS, HICP_THREATS } from '../../shared/schema';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

const TARGET: ClassificationTarget = {
  sourceId: 'test',
  relation: 'records',
  output: 'records_classification',
  columns: { id: 'id', breachTypes: 'breach_types', locations: 'locations', entityType: 'entity_type', businessAssociate: 'ba', description: 'description' },
};

/** Records shaped like OCR cases; descriptions are quoted from the shared archive's wording. */
const RECORDS: Array<[id: string, types: string[], locations: string[], ba: boolean | null, description: string | null]> = [
  ['theft-loss', ['Loss', 'Theft'], ['Laptop'], false, null],
  ['theft-loss-ba', ['Loss', 'Theft'], ['Paper/Films'], true, null],
  ['unauthorized-ba', ['Unauthorized Access/Disclosure'], ['Paper/Films'], true, null],
  ['unauthorized-ce', ['Unauthorized Access/Disclosure'], ['Email'], false, null],
  ['unauthorized-blank-ba', ['Unauthorized Access/Disclosure'], ['Email'], null, null],
  ['hacking-ba', ['Hacking/IT Incident'], ['Network Server'], true, null],
  ['hacking-email', ['Hacking/IT Incident'], ['Email'], false, null],
  ['disposal-ba', ['Improper Disposal'], ['Paper/Films'], true, null],
  ['blank', [], [], false, null],
  ['other', ['Other'], ['Other'], false, null],
  ['ransomware', ['Hacking/IT Incident'], ['Network Server'], false,
    'The covered entity (CE), X, reported that it experienced a ransomware attack that affected the PHI of 13,055 individuals.'],
  ['phishing', ['Hacking/IT Incident'], ['Email'], false,
    'The covered entity (CE), Bay Oral Surgery & Implant Center, reported that an employee was the subject of an email phishing attack.'],
  ['insider', ['Unauthorized Access/Disclosure'], ['Electronic Medical Record'], false,
    'The covered entity (CE), Northwest Medical Center, reported that an employee impermissibly accessed medical records containing the PHI of 686 individuals.'],
  ['former-employee-theft', ['Theft'], ['Desktop Computer'], false,
    'A former employee of the covered entity (CE), Intracare North Hospital, stole computers, monitors, and the CE’s billing software.'],
  ['burglary', ['Theft'], ['Laptop'], false, 'A laptop was stolen from an employee’s car parked at her home.'],
  ['misdirected-ba', ['Unauthorized Access/Disclosure'], ['Paper/Films'], true,
    'The business associate (BA), CVS Caremark Part D Services, reported that a workforce member inadvertently mailed the PHI of 11,193 individuals to the wrong recipients.'],
  ['device', ['Hacking/IT Incident'], ['Network Server'], false, 'Malware was found on an infusion pump connected to the network.'],
];

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE records (id VARCHAR, breach_types VARCHAR[], locations VARCHAR[], entity_type VARCHAR, ba BOOLEAN, description VARCHAR)`);
  for (const [id, types, locations, ba, description] of RECORDS) {
    await connection.run(`INSERT INTO records VALUES ($id, CAST($types AS VARCHAR[]), CAST($locations AS VARCHAR[]), 'Healthcare Provider', $ba, $description)`, {
      id,
      types: JSON.stringify(types),
      locations: JSON.stringify(locations),
      ba,
      description,
    });
  }
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

interface Verdict {
  actor: string;
  actors: string[];
  actor_rule: string;
  actor_confidence: number;
  threat: string;
  threat_rule: string;
  threat_confidence: number;
}

async function verdicts(): Promise<Map<string, Verdict>> {
  await classifyTarget(connection, TARGET);
  const reader = await connection.runAndReadAll(`SELECT * FROM records_classification`);
  return new Map(reader.getRowObjectsJS().map((r) => [String(r.case_id), r as unknown as Verdict]));
}

describe('actor and threat rules', () => {
  it('are versioned tables with unique ids, valid outcomes and a rationale each', () => {
    expect(ACTOR_RULES_VERSION).toBe('actor-rules/1.0.0');
    expect(THREAT_RULES_VERSION).toBe('hicp-threat-rules/1.0.0');
    for (const rules of [ACTOR_RULES, THREAT_RULES]) {
      expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      for (const r of rules) expect(r.rationale.length).toBeGreaterThan(10);
    }
    for (const r of ACTOR_RULES) expect(ACTORS).toContain(r.actor);
    for (const r of THREAT_RULES) expect(HICP_THREATS).toContain(r.threat);
  });

  it('classify records by type, business associate and description, naming rule and version', async () => {
    const v = await verdicts();
    const get = (id: string) => v.get(id)!;
    expect(v.size).toBe(RECORDS.length);

    // "Loss, Theft": a thief or a careless insider; with a business associate, the associate lost it.
    expect(get('theft-loss')).toMatchObject({ actor: 'mixed', actors: ['external', 'internal'], actor_rule: 'actor-rules/1.0.0#type.theft+type.loss', threat: 'loss_or_theft' });
    expect(get('theft-loss-ba')).toMatchObject({ actor: 'mixed', actors: ['external', 'partner'] });
    expect(get('theft-loss').actor_confidence).toBe(0.6);

    expect(get('unauthorized-ba')).toMatchObject({ actor: 'partner', actor_rule: 'actor-rules/1.0.0#type.unauthorized-ba', threat: 'insider_data_loss' });
    expect(get('unauthorized-ce')).toMatchObject({ actor: 'internal', actor_rule: 'actor-rules/1.0.0#type.unauthorized' });
    expect(get('unauthorized-blank-ba').actor).toBe('internal');
    // A hacked business associate is the victim: the actor is the hacker.
    expect(get('hacking-ba')).toMatchObject({ actor: 'external', threat: 'other', threat_rule: 'hicp-threat-rules/1.0.0#type.hacking' });
    expect(get('hacking-email')).toMatchObject({ threat: 'email_phishing', threat_confidence: 0.55 });
    expect(get('disposal-ba')).toMatchObject({ actor: 'partner', threat: 'insider_data_loss' });
    expect(get('blank')).toMatchObject({ actor: 'unknown', actors: ['unknown'], actor_rule: 'actor-rules/1.0.0#fallback.unknown', actor_confidence: 0, threat: 'other' });
    expect(get('other').actor).toBe('unknown');

    expect(get('ransomware')).toMatchObject({ actor: 'external', actor_rule: 'actor-rules/1.0.0#desc.ransomware', threat: 'ransomware', threat_confidence: 0.9 });
    // The employee who clicked is not the actor.
    expect(get('phishing')).toMatchObject({ actor: 'external', actor_rule: 'actor-rules/1.0.0#desc.phishing', threat: 'email_phishing' });
    expect(get('insider')).toMatchObject({ actor: 'internal', actor_rule: 'actor-rules/1.0.0#desc.insider-misuse', threat: 'insider_data_loss' });
    // Theft by a former employee is internal, although Theft alone would say external.
    expect(get('former-employee-theft')).toMatchObject({ actor: 'internal', threat: 'insider_data_loss' });
    expect(get('burglary')).toMatchObject({ actor: 'external', actor_rule: 'actor-rules/1.0.0#desc.burglary', threat: 'loss_or_theft' });
    expect(get('misdirected-ba')).toMatchObject({ actor: 'partner', actor_rule: 'actor-rules/1.0.0#desc.vendor-fault+desc.misdirected-ba' });
    expect(get('device')).toMatchObject({ actor: 'external', threat: 'medical_device_attack' });
  });

  it('a user rule set replaces the built-in one after validation, and can be withdrawn', async () => {
    await expect(validateRuleSet(connection, 'actor', { version: 'actor-rules/1.0.0', rules: ACTOR_RULES })).rejects.toThrow(/its own version/);
    await expect(
      validateRuleSet(connection, 'actor', { version: 'mine/1', rules: [{ id: 'bad', tier: 1, when: { descriptionMatches: '(' }, actor: 'external', confidence: 1, rationale: 'a broken pattern' }] }),
    ).rejects.toThrow(/Rule "bad": the pattern "\(" is not a valid regular expression/);
    await expect(validateRuleSet(connection, 'actor', { version: 'mine/1', rules: [{ id: 'x', tier: 1, when: {}, actor: 'mixed', confidence: 1, rationale: 'mixed is derived' }] })).rejects.toThrow(
      /not valid/,
    );
    const mine = {
      version: 'newsroom-actor/2025-01',
      rules: [
        { id: 'ba-always-partner', tier: 1, when: { businessAssociate: true }, actor: 'partner', confidence: 0.5, rationale: 'House rule: any business associate is the actor.' },
        { id: 'rest', tier: 2, when: {}, actor: 'unknown', confidence: 0, rationale: 'Everything else.' },
      ],
    };
    const set = await validateRuleSet(connection, 'actor', mine);
    await storeRuleSet(connection, 'actor', set);
    expect((await activeRuleSets(connection)).custom).toEqual({ actor: true, threat: false });
    const v = await verdicts();
    expect(v.get('hacking-ba')).toMatchObject({ actor: 'partner', actor_rule: 'newsroom-actor/2025-01#ba-always-partner' });
    expect(v.get('ransomware')).toMatchObject({ actor: 'unknown', actor_rule: 'newsroom-actor/2025-01#rest', threat: 'ransomware' });
    await storeRuleSet(connection, 'actor', null);
    expect((await verdicts()).get('hacking-ba')?.actor_rule).toBe('actor-rules/1.0.0#type.hacking');
  });

  it('binds rule text as values: a pattern with quotes cannot break the SQL', async () => {
    const set = await validateRuleSet(connection, 'threat', {
      version: 'quotes/1',
      rules: [{ id: 'quote', tier: 1, when: { descriptionMatches: "CE’s'\\); DROP TABLE records; --" }, threat: 'other', confidence: 0.1, rationale: 'a hostile pattern' }],
    });
    await storeRuleSet(connection, 'threat', set);
    const v = await verdicts();
    expect(v.size).toBe(RECORDS.length);
    expect(v.get('ransomware')?.threat_rule).toBe('quotes/1#none');
    await storeRuleSet(connection, 'threat', null);
  });
});
