import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTOR_RULES, ACTOR_RULES_VERSION, THREAT_RULES, THREAT_RULES_VERSION } from '../../electron/engine/classification';

describe('docs/classification.md', () => {
  const doc = readFileSync(resolve(__dirname, '../../docs/classification.md'), 'utf8');

  it('documents every rule of both sets, with its verdict and confidence, under the current versions', () => {
    expect(doc).toContain(`\`${ACTOR_RULES_VERSION}\``);
    expect(doc).toContain(`\`${THREAT_RULES_VERSION}\``);
    for (const rule of ACTOR_RULES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${rule.id}\` | ${rule.tier} |`) && l.includes(`| ${rule.actor} |`));
      expect(row, rule.id).toBeDefined();
      expect(row).toContain(`| ${rule.confidence === 0 ? '0' : rule.confidence.toFixed(2)} |`);
    }
    for (const rule of THREAT_RULES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${rule.id}\` | ${rule.tier} |`) && l.includes(`| ${rule.threat} |`));
      expect(row, rule.id).toBeDefined();
      expect(row).toContain(`| ${rule.confidence === 0 ? '0' : rule.confidence.toFixed(2)} |`);
    }
  });
});
