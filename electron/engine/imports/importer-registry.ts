import { localFileImporter } from '../sources/local';
import { oaicTableImporter } from '../sources/oaic/oaic-table-importer';
import { ocrPortalImporter } from '../sources/ocr';
import { stixImporter } from '../sources/stix';
import { verisImporter } from '../sources/veris';
import type { Importer } from './importer';

/**
 * Importers in the order they are asked. Specific formats (an OCR portal export, a VERIS folder)
 * come before generic ones (any CSV), so the generic reader only gets what nobody else claims.
 */
export const IMPORTERS: Importer[] = [
  // OCR portal exports: claims a CSV only by the portal's header (or its UIPanel placeholders); first.
  ocrPortalImporter,
  // OAIC tables: claims only a CSV/XLSX with a period column and OAIC figures; before any generic CSV/XLSX importer.
  oaicTableImporter,
  // Local incident logs: VERIS and STIX claim their own JSON/folders/zips; the generic CSV/TSV/JSON/JSONL/Parquet/XLSX reader is last.
  verisImporter,
  stixImporter,
  localFileImporter,
];
