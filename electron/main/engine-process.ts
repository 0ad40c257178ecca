import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiOutcome } from '../../shared/api';
import type { BrowserRequestMessage } from '../engine/export/remote-report-browser';
import { answerBrowserRequest } from './report-printer';

/**
 * The engine runs in a utility process so DuckDB work never blocks the main thread (which paints
 * every window). Calls are matched to answers by id.
 */
export class EngineProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: ApiOutcome) => void>();

  private constructor(private readonly child: UtilityProcess) {
    child.on('message', (message: { id?: number; outcome?: ApiOutcome } & Partial<BrowserRequestMessage>) => {
      if (message.browserRequest) {
        void answerBrowserRequest(message.browserRequest).then((reply) => child.postMessage(reply));
        return;
      }
      if (message.id === undefined || !message.outcome) return;
      this.pending.get(message.id)?.(message.outcome);
      this.pending.delete(message.id);
    });
    child.on('exit', (code) => {
      for (const resolve of this.pending.values()) {
        resolve({ ok: false, error: { code: 'internal', message: `The engine stopped unexpectedly (exit code ${code}).` } });
      }
      this.pending.clear();
    });
  }

  static start(entry: string, workspaceDir: string): EngineProcess {
    return new EngineProcess(utilityProcess.fork(entry, [workspaceDir], { serviceName: 'Breach Workbench engine', stdio: 'inherit' }));
  }

  call(method: string, request: unknown): Promise<ApiOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage({ id, method, request });
    });
  }

  stop(): void {
    this.child.kill();
  }
}
