import { dispatchApiCall } from '../dispatch';
import { openWorkbench } from '../bootstrap';
import { remoteReportBrowser } from '../export/remote-report-browser';

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
// PDFs and chart PNGs are drawn by the main process's own Chromium (printToPDF, capturePage).
const printer = remoteReportBrowser({
  postMessage: (message) => parentPort.postMessage(message),
  onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
});
const ready = openWorkbench({ workspaceDir, transport: 'electron-ipc', reportBrowser: () => printer });

parentPort.on('message', (event) => {
  if (!isCallMessage(event.data)) return;
  const { id, method, request } = event.data;
  void ready
    .then((engine) => dispatchApiCall(engine, method, request))
    .catch((error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: `The engine could not start: ${String(error)}` } }))
    .then((outcome) => parentPort.postMessage({ id, outcome }));
});

ready.then(
  () => parentPort.postMessage({ ready: true }),
  (error: unknown) => parentPort.postMessage({ ready: false, error: String(error) }),
);

function isCallMessage(data: unknown): data is CallMessage {
  return typeof data === 'object' && data !== null && typeof (data as CallMessage).id === 'number' && typeof (data as CallMessage).method === 'string';
}
