/** `bw_files.source_id` of every OAIC file, committed or the user's: the source list shows them together. */
export const OAIC_SOURCE_ID = 'oaic';
/** `bw_files.kind` of the committed tables (datasets/oaic). */
export const OAIC_COMMITTED_KIND = 'oaic-ndb';
/** `bw_files.kind` (and importer kind) of an OAIC table the user brings. */
export const OAIC_USER_KIND = 'oaic-table';
