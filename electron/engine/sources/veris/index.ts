/** VERIS incidents: one JSON file, a folder of them or a zip, mapped without a wizard. */
export { verisImporter, importVeris, VERIS_SOURCE_ID, VERIS_VIEW } from './veris-importer';
export { VERIS_ACTOR_RULE } from './veris-sql';
export { naicsEntityType } from './naics';
