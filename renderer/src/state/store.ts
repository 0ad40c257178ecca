import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Action } from '../actions/action';
import type { AppState } from './app-state';

export interface Store {
  getState(): AppState;
  /** Runs an action's pure `perform` and tells every subscriber. */
  dispatch<P>(action: Action<P>, payload: P): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action, payload) {
      if (action.predicate && !action.predicate(state)) return;
      const next = action.perform(state, payload);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <StoreContext.Provider>');
  return store;
}

/** A slice of the state; the component re-renders only when that slice changes (by identity). */
export function useAppState<T>(select: (state: AppState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** Runs an action: what buttons, menu items and shortcuts all call. */
export function useDispatch(): Store['dispatch'] {
  return useStore().dispatch;
}
