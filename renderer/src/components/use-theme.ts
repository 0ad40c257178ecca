import { useEffect, useSyncExternalStore } from 'react';
import type { ResolvedTheme } from '../charts/chart-themes';
import { useAppState } from '../state/store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToOs(listener: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

/** Light or dark as drawn now: the user's choice, or the OS setting (followed live) for "system". */
export function useResolvedTheme(): ResolvedTheme {
  const choice = useAppState((s) => s.theme);
  const osDark = useSyncExternalStore(subscribeToOs, () => window.matchMedia(DARK_QUERY).matches);
  return choice === 'system' ? (osDark ? 'dark' : 'light') : choice;
}

/** Puts the resolved theme on <html>, where the CSS variables switch. */
export function useDocumentTheme(): ResolvedTheme {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
