import type { AppState } from '../state/app-state';
import type { Action } from './action';

const withCompare = (state: AppState, compare: Partial<AppState['compare']>): AppState => ({ ...state, compare: { ...state.compare, ...compare } });

export const setCompareMine: Action<string> = {
  name: 'setCompareMine',
  label: 'Your incidents',
  perform: (state, source) => (state.compare.mine === source ? state : withCompare(state, { mine: source })),
};

export const setCompareTheirs: Action<string> = {
  name: 'setCompareTheirs',
  label: 'Compared with',
  perform: (state, source) => (state.compare.theirs === source ? state : withCompare(state, { theirs: source })),
};

export const toggleCompareSameYears: Action = {
  name: 'toggleCompareSameYears',
  label: 'Only the years your log covers',
  perform: (state) => withCompare(state, { sameYears: !state.compare.sameYears }),
};

/** From an import's report: the new source beside OCR. */
export const compareSource: Action<string> = {
  name: 'compareSource',
  label: 'Compare with OCR',
  perform: (state, source) => ({ ...withCompare(state, { mine: source }), view: 'compare' }),
};
