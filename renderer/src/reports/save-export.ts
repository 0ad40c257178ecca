import type { ExportFile } from '../../../shared/report';
import { downloadBlob } from '../components/download';

/** Hands an exported file to the user: a download in the browser, the Save dialog in the desktop app. */
export function saveExport(file: ExportFile): void {
  downloadBlob(new Blob([file.bytes as BlobPart], { type: file.mimeType }), file.fileName);
}

export const FORMAT_LABELS = { pptx: 'Slides (PPTX)', pdf: 'PDF', html: 'HTML' } as const;
