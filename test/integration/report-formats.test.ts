import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import type { Report } from '../../shared/report';
import { findChromium } from '../../electron/engine/export/chromium-report-browser';
import { dispatchApiCall } from '../../electron/engine/dispatch';
import { renderReportPptx } from '../../electron/engine/export/report-pptx';
import { Workbench } from '../../electron/engine/workbench';
import { makeTempDir } from '../helpers/temp-dir';
import { externalReferences } from '../unit/report-html-checks';
import { loadFixtureSource, OCR_PATHS, ocrImportAvailable } from './report-fixtures';

const ocr = ocrImportAvailable();
if (!ocr.ok) console.warn(`report formats: using the small fixture source instead of the OCR exports (${ocr.reason})`);
const chromium = findChromium();
if (!chromium) console.warn('skipping the PDF checks: no Chromium found (set CHROMIUM_PATH or install chromium)');
const hasPoppler = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');
if (!hasPoppler) console.warn('skipping the PDF page checks: pdftoppm/pdftotext (poppler-utils) are not installed');

/** Page images a person looks at after the run (test-results is not committed). */
const PAGES_DIR = resolve(__dirname, '..', '..', 'test-results', 'report-pages');

/**
 * A real report, exported in every format from the real OCR snapshots (or the fixture when the OCR
 * importer or data is missing), and checked by opening the files: the HTML's references, the PPTX
 * package's parts, the PDF's pages rendered by poppler.
 */
describe('report exports', () => {
  const temp = makeTempDir();
  let engine: Workbench;
  let api: WorkbenchApi;
  let report: Report;

  beforeAll(async () => {
    engine = await Workbench.open({ workspaceDir: join(temp.dir, 'ws'), appVersion: '0.1.0-test', transport: 'test' });
    api = createApiClient((method, request) => dispatchApiCall(engine, method, request));
    if (ocr.ok) {
      const status = await engine.importAndWait(OCR_PATHS);
      expect(status.state).toBe('done');
    } else {
      await loadFixtureSource(engine);
    }
    const base = await api.defaultReport({});
    report = { ...base, title: 'Health data breaches: board pack', author: 'Jo Analyst', tlp: 'TLP:AMBER' };
    report.items[0]!.text = 'Reported breaches have stayed above 700 a year since 2021.';
  });
  afterAll(() => {
    engine.close();
    temp.remove();
  });

  /** Breaches per year counted straight from `breaches`, not through any chart query. */
  async function breachesIn(year: number): Promise<number> {
    return Number(await engine.db.value<bigint>(`SELECT count(*) FROM breaches WHERE year(reported_date) = $year`, { year }));
  }

  it('builds the default report from the record-level dashboard charts', () => {
    const charts = report.items.map((i) => i.chart);
    expect(charts[0]).toBe('breaches_per_year');
    expect(charts).toEqual(expect.arrayContaining(['breaches_per_year']));
    for (const excluded of ['case_history', 'case_revisions', 'oaic_notifications_per_period']) expect(charts).not.toContain(excluded);
    if (ocr.ok) expect(charts).toEqual(expect.arrayContaining(['actor_per_year', 'breaches_by_type', 'largest_breaches', 'count_revisions']));
  });

  it('writes one self-contained HTML file with the numbers and the provenance', async () => {
    const file = await api.exportReport({ report, format: 'html' });
    expect(file.fileName).toBe('health-data-breaches-board-pack.html');
    const html = new TextDecoder().decode(file.bytes);
    writeFileSync(join(temp.dir, 'report.html'), html);
    expect(html).not.toMatch(/<script/i);
    expect(externalReferences(html)).toEqual([]);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(report.items.length - 2);
    const year = ocr.ok ? 2024 : 2022;
    const count = (await breachesIn(year)).toLocaleString('en-US');
    expect(html).toContain(`<tr><th scope="row">${year}</th><td class="num">${count}</td>`);
    const provenance = html.slice(html.indexOf('id="provenance"'));
    if (ocr.ok) {
      expect(provenance).toContain('U.S. Department of Health and Human Services, Office for Civil Rights');
      expect(provenance).toContain('<a href="https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf" rel="noreferrer">');
      expect(provenance).toContain('public domain');
      for (const path of OCR_PATHS) expect(provenance).toContain(path.split('/').pop()!);
      expect(provenance).toContain('actor-rules/');
      // The shared exports hold no archive after 2024-10-08: a reader is told which counts are lower bounds.
      expect(provenance).toContain('HHS OCR counts of breaches reported after 2024-10-08 are lower bounds. 2024-10-08 is the latest archive loaded.');
      expect(html).toMatch(/<figcaption class="footnote">Source: [^<]* HHS OCR counts of breaches reported after 2024-10-08 are lower bounds\./);
    } else {
      expect(provenance).toContain('incidents.csv');
    }
    expect(provenance).toContain('FROM breaches');
    expect(provenance).toContain('by Breach Workbench 0.1.0-test');
    expect(html.match(/>TLP:AMBER</g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('writes a slide deck: title slide, one slide per chart, a sources slide, each with footnote, TLP label and notes', async () => {
    const file = await api.exportReport({ report, format: 'pptx' });
    writeFileSync(join(temp.dir, 'report.pptx'), file.bytes);
    const zip = await JSZip.loadAsync(file.bytes);
    const names = Object.keys(zip.files);
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => slideNumber(a) - slideNumber(b));
    expect(slides).toHaveLength(report.items.length + 2);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const slide of slides) expect(types).toContain(`PartName="/${slide}"`);
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation.match(/<p:sldId /g)).toHaveLength(slides.length);

    for (const [i, slide] of slides.entries()) {
      const xml = await zip.file(slide)!.async('string');
      expect(xml.match(/>TLP:AMBER</g), `${slide} TLP label top and bottom`).toHaveLength(2);
      expect(xml, `${slide} footnote`).toContain('name="Source footnote"');
      expect(xml).toMatch(/Source/);
      const notes = await zip.file(`ppt/notesSlides/notesSlide${i + 1}.xml`)?.async('string');
      expect(notes, `${slide} has speaker notes`).toBeDefined();
      if (i >= 1 && i <= report.items.length) expect(notes).toContain('SQL:');
    }
    const firstNotes = await zip.file('ppt/notesSlides/notesSlide2.xml')!.async('string');
    expect(firstNotes).toContain('Reported breaches have stayed above 700 a year since 2021.');
    expect(firstNotes).toContain('CAST(count(*) AS BIGINT) AS breaches');
    if (ocr.ok) expect(firstNotes).toContain('Note: HHS OCR counts of breaches reported after 2024-10-08');

    // Native charts: breaches per year is PowerPoint's own bar+line chart, its data in an embedded workbook.
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBeGreaterThanOrEqual(1);
    const slide2Rels = await zip.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    const chartTarget = /Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/.exec(slide2Rels)![1]!;
    const perYear = await zip.file(`ppt/charts/${chartTarget}`)!.async('string');
    expect(perYear).toContain('<c:barChart>');
    expect(perYear).toContain('<c:lineChart>');
    expect(perYear).toContain(`<c:v>${ocr.ok ? 2024 : 2022}</c:v>`);
    expect(names.some((n) => /^ppt\/embeddings\/.+\.xlsx$/.test(n))).toBe(true);
    // The state map is the one chart PowerPoint cannot draw: a 2x PNG, drawn by Chromium.
    const mapSlide = report.items.findIndex((i) => i.chart === 'breaches_by_state') + 2;
    if (mapSlide >= 2 && chromium) {
      const rels = await zip.file(`ppt/slides/_rels/slide${mapSlide}.xml.rels`)!.async('string');
      const image = /Target="\.\.\/media\/(image-[\d-]+\.png)"/.exec(rels)![1]!;
      const png = Buffer.from(await zip.file(`ppt/media/${image}`)!.async('uint8array'));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 760]);
      expect(await zip.file(`ppt/notesSlides/notesSlide${mapSlide}.xml`)!.async('string')).toContain('drawn as an image (PNG at 2x)');
    }
    if (ocr.ok) {
      // Largest breaches is a native table, not a chart.
      const index = report.items.findIndex((i) => i.chart === 'largest_breaches');
      const xml = await zip.file(`ppt/slides/slide${index + 2}.xml`)!.async('string');
      expect(xml).toContain('<a:tbl>');
      expect(xml).toContain('Change Healthcare');
    }
  });

  it('puts the state map on a slide as bars when no browser can draw it', async () => {
    const doc = await engine.exports.assemble({ ...report, items: report.items.filter((i) => i.chart === 'breaches_by_state') });
    const zip = await JSZip.loadAsync(await renderReportPptx(doc));
    const rels = await zip.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    expect(rels).toContain('/charts/chart');
    expect(rels).not.toContain('/media/');
    expect(await zip.file('ppt/notesSlides/notesSlide2.xml')!.async('string')).toContain('drawn as a native chart');
  });

  describe.skipIf(!chromium || !hasPoppler)('PDF', () => {
    it('prints A4 pages with the TLP label in every header and footer and page numbers', async () => {
      const file = await api.exportReport({ report, format: 'pdf', pageSize: 'A4' });
      const path = join(temp.dir, 'report-a4.pdf');
      writeFileSync(path, file.bytes);
      expect(Buffer.from(file.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)|Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
        expect(text.match(/TLP:AMBER/g)?.length ?? 0, `page ${page}`).toBeGreaterThanOrEqual(2);
        expect(text).toContain(`Page ${page} of ${pages}`);
      }
      // The page images a person looks at (test-results/report-pages).
      rmSync(PAGES_DIR, { recursive: true, force: true });
      mkdirSync(PAGES_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-r', '80', '-png', path, join(PAGES_DIR, 'a4')]);
      const images = readdirSync(PAGES_DIR).filter((f) => f.startsWith('a4') && f.endsWith('.png'));
      expect(images).toHaveLength(pages);
      for (const image of images) expect(statSync(join(PAGES_DIR, image)).size).toBeGreaterThan(10_000);
    });

    it('prints US Letter too', async () => {
      const file = await api.exportReport({ report, format: 'pdf', pageSize: 'Letter' });
      const path = join(temp.dir, 'report-letter.pdf');
      writeFileSync(path, file.bytes);
      expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      mkdirSync(PAGES_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', path, join(PAGES_DIR, 'letter')]);
    });

    it('draws a chart as PNG at twice its size and as SVG', async () => {
      const png = await api.exportChart({ chart: 'breaches_per_year', format: 'png', width: 1000, height: 500 });
      expect(png.mimeType).toBe('image/png');
      const bytes = Buffer.from(png.bytes);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2000, 1000]);
      mkdirSync(PAGES_DIR, { recursive: true });
      writeFileSync(join(PAGES_DIR, 'breaches-per-year.png'), bytes);
      const svg = new TextDecoder().decode((await api.exportChart({ chart: 'breaches_per_year', format: 'svg' })).bytes);
      expect(svg).toMatch(/^<svg width="1200" height="560" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toContain('Breaches reported and people affected, per year');
      expect(svg).not.toMatch(/<script|<image|href="http/);
    });
  });
});

function slideNumber(name: string): number {
  return Number(/slide(\d+)\.xml$/.exec(name)![1]);
}
