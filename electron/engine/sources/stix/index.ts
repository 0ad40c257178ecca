/** STIX 2.1 bundles: objects into stix_objects and typed views. */
export { stixImporter, importStix, stixObjectCounts, looksLikeStixBundle, STIX_SOURCE_ID } from './stix-importer';
export { STIX_VIEWS } from './stix-tables';
