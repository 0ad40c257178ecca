import PptxGenJS from 'pptxgenjs';
import type { TlpLabel } from '../../../shared/schema';
import type { ChartFigure } from '../reports/chart-figure';
import type { ReportDocument, ReportDocumentItem } from '../reports/report-document';
import { crowdedCategories, echartsOption, mapAsBars, REPORT_PALETTE } from './chart-option';
import { renderChartSvg, REPORT_CHART_SIZE } from './chart-svg';
import { formatNumber } from './html-text';
import type { ReportBrowser } from './report-browser';
import { TLP_BACKGROUND, TLP_COLOURS, TLP_MEANING } from './tlp-style';

type Slide = PptxGenJS.Slide;

/** 16:9 widescreen, in inches. */
const W = 13.333;
const H = 7.5;
const MARGIN = 0.5;
const FONT = 'Arial';
const GREY = '4A5563';
const INK = '1D232B';
const hex = (c: string) => c.replace('#', '').toUpperCase();
/** Rows of a table that fit a slide at a readable size. */
const SLIDE_TABLE_ROWS = 12;

/**
 * Board slides: a title slide, one slide per chart, and a closing sources slide. Charts are native
 * PowerPoint charts (bar, line, bar+line on two axes, pie) that a person can restyle and whose data
 * opens in PowerPoint's sheet; tables are native tables; a chart the native types cannot show is a
 * 2x PNG drawn by the report browser. Every slide carries its source footnote and, when the report
 * has one, the TLP label top right and bottom right; the SQL and the item's text go in the notes.
 */
export async function renderReportPptx(doc: ReportDocument, browser?: ReportBrowser): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = doc.report.title;
  pptx.author = doc.report.author || 'Breach Workbench';
  pptx.company = '';
  pptx.subject = doc.report.tlp ? `${doc.report.tlp} ${doc.report.title}` : doc.report.title;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

  titleSlide(pptx, doc);
  for (const [index, entry] of doc.items.entries()) await chartSlide(pptx, doc, entry, index, browser);
  sourcesSlide(pptx, doc);

  const out = await pptx.write({ outputType: 'uint8array', compression: true });
  return out as Uint8Array;
}

function titleSlide(pptx: PptxGenJS, doc: ReportDocument): void {
  const slide = pptx.addSlide();
  const { report, provenance } = doc;
  tlpLabels(slide, report.tlp);
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: 2.15, w: 0.28, h: 1.6, fill: { color: hex(REPORT_PALETTE[0]!) }, line: { color: hex(REPORT_PALETTE[0]!) } });
  slide.addText(report.title, { x: MARGIN + 0.2, y: 2.0, w: W - 2 * MARGIN - 0.2, h: 1.3, fontFace: FONT, fontSize: 40, bold: true, color: INK, valign: 'bottom', fit: 'shrink' });
  const byline = [report.author ? `By ${report.author}` : null, provenance.generatedAt.slice(0, 10)].filter(Boolean).join('  ·  ');
  slide.addText(byline, { x: MARGIN + 0.2, y: 3.35, w: W - 2 * MARGIN - 0.2, h: 0.5, fontFace: FONT, fontSize: 18, color: GREY });
  const lines = [`${doc.items.length} chart${doc.items.length === 1 ? '' : 's'}`, `Data: ${sourceNames(doc)}`];
  slide.addText(lines.join('\n'), { x: MARGIN + 0.2, y: 4.1, w: W - 2 * MARGIN - 0.2, h: 0.9, fontFace: FONT, fontSize: 16, color: INK, valign: 'top' });
  if (report.tlp) {
    slide.addText(`${report.tlp}: ${TLP_MEANING[report.tlp]}`, { x: MARGIN + 0.2, y: 5.2, w: W - 2 * MARGIN - 0.2, h: 0.6, fontFace: FONT, fontSize: 12, color: GREY, valign: 'top' });
  }
  footnote(slide, `Made with Breach Workbench ${provenance.appVersion}. Sources: ${sourceNames(doc)}; details on the last slide.`);
  slide.addNotes(
    [`${report.title}`, report.author ? `Author: ${report.author}` : '', `Made ${provenance.generatedAt} with Breach Workbench ${provenance.appVersion} (DuckDB ${provenance.duckdbVersion}).`]
      .filter(Boolean)
      .join('\n'),
  );
}

async function chartSlide(pptx: PptxGenJS, doc: ReportDocument, entry: ReportDocumentItem, index: number, browser: ReportBrowser | undefined): Promise<void> {
  const slide = pptx.addSlide();
  tlpLabels(slide, doc.report.tlp);
  slide.addText(entry.title, { x: MARGIN, y: 0.3, w: W - 2 * MARGIN - 2.6, h: 0.75, fontFace: FONT, fontSize: 26, bold: true, color: INK, valign: 'middle', fit: 'shrink' });
  const subtitle = entry.title !== entry.chartTitle ? entry.chartTitle : entry.units ? `Units: ${entry.units}` : '';
  if (subtitle) slide.addText(subtitle, { x: MARGIN, y: 1.02, w: W - 2 * MARGIN, h: 0.35, fontFace: FONT, fontSize: 14, color: GREY });
  const text = entry.item.text.trim();
  const box = { x: MARGIN, y: 1.45, w: W - 2 * MARGIN, h: text ? 4.35 : 5.15 };
  const how = await drawFigure(pptx, slide, entry.figure, box, entry.title, browser);
  if (text) slide.addText(text, { x: MARGIN, y: 5.9, w: W - 2 * MARGIN, h: 0.75, fontFace: FONT, fontSize: 14, color: INK, valign: 'top', fit: 'shrink' });
  const cut = entry.figure.kind === 'table' && entry.figure.rows.length > SLIDE_TABLE_ROWS ? ` The first ${SLIDE_TABLE_ROWS} of ${entry.figure.rows.length} rows; the HTML and PDF report list them all.` : '';
  footnote(slide, `${entry.footnote}${entry.figure.note ? ` ${entry.figure.note}` : ''}${cut}`);
  slide.addNotes(speakerNotes(entry, index, how));
}

type Drawn = 'native chart' | 'native table' | 'image';

async function drawFigure(pptx: PptxGenJS, slide: Slide, figure: ChartFigure, box: PptxGenJS.PositionProps, title: string, browser: ReportBrowser | undefined): Promise<Drawn> {
  if (figure.kind === 'table') {
    tableOnSlide(slide, figure, box);
    return 'native table';
  }
  const native = nativeChart(pptx, figure);
  if (native) {
    slide.addChart(native.types as never, native.data as never, { ...box, ...native.options, altText: title });
    return 'native chart';
  }
  const option = echartsOption(figure);
  if (!option || !browser) {
    // No browser to draw the picture (a CLI on a machine without Chromium): the map's numbers as bars.
    if (figure.kind === 'map') return drawFigure(pptx, slide, mapAsBars(figure), box, title, undefined);
    slide.addText('This chart cannot be drawn on a slide here; its data is in the report\'s other formats.', { ...box, fontFace: FONT, fontSize: 14, color: GREY, align: 'center' });
    return 'image';
  }
  let png: Uint8Array;
  try {
    png = await browser.svgToPng(renderChartSvg(option), REPORT_CHART_SIZE, 2);
  } catch (error) {
    if (figure.kind === 'map') return drawFigure(pptx, slide, mapAsBars(figure), box, title, undefined);
    throw error;
  }
  slide.addImage({ data: `image/png;base64,${Buffer.from(png).toString('base64')}`, ...box, sizing: { type: 'contain', w: Number(box.w), h: Number(box.h) }, altText: title });
  return 'image';
}

interface NativeChart {
  types: PptxGenJS.CHART_NAME | PptxGenJS.IChartMulti[];
  data: PptxGenJS.OptsChartData[] | undefined;
  options: PptxGenJS.IChartOpts;
}

/** Bar, line, bar+line on two axes and pie are PowerPoint's own chart types; anything else is not. */
function nativeChart(pptx: PptxGenJS, figure: ChartFigure): NativeChart | null {
  const base: PptxGenJS.IChartOpts = {
    showLegend: figure.kind === 'pie' || (figure.kind === 'xy' && figure.series.length > 1),
    legendPos: 't',
    legendFontSize: 12,
    legendFontFace: FONT,
    catAxisLabelFontSize: 11,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 11,
    valAxisLabelFontFace: FONT,
    valGridLine: { color: 'DBDEE4', size: 0.75 },
  };
  if (figure.kind === 'pie') {
    return {
      types: pptx.ChartType.doughnut,
      data: [{ name: figure.valueName, labels: figure.slices.map((s) => s.name), values: figure.slices.map((s) => s.value) }],
      options: { ...base, chartColors: REPORT_PALETTE.map(hex), showPercent: true, showValue: false, dataLabelColor: 'FFFFFF', holeSize: 45, legendPos: 'r' },
    };
  }
  if (figure.kind !== 'xy') return null;
  const bars = figure.series.filter((s) => s.type === 'bar');
  const lines = figure.series.filter((s) => s.type === 'line');
  // PowerPoint draws a bar chart's first category at the bottom: reversed, the largest bar is on top
  // and the value axis stays at the bottom (reversing the axis instead moves it to the top).
  const order = <T,>(list: T[]) => (figure.horizontal ? [...list].reverse() : list);
  const data = (series: typeof figure.series) => series.map((s) => ({ name: s.name, labels: order(figure.categories), values: order(s.values) as number[] }));
  const colourOf = (s: (typeof figure.series)[number]) => hex(REPORT_PALETTE[figure.series.indexOf(s) % REPORT_PALETTE.length]!);
  const format = (values: (number | null)[]) => (figure.percent ? '0%' : axisFormat(values));
  const few = figure.categories.length <= 15 && figure.series.length === 1;
  const stacked = figure.series.some((s) => s.stack);
  const catAxis: PptxGenJS.IChartPropsAxisCat = {
    catAxisTitle: figure.categoryName,
    showCatAxisTitle: !figure.horizontal,
    catAxisTitleFontSize: 12,
    catAxisLabelRotate: crowdedCategories(figure) ? -45 : 0,
  };
  const barOptions: PptxGenJS.IChartOpts = {
    barDir: figure.horizontal ? 'bar' : 'col',
    barGrouping: stacked ? 'stacked' : 'clustered',
    barGapWidthPct: 60,
    chartColors: bars.map(colourOf),
    ...(few ? { showValue: true, dataLabelFormatCode: figure.percent ? '0.0%' : '#,##0', dataLabelFontSize: 10, dataLabelPosition: figure.horizontal ? 'outEnd' : 'outEnd' } : {}),
  };
  const valAxis = (series: typeof figure.series, title: string | undefined): PptxGenJS.IChartPropsAxisVal => ({
    showValAxisTitle: Boolean(title),
    valAxisTitle: title ?? '',
    valAxisTitleFontSize: 12,
    valAxisLabelFormatCode: format(series.flatMap((s) => s.values)),
    ...(figure.percent ? { valAxisMaxVal: 1 } : {}),
  });
  if (lines.length === 0 || bars.length === 0) {
    const only = lines.length ? lines : bars;
    return {
      types: lines.length ? pptx.ChartType.line : pptx.ChartType.bar,
      data: data(only),
      options: {
        ...base,
        ...catAxis,
        ...valAxis(only, figure.axisNames[0]),
        ...(lines.length ? { chartColors: lines.map(colourOf), lineSize: 2, lineDataSymbolSize: 6 } : barOptions),
      },
    };
  }
  // Bars on the left axis, lines on the right: PowerPoint's combination chart.
  const onSecond = lines.some((s) => s.axis === 1);
  return {
    types: [
      { type: pptx.ChartType.bar, data: data(bars), options: barOptions },
      { type: pptx.ChartType.line, data: data(lines), options: { chartColors: lines.map(colourOf), lineSize: 2, lineDataSymbolSize: 6, secondaryValAxis: onSecond, secondaryCatAxis: onSecond } },
    ],
    data: undefined,
    options: {
      ...base,
      ...(onSecond
        ? {
            valAxes: [valAxis(bars, figure.axisNames[0]), { ...valAxis(lines, figure.axisNames[1]), valGridLine: { style: 'none' } }],
            catAxes: [catAxis, { catAxisHidden: true }],
          }
        : { ...catAxis, ...valAxis(figure.series, figure.axisNames[0]) }),
    },
  };
}

/** PowerPoint has no map chart that pptxgenjs can write: a map goes on the slide as a picture. */
export function needsImage(figure: ChartFigure): boolean {
  return figure.kind === 'map';
}

/** Thousands separators, and millions as "190M" once the axis reaches millions. */
function axisFormat(values: (number | null)[]): string {
  const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  if (max >= 1_000_000) return '[>=1000000]#,##0,,"M";[>=1000]#,##0,"K";0';
  return '#,##0';
}

function tableOnSlide(slide: Slide, figure: Extract<ChartFigure, { kind: 'table' }>, box: PptxGenJS.PositionProps): void {
  if (figure.columns.length === 0) {
    slide.addText(figure.note ?? 'No data.', { ...box, fontFace: FONT, fontSize: 16, color: GREY, align: 'center' });
    return;
  }
  const rows = figure.rows.slice(0, SLIDE_TABLE_ROWS);
  const header = figure.columns.map((c) => ({ text: c.label, options: { bold: true, fill: { color: 'F3F5F7' }, align: c.numeric ? ('right' as const) : ('left' as const) } }));
  const body = rows.map((r) =>
    r.map((v, i) => {
      const numeric = figure.columns[i]?.numeric ?? false;
      return { text: v === null ? '–' : numeric ? formatNumber(Number(v)) : truncate(String(v), 60), options: { align: numeric ? ('right' as const) : ('left' as const) } };
    }),
  );
  // Columns as wide as their longest text (within limits), so names wrap less than dates and codes.
  const weights = figure.columns.map((c, i) => Math.min(36, Math.max(5, c.label.length, ...rows.map((r) => String(r[i] ?? '').length))));
  const total = weights.reduce((a, b) => a + b, 0);
  slide.addTable([header, ...body], {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: weights.map((w) => (Number(box.w) * w) / total),
    fontFace: FONT,
    fontSize: rows.length > 12 ? 10 : 12,
    color: INK,
    border: { type: 'solid', pt: 0.5, color: 'D8DDE3' },
    autoPage: false,
    margin: 0.04,
  });
}

function speakerNotes(entry: ReportDocumentItem, index: number, how: Drawn): string {
  const m = entry.meta;
  return [
    `${index + 1}. ${entry.title}`,
    entry.item.text.trim() ? `\n${entry.item.text.trim()}\n` : '',
    `Chart: ${entry.chartTitle} (${entry.item.chart})${entry.units ? `; units: ${entry.units}` : ''}; drawn as ${how === 'image' ? 'an image (PNG at 2x)' : `a ${how}`}.`,
    `Filters: ${entry.filtersText}.`,
    `Rows in the result: ${m.rowCount}.`,
    `Sources: ${m.sources.join(', ') || 'none'}; snapshot dates: ${m.snapshotDates.join(', ') || 'none'}.`,
    `Files: ${m.files.join(', ') || 'none'}.`,
    m.ruleVersions.length ? `Classification rules: ${m.ruleVersions.join(', ')}.` : '',
    ...m.caveats.map((c) => `Note: ${c.summary} ${c.detail}`),
    '',
    'SQL:',
    m.sql.trim(),
    m.params.length ? `Parameters: ${m.params.map((p) => JSON.stringify(p)).join(', ')}` : '',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

function sourcesSlide(pptx: PptxGenJS, doc: ReportDocument): void {
  const slide = pptx.addSlide();
  const p = doc.provenance;
  tlpLabels(slide, doc.report.tlp);
  slide.addText('Sources and method', { x: MARGIN, y: 0.3, w: W - 2 * MARGIN - 2.6, h: 0.75, fontFace: FONT, fontSize: 26, bold: true, color: INK });
  const paragraphs: PptxGenJS.TextProps[] = [];
  for (const s of p.sources) {
    const dates = s.files.map((f) => f.snapshotDate).filter((d): d is string => d !== null).sort();
    const span = dates.length ? `snapshots ${dates[0]}${dates.length > 1 ? ` to ${dates[dates.length - 1]}` : ''}, ` : '';
    paragraphs.push({ text: s.title, options: { bold: true, breakLine: true, fontSize: 18 } });
    paragraphs.push({ text: [s.publisher, s.url, s.licence ? `Licence: ${s.licence}` : null].filter(Boolean).join(' · '), options: { breakLine: true, fontSize: 14, color: GREY } });
    paragraphs.push({ text: `${span}${s.files.length} file${s.files.length === 1 ? '' : 's'}: ${s.files.map((f) => f.name).join(', ')}`, options: { breakLine: true, fontSize: 12, color: GREY, paraSpaceAfter: 14 } });
  }
  if (p.sources.length === 0) paragraphs.push({ text: 'No source data was loaded when this deck was made.', options: { breakLine: true } });
  for (const c of p.caveats) paragraphs.push({ text: `${c.summary} ${c.detail}`, options: { breakLine: true, fontSize: 12, color: INK, paraSpaceAfter: 14 } });
  paragraphs.push({
    text: `Every chart's SQL, filters and files are in its speaker notes and in the HTML or PDF report. ${p.ruleVersions.length ? `Classification rules: ${p.ruleVersions.join(', ')}. ` : ''}Made ${p.generatedAt} with Breach Workbench ${p.appVersion} (DuckDB ${p.duckdbVersion}).`,
    options: { fontSize: 14, color: INK },
  });
  slide.addText(paragraphs, { x: MARGIN, y: 1.3, w: W - 2 * MARGIN, h: 5.3, fontFace: FONT, color: INK, valign: 'top' });
  footnote(slide, `Sources: ${sourceNames(doc)}.`);
  slide.addNotes(
    p.sources
      .flatMap((s) => [`${s.title} (${s.id})`, ...s.files.map((f) => `  ${f.name}  snapshot ${f.snapshotDate ?? '-'}  ${f.rowsLoaded} rows  sha256 ${f.sha256}`)])
      .join('\n') || 'No sources.',
  );
}

/** TLP 2.0: the label, top right and bottom right, 12 pt or larger, its colour on black. */
function tlpLabels(slide: Slide, tlp: TlpLabel | null): void {
  if (!tlp) return;
  const w = tlp.length > 10 ? 2.35 : 1.55;
  for (const y of [0.3, H - 0.5]) {
    slide.addText(tlp, {
      x: W - MARGIN - w,
      y,
      w,
      h: 0.36,
      fontFace: FONT,
      fontSize: 14,
      bold: true,
      color: hex(TLP_COLOURS[tlp]),
      fill: { color: hex(TLP_BACKGROUND) },
      align: 'center',
      valign: 'middle',
      margin: 0,
      objectName: `TLP label ${y < 1 ? 'top' : 'bottom'}`,
    });
  }
}

function footnote(slide: Slide, text: string): void {
  slide.addText(text, { x: MARGIN, y: H - 0.72, w: W - 2 * MARGIN - 2.7, h: 0.6, fontFace: FONT, fontSize: 10, color: GREY, valign: 'bottom', fit: 'shrink', objectName: 'Source footnote' });
}

function sourceNames(doc: ReportDocument): string {
  return doc.provenance.sources.map((s) => s.title).join('; ') || 'no data loaded';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
