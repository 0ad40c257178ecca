/**
 * What the comparison view sets side by side: the organisation's own source (null: the newest local
 * log) beside another (OCR by default), optionally over the years the own log covers only.
 */
export interface CompareState {
  mine: string | null;
  theirs: string;
  sameYears: boolean;
}

export const INITIAL_COMPARE: CompareState = { mine: null, theirs: 'ocr', sameYears: true };
