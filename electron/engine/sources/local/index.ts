/** Local incident logs: what the facade and the registry use. */
export { localFileImporter, importLocalFile } from './local-importer';
export { importWithMapping } from './import-with-mapping';
export { localSourceNames, type LocalSourceNames } from './local-source-name';
export { detectLocalFormat } from './file-format';
