/** Column mapping for local incident logs: what the facade and the wizard use. */
export { previewMapping } from './preview';
export { savePreset, listPresets, deletePreset, findPreset, migrateMapping, MAPPING_VERSION } from './presets';
export { detectMapping, type ColumnProfile, type DetectedMapping } from './detect-mapping';
export { headerSignature } from './header-signature';
export { actorMatcher, classifyActor, ACTOR_WORDS, LOCAL_ACTOR_RULE, type ActorClassification } from './actor-words';
export { detectDateFormat, parseDateWith, DATE_FORMAT_CANDIDATES } from './date-formats';
export { importWithMapping } from '../sources/local/import-with-mapping';
export { importLocalFile } from '../sources/local/local-importer';
