import { randomUUID } from 'node:crypto';
import type { ImportReport, JobStatus } from '../../../shared/api';
import { WorkbenchError, toErrorInfo } from '../../../shared/errors';
import type { ImportProgress } from '../imports/importer';

export interface JobControl {
  signal: AbortSignal;
  progress(update: ImportProgress): void;
  addReport(report: ImportReport): void;
}

interface Job {
  status: JobStatus;
  controller: AbortController;
}

/** Finished jobs kept for a late `status` call; older ones are forgotten, so a long session does not grow. */
const FINISHED_KEPT = 50;

/**
 * Long work (imports, exports) runs as a job the window polls: progress and cancel then work the same
 * over Electron IPC, HTTP and the CLI, with no push channel to keep in step.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  start(kind: string, work: (control: JobControl) => Promise<void>, label = ''): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const status: JobStatus = {
      jobId, kind, label, startedAt: new Date().toISOString(), state: 'running', percent: 0, rows: 0, message: 'Starting', reports: [], error: null,
    };
    this.jobs.set(jobId, { status, controller });
    const control: JobControl = {
      signal: controller.signal,
      progress: (update) => {
        status.percent = update.percent;
        status.rows = update.rows;
        status.message = update.message;
      },
      addReport: (report) => status.reports.push(report),
    };
    void work(control).finally(() => this.forgetOldFinished()).then(
      () => {
        status.state = 'done';
        status.percent = 100;
        status.message = 'Done';
      },
      (error: unknown) => {
        if (controller.signal.aborted) {
          status.state = 'cancelled';
          status.message = 'Cancelled; the workspace is as it was before this file.';
        } else {
          status.state = 'failed';
          status.error = toErrorInfo(error);
          status.message = status.error.message;
        }
      },
    );
    return jobId;
  }

  status(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new WorkbenchError({ code: 'not_found', message: `No job ${jobId}` });
    return structuredClone(job.status);
  }

  /** The running jobs, oldest first. */
  running(): JobStatus[] {
    return [...this.jobs.values()].filter((job) => job.status.state === 'running').map((job) => structuredClone(job.status));
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.keys()].filter((id) => this.jobs.get(id)!.status.state !== 'running');
    // The job ending now is still 'running' here, so it is never the one forgotten.
    for (const id of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.jobs.delete(id);
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.status.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Resolves when the job has ended; for the CLI and tests, which wait rather than poll. */
  async wait(jobId: string, pollMs = 50): Promise<JobStatus> {
    for (;;) {
      const status = this.status(jobId);
      if (status.state !== 'running') return status;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
