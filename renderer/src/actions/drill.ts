import type { DrillInput } from '../../../shared/api';
import type { CaseRef } from '../state/app-state';
import type { Action } from './action';

/** Any number on screen: show the rows behind it in the Explore grid. */
export const drillDown: Action<DrillInput> = {
  name: 'drillDown',
  label: 'Show the rows behind this number',
  perform: (state, drill) => ({ ...state, view: 'explore', drill, historyCase: null }),
};

export const clearDrill: Action = {
  name: 'clearDrill',
  label: 'Show all filtered rows',
  predicate: (state) => state.drill !== null,
  perform: (state) => ({ ...state, drill: null }),
};

export const showCaseHistory: Action<CaseRef> = {
  name: 'showCaseHistory',
  label: 'Show revision history',
  perform: (state, ref) => ({ ...state, historyCase: ref }),
};

export const closeCaseHistory: Action = {
  name: 'closeCaseHistory',
  label: 'Close history',
  predicate: (state) => state.historyCase !== null,
  perform: (state) => ({ ...state, historyCase: null }),
};
