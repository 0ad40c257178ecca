import type { Action } from './action';

export const setSqlText: Action<string> = {
  name: 'setSqlText',
  label: 'Edit query',
  perform: (state, sql) => (state.sql === sql ? state : { ...state, sql }),
};
