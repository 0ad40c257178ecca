import { dispatchApiCall } from '../dispatch';
import { openWorkbench } from '../bootstrap';

/**
 * The engine inside Electron's utility process: DuckDB never runs on the main (UI) thread. Main
 * forwards each API call here as { id, method, request } and gets back { id, outcome }.
 * The engine does not import Electron; the parent port is typed here by hand.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

interface CallMessage {
  id: number;
  method: string;
  request: unknown;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('engine-host must be started by Electron utilityProcess.fork');

const workspaceDir = process.argv[2];
const ready = openWorkbench({ workspaceDir, transport: 'electron-ipc' });

parentPort.on('message', (event) => {
  const { id, method, request } = event.data as CallMessage;
  void ready
    .then((engine) => dispatchApiCall(engine, method, request))
    .catch((error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: `The engine could not start: ${String(error)}` } }))
    .then((outcome) => parentPort.postMessage({ id, outcome }));
});

ready.then(
  () => parentPort.postMessage({ ready: true }),
  (error: unknown) => parentPort.postMessage({ ready: false, error: String(error) }),
);
