import type { Filters } from '../../../shared/filters';
import { isUsableReportName, REPORT_VERSION, type Report, type ReportItem } from '../../../shared/report';
import type { TlpLabel } from '../../../shared/schema';

/**
 * The report being edited, and every change to it as a pure function (the Excalidraw habit): the
 * editor's buttons call these, and tests call them without a window.
 */
export type Draft = Report;

let nextId = 0;
/** Unique within the window's life; stable across reorders, so React keeps each item's inputs. */
export function newItemId(): string {
  nextId += 1;
  return `item-${Date.now().toString(36)}-${nextId}`;
}

export function emptyDraft(): Draft {
  return { version: REPORT_VERSION, name: 'New report', title: 'Health data breaches', author: '', tlp: null, items: [] };
}

export function addItem(draft: Draft, chart: string, filters: Filters, id = newItemId()): Draft {
  const item: ReportItem = { id, kind: 'chart', chart, title: '', text: '', filters };
  return { ...draft, items: [...draft.items, item] };
}

export function removeItem(draft: Draft, id: string): Draft {
  return { ...draft, items: draft.items.filter((i) => i.id !== id) };
}

/** Moves an item up (-1) or down (+1); at either end it stays where it is. */
export function moveItem(draft: Draft, id: string, by: -1 | 1): Draft {
  const from = draft.items.findIndex((i) => i.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.items.length) return draft;
  const items = [...draft.items];
  const [moved] = items.splice(from, 1);
  items.splice(to, 0, moved!);
  return { ...draft, items };
}

export function updateItem(draft: Draft, id: string, change: Partial<Pick<ReportItem, 'title' | 'text' | 'filters'>>): Draft {
  return { ...draft, items: draft.items.map((i) => (i.id === id ? { ...i, ...change } : i)) };
}

export function setDetails(draft: Draft, change: Partial<{ name: string; title: string; author: string; tlp: TlpLabel | null }>): Draft {
  return { ...draft, ...change };
}

/** What stops a save or an export, in words; null when the draft is ready. */
export function draftProblem(draft: Draft): string | null {
  if (!draft.title.trim()) return 'Give the report a title.';
  if (!draft.name.trim()) return 'Give the report a name to save it under.';
  if (!isUsableReportName(draft.name)) return 'A report name may not hold slashes or control characters.';
  if (draft.items.length === 0) return 'Add at least one chart.';
  return null;
}
