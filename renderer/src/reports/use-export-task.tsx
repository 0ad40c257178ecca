import { useCallback, useState } from 'react';

export type TaskStatus = { state: 'idle' } | { state: 'busy'; message: string } | { state: 'done'; message: string } | { state: 'error'; message: string };

/**
 * One export or save at a time, with what it is doing said in words (an aria-live region reads it
 * out): PDF and slides take a few seconds, and a button that seems to do nothing gets clicked twice.
 */
export function useExportTask() {
  const [status, setStatus] = useState<TaskStatus>({ state: 'idle' });
  const run = useCallback(async (busy: string, work: () => Promise<string>) => {
    setStatus({ state: 'busy', message: busy });
    try {
      setStatus({ state: 'done', message: await work() });
    } catch (error) {
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  return { status, busy: status.state === 'busy', run };
}

export function TaskMessage({ status, id }: { status: TaskStatus; id?: string }) {
  return (
    <p id={id} className={status.state === 'error' ? 'error report-status' : 'muted report-status'} role="status" aria-live="polite">
      {status.state === 'idle' ? '' : status.message}
    </p>
  );
}
