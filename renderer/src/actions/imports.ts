import type { IdentifiedFile, JobStatus, Mapping } from '../../../shared/api';
import {
  isJobRunning,
  mappingFile,
  rememberRecent,
  type ImportJobEntry,
  type ImportsState,
  type MappingDraft,
  type MappingFile,
} from '../imports/import-state';
import type { AppState } from '../state/app-state';
import { primary, type Action } from './action';

const withImports = (state: AppState, imports: Partial<ImportsState>): AppState => ({ ...state, imports: { ...state.imports, ...imports } });

/** Ctrl+O (and the sidebar's Import): the view where files are opened, mapped and imported. */
export const openImportView: Action = {
  name: 'openImportView',
  label: 'Open files…',
  shortcut: 'Ctrl+O',
  keyTest: (e) => primary(e) && !e.shiftKey && e.key.toLowerCase() === 'o',
  perform: (state) => (state.view === 'import' ? state : { ...state, view: 'import' }),
};

/** Browser mode: dropped files go to the web host first; the import view says so meanwhile. */
export const uploadStarted: Action<{ names: string[]; bytes: number }> = {
  name: 'uploadStarted',
  label: 'Upload files',
  perform: (state, { names, bytes }) => ({
    ...withImports(state, { uploading: { names, done: 0, total: names.length, sentBytes: 0, totalBytes: bytes } }),
    view: 'import',
  }),
};

/** Another part of an upload reached the engine. */
export const uploadSent: Action<number> = {
  name: 'uploadSent',
  label: 'Upload progress',
  perform: (state, bytes) =>
    state.imports.uploading ? withImports(state, { uploading: { ...state.imports.uploading, sentBytes: state.imports.uploading.sentBytes + bytes } }) : state,
};

export const uploadProgressed: Action<number> = {
  name: 'uploadProgressed',
  label: 'Upload progress',
  perform: (state, done) => (state.imports.uploading ? withImports(state, { uploading: { ...state.imports.uploading, done } }) : state),
};

/** Opening failed before anything could be identified (an upload refused, the engine unreachable). */
export const intakeFailed: Action<{ name: string; message: string }> = {
  name: 'intakeFailed',
  label: 'Could not open',
  perform: (state, problem) => ({ ...withImports(state, { uploading: null, problems: [...state.imports.problems, problem] }), view: 'import' }),
};

/**
 * The engine said what each opened file is: local logs queue for the mapping step, files that cannot
 * be read are listed with the reason, and every readable one goes to the recent files. Files that
 * import without a mapping are started as a job by the intake, which then runs `importJobStarted`.
 */
export const filesIdentified: Action<{ files: IdentifiedFile[]; at: string }> = {
  name: 'filesIdentified',
  label: 'Open files',
  perform: (state, { files, at }) => {
    const queued = new Set(state.imports.queue.map((d) => d.file.path));
    const drafts: MappingDraft[] = files
      .filter((f) => f.needsMapping && f.problem === null && !queued.has(f.path))
      .map((f) => ({ file: mappingFile(f), mapping: null, preset: null, edited: false, rerun: false }));
    const problems = files.filter((f) => f.problem !== null).map((f) => ({ name: f.name, message: f.problem! }));
    return {
      ...withImports(state, {
        uploading: null,
        queue: [...state.imports.queue, ...drafts],
        problems: [...state.imports.problems, ...problems],
      }),
      recentFiles: rememberRecent(state.recentFiles, files, at),
      view: 'import',
    };
  },
};

export const dismissProblems: Action = {
  name: 'dismissProblems',
  label: 'Dismiss',
  predicate: (state) => state.imports.problems.length > 0,
  perform: (state) => withImports(state, { problems: [] }),
};

/** The engine's first preview of a queued file: the preset it applied, or the mapping it detected. */
export const mappingProposed: Action<{ path: string; mapping: Mapping; preset: MappingDraft['preset'] }> = {
  name: 'mappingProposed',
  label: 'Mapping proposed',
  perform: (state, { path, mapping, preset }) =>
    updateDraft(state, path, (d) => (d.mapping ? d : { ...d, mapping, preset })),
};

/** Any change in the mapping step: a field's column or date format, actor words, reading options. */
export const editMapping: Action<{ path: string; mapping: Mapping }> = {
  name: 'editMapping',
  label: 'Change the mapping',
  perform: (state, { path, mapping }) => updateDraft(state, path, (d) => ({ ...d, mapping, edited: true })),
};

export const skipMappingFile: Action<string> = {
  name: 'skipMappingFile',
  label: 'Skip this file',
  perform: (state, path) => withImports(state, { queue: state.imports.queue.filter((d) => d.file.path !== path) }),
};

/** A job was started: by the mapping step (which then leaves the queue), by the intake, or by the desktop menu. */
export const importJobStarted: Action<{ jobId: string; label: string; mapped: ImportJobEntry['mapped'] }> = {
  name: 'importJobStarted',
  label: 'Import',
  perform: (state, { jobId, label, mapped }) => {
    if (state.imports.jobs.some((j) => j.jobId === jobId)) return state;
    const entry: ImportJobEntry = { jobId, label, mapped, status: null, cancelling: false };
    const queue = mapped ? state.imports.queue.filter((d) => d.file.path !== mapped.file.path) : state.imports.queue;
    return withImports(state, { jobs: [entry, ...state.imports.jobs], queue });
  },
};

export const importJobUpdated: Action<JobStatus> = {
  name: 'importJobUpdated',
  label: 'Import progress',
  perform: (state, status) =>
    updateJob(state, status.jobId, (j) =>
      JSON.stringify(j.status) === JSON.stringify(status) ? j : { ...j, status, cancelling: j.cancelling && status.state === 'running' },
    ),
};

export const importJobCancelling: Action<string> = {
  name: 'importJobCancelling',
  label: 'Cancel import',
  perform: (state, jobId) => updateJob(state, jobId, (j) => (isJobRunning(j) ? { ...j, cancelling: true } : j)),
};

export const dismissImportJob: Action<string> = {
  name: 'dismissImportJob',
  label: 'Dismiss',
  perform: (state, jobId) => withImports(state, { jobs: state.imports.jobs.filter((j) => j.jobId !== jobId || isJobRunning(j)) }),
};

/** After an import: back to the mapping step with the mapping it used, to fix what was rejected and run it again. */
export const fixMappingAndRerun: Action<string> = {
  name: 'fixMappingAndRerun',
  label: 'Fix the mapping and re-run',
  perform: (state, jobId) => {
    const job = state.imports.jobs.find((j) => j.jobId === jobId);
    if (!job?.mapped) return state;
    const draft: MappingDraft = { file: job.mapped.file, mapping: job.mapped.mapping, preset: null, edited: false, rerun: true };
    const rest = state.imports.queue.filter((d) => d.file.path !== job.mapped!.file.path);
    return { ...withImports(state, { queue: [draft, ...rest] }), view: 'import' };
  },
};

/** Re-map a recent or listed file without going through identification again. */
export const reviewMapping: Action<MappingFile> = {
  name: 'reviewMapping',
  label: 'Review the mapping',
  perform: (state, file) => {
    const rest = state.imports.queue.filter((d) => d.file.path !== file.path);
    return { ...withImports(state, { queue: [{ file, mapping: null, preset: null, edited: false, rerun: false }, ...rest] }), view: 'import' };
  },
};

export const forgetRecentFile: Action<string> = {
  name: 'forgetRecentFile',
  label: 'Remove from recent files',
  perform: (state, path) => ({ ...state, recentFiles: state.recentFiles.filter((r) => r.path !== path) }),
};

function updateDraft(state: AppState, path: string, change: (d: MappingDraft) => MappingDraft): AppState {
  let changed = false;
  const queue = state.imports.queue.map((d) => {
    if (d.file.path !== path) return d;
    const next = change(d);
    changed ||= next !== d;
    return next;
  });
  return changed ? withImports(state, { queue }) : state;
}

function updateJob(state: AppState, jobId: string, change: (j: ImportJobEntry) => ImportJobEntry): AppState {
  let changed = false;
  const jobs = state.imports.jobs.map((j) => {
    if (j.jobId !== jobId) return j;
    const next = change(j);
    changed ||= next !== j;
    return next;
  });
  return changed ? withImports(state, { jobs }) : state;
}
