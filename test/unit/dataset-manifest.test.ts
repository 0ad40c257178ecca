import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'datasets', 'manifest.json'), 'utf8')) as {
  sources: { id: string; title: string; publisher: string; url: string; licence: string; expectedFiles: unknown[] }[];
};

describe('datasets/manifest.json', () => {
  it('names every source with title, publisher, URL, licence and expected files', () => {
    expect(manifest.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['ocr', 'oaic', 'veris', 'stix', 'kev']));
    for (const s of manifest.sources) {
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.publisher.length).toBeGreaterThan(3);
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.licence.length).toBeGreaterThan(2);
      expect(s.expectedFiles.length).toBeGreaterThan(0);
    }
  });
});
