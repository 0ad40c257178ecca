import { basename, extname } from 'node:path';
import type { Mapping } from '../../../../shared/api';
import { safeTableName } from '../../db/sql-identifiers';

export interface LocalSourceNames {
  /** `<name>` as the user sees it. */
  name: string;
  /** `local:<name>`: the `source` column of `breaches`. */
  sourceId: string;
  /** View `local_<name>`: the canonical rows, registered with `breaches`. */
  viewName: string;
  /** Table `local_<name>_rows`: the same rows plus the file line each came from. */
  tableName: string;
}

/** Names for a local log: the mapping's source name, else the file name without its extension. */
export function localSourceNames(fileName: string, mapping?: Pick<Mapping, 'sourceName'>): LocalSourceNames {
  const name = mapping?.sourceName ?? safeTableName(basename(fileName, extname(fileName))).slice(0, 48).replace(/_+$/, '');
  return { name, sourceId: `local:${name}`, viewName: `local_${name}`, tableName: `local_${name}_rows` };
}
