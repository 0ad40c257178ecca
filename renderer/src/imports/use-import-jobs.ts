import { createContext, useContext, useEffect, useMemo } from 'react';
import type { WorkbenchApi } from '../../../shared/api';
import { importJobStarted, importJobUpdated } from '../actions/imports';
import { navigate } from '../actions/navigation';
import { desktopBridge } from '../api/workbench-client';
import type { Store } from '../state/store';
import { isJobRunning } from './import-state';
import { createIntake, type Intake } from './intake';

/** Each poll is one small request; often enough that a fast import still shows its steps. */
const POLL_MS = 150;

/**
 * Polls every running import job and puts its status in the app state, wherever the user is in the
 * window. Each poll is one small request, so the window never waits on an import. When a job ends,
 * `onFinished` refreshes what depends on the data (sources, dashboards).
 */
export function useImportJobs(store: Store, api: WorkbenchApi, onFinished: () => void): void {
  // Imports started before this window was (re)loaded, or by another window, keep running in the
  // engine: show them again, with their progress and Cancel.
  useEffect(() => {
    let stopped = false;
    void api
      .listJobs({})
      .then((jobs) => {
        if (stopped) return;
        for (const job of jobs.filter((j) => j.kind === 'import')) {
          store.dispatch(importJobStarted, { jobId: job.jobId, label: job.label || 'Import', mapped: null });
          store.dispatch(importJobUpdated, job);
        }
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [store, api]);

  useEffect(() => {
    let stopped = false;
    let busy = false;
    const tick = async () => {
      if (busy) return;
      const running = store.getState().imports.jobs.filter(isJobRunning);
      if (running.length === 0) return;
      busy = true;
      try {
        for (const job of running) {
          const status = await api.getJob({ jobId: job.jobId }).catch(() => null);
          if (stopped || !status) continue;
          store.dispatch(importJobUpdated, status);
          if (status.state !== 'running') onFinished();
        }
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [store, api, onFinished]);
}

export const IntakeContext = createContext<Intake | null>(null);

export function useIntake(): Intake {
  const intake = useContext(IntakeContext);
  if (!intake) throw new Error('useIntake outside <IntakeContext.Provider>');
  return intake;
}

/** One intake for the window: drops, choosers, the desktop menu and recent files all go through it. */
export function useCreateIntake(store: Store, api: WorkbenchApi): Intake {
  return useMemo(() => createIntake(api, store, desktopBridge()), [api, store]);
}

/**
 * The desktop menu: File > Open sends the picked paths (the window then maps or imports them);
 * an older main process may still send a job it started itself.
 */
export function useDesktopOpenCommands(store: Store, intake: Intake): void {
  useEffect(() => {
    return desktopBridge()?.onMenuCommand((command, payload) => {
      if (command === 'open-files') {
        const paths = parsePaths(payload);
        if (paths.length) void intake.openPaths(paths);
      }
      if (command === 'import-job-started') {
        store.dispatch(importJobStarted, { jobId: payload, label: 'Files opened from the menu', mapped: null });
        store.dispatch(navigate, 'import');
      }
    });
  }, [store, intake]);
}

function parsePaths(payload: string): string[] {
  try {
    const value: unknown = JSON.parse(payload);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
