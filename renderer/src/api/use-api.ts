import { createContext, useContext } from 'react';
import type { WorkbenchApi } from '../../../shared/api';

export const ApiContext = createContext<WorkbenchApi | null>(null);

export function useApi(): WorkbenchApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext.Provider>');
  return api;
}
