import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { echartsOption } from '../../electron/engine/export/chart-option';
import { renderChartSvg } from '../../electron/engine/export/chart-svg';
import { chartFigure } from '../../electron/engine/reports/chart-figure';

describe('chart figures', () => {
  it('draws breaches per year as bars with people affected as a line on a second axis', () => {
    const table = tableFromArrays({ year: Int32Array.from([2022, 2023, 2024]), breaches: Float64Array.from([720, 745, 725]), people_affected: Float64Array.from([58e6, 170e6, 276e6]) });
    const figure = chartFigure('breaches_per_year', table);
    expect(figure).toMatchObject({ kind: 'xy', categories: ['2022', '2023', '2024'], horizontal: false, axisNames: ['Breaches', 'People affected'] });
    if (figure.kind !== 'xy') throw new Error('xy expected');
    expect(figure.series.map((s) => [s.name, s.type, s.axis, s.values])).toEqual([
      ['Breaches', 'bar', 0, [720, 745, 725]],
      ['People affected', 'line', 1, [58e6, 170e6, 276e6]],
    ]);
  });

  it('shades the years whose counts are lower bounds, from the year of the caveat’s date', () => {
    const table = tableFromArrays({ year: Int32Array.from([2022, 2023, 2024, 2025]), breaches: Float64Array.from([720, 745, 725, 690]), people_affected: Float64Array.from([1, 2, 3, 4]) });
    const caveat = { summary: 'HHS OCR counts of breaches reported after 2024-10-08 are lower bounds.', detail: '', after: '2024-10-08' };
    const figure = chartFigure('breaches_per_year', table, [caveat]);
    expect(figure).toMatchObject({ kind: 'xy', lowerBoundFrom: 2 });
    expect(chartFigure('breaches_per_year', table)).not.toHaveProperty('lowerBoundFrom');
    const option = echartsOption(figure) as { series: { markArea?: { data: unknown } }[] };
    expect(option.series[0]!.markArea?.data).toEqual([[{ xAxis: 2 }, { xAxis: 3 }]]);
    expect(option.series[1]!.markArea).toBeUndefined();
    expect(renderChartSvg(option, { width: 800, height: 380 })).toContain('>Lower bounds<');
  });

  it('pivots one row per year and actor into stacked series, with the actor names a reader knows', () => {
    const table = tableFromArrays({
      year: Int32Array.from([2023, 2023, 2024, 2024]),
      actor: ['internal', 'external', 'external', 'partner'],
      breaches: Float64Array.from([90, 610, 600, 40]),
    });
    const figure = chartFigure('actor_per_year', table);
    if (figure.kind !== 'xy') throw new Error('xy expected');
    expect(figure.categories).toEqual(['2023', '2024']);
    expect(figure.series.map((s) => [s.name, s.stack, s.values])).toEqual([
      ['Insider (internal)', 'total', [90, null]],
      ['External', 'total', [610, 600]],
      ['Partner', 'total', [null, 40]],
    ]);
  });

  it('draws categories with long names as horizontal bars and keeps people affected for the table', () => {
    const table = tableFromArrays({ breach_type: ['Hacking/IT Incident', 'Theft'], breaches: Float64Array.from([4322, 1060]), people_affected: Float64Array.from([7e8, 2e7]) });
    const figure = chartFigure('breaches_by_type', table);
    if (figure.kind !== 'xy') throw new Error('xy expected');
    expect(figure.horizontal).toBe(true);
    expect(figure.series.map((s) => s.name)).toEqual(['Breaches']);
    expect(figure.extra.map((s) => [s.name, s.values])).toEqual([['People affected', [7e8, 2e7]]]);
  });

  it('keeps the 25 largest of many categories and says so', () => {
    const states = Array.from({ length: 53 }, (_, i) => `S${i}`);
    const table = tableFromArrays({ state: states, breaches: Float64Array.from(states.map((_, i) => i)) });
    const figure = chartFigure('breaches_by_code', table);
    if (figure.kind !== 'xy') throw new Error('xy expected');
    expect(figure.categories).toHaveLength(25);
    expect(figure.categories[0]).toBe('S52');
    expect(figure.note).toBe('The 25 largest of 53 categories.');
  });

  it('draws breaches by state as a US map, naming what the map cannot show', () => {
    const table = tableFromArrays({
      country: ['US', 'US', 'US', 'US'],
      state: ['TX', 'CA', 'PR', 'Not stated'],
      breaches: Float64Array.from([600, 729, 32, 22]),
      people_affected: Float64Array.from([1e7, 2e7, 1e5, 3e3]),
    });
    const figure = chartFigure('breaches_by_state', table);
    if (figure.kind !== 'map') throw new Error('map expected');
    expect(figure.regions.map((r) => [r.code, r.name, r.value])).toEqual([
      ['CA', 'California', 729],
      ['TX', 'Texas', 600],
      ['PR', 'Puerto Rico', 32],
      ['Not stated', 'Not stated', 22],
    ]);
    expect(figure.extra.map((s) => [s.name, s.values])).toEqual([['People affected', [2e7, 1e7, 1e5, 3e3]]]);
    expect(figure.note).toBe('Not on the map: Puerto Rico 32, Not stated 22.');
  });

  it('shows a chart nobody described from its columns: text category, numeric bars; several text columns make a table', () => {
    const bars = chartFigure('some_new_chart', tableFromArrays({ kind: ['a', 'b'], n: Float64Array.from([1, 2]) }));
    expect(bars).toMatchObject({ kind: 'xy', categories: ['a', 'b'] });
    const table = chartFigure('another_chart', tableFromArrays({ entity: ['A'], state: ['CA'], year: Int32Array.from([2021]), n: Float64Array.from([5]) }));
    expect(table).toMatchObject({ kind: 'table', rows: [['A', 'CA', 2021, 5]] });
    if (table.kind !== 'table') throw new Error('table expected');
    // A year is a label: not formatted as "2,021".
    expect(table.columns.find((c) => c.name === 'year')?.numeric).toBe(false);
  });
});
