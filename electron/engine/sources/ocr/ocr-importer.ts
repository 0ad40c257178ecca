import type { Importer } from '../../imports/importer';
import { matchOcrHeader, parseHeaderLine } from './ocr-columns';
import { importOcrExport } from './ocr-import';

/**
 * The OCR portal export, recognised by its header alone (the portal's column names, or its UIPanel
 * placeholders in their place), whatever the file is called. Registered before generic CSV readers.
 */
export const ocrPortalImporter: Importer = {
  kind: 'ocr-portal',
  sniff({ head, isDirectory }) {
    if (isDirectory || head.length === 0) return false;
    return matchOcrHeader(parseHeaderLine(head)) !== null;
  },
  import(context) {
    return importOcrExport(context);
  },
};
