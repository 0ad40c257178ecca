import { Utf8, type Data, type DataType } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import type { RawVector } from './duckdb-bindings';
import type { RowRanges } from './row-ranges';
import { VarcharDictionaryColumn } from './varchar-dictionary-column';
import { VariableWidthColumn } from './variable-width-column';

/** Below this many rows in the first batch, the dictionary stays whatever the values look like. */
const MIN_ROWS_TO_DECIDE = 1000;

/**
 * A top-level VARCHAR column: dictionary-encoded, unless the first record
 * batch shows mostly distinct values (identifiers, descriptions, hashes).
 * For those a dictionary only adds an index per row and a hash lookup per
 * value (hundreds of ns each once the table outgrows the caches), so from
 * the first batch on the column is plain Utf8.
 *
 * The choice is made when the first batch is finished, before the schema is
 * fixed; callers read the type (and build the schema) only after that.
 */
export class VarcharColumn implements ColumnBuilder {
  private dictionary: VarcharDictionaryColumn | null;
  private plain: VariableWidthColumn | null = null;
  private decided = false;

  constructor(dictionaryId: number) {
    this.dictionary = new VarcharDictionaryColumn(dictionaryId);
  }

  get type(): DataType {
    return this.plain !== null ? this.plain.type : this.dictionary!.type;
  }

  get byteLength(): number {
    return this.plain !== null ? this.plain.byteLength : this.dictionary!.byteLength;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (this.plain !== null) this.plain.append(vector, size, rows);
    else this.dictionary!.append(vector, size, rows);
  }

  finish(lend = false): Data {
    if (this.plain !== null) return this.plain.finish(lend);
    const dictionary = this.dictionary!;
    if (!this.decided) {
      this.decided = true;
      if (dictionary.rowCount >= MIN_ROWS_TO_DECIDE && dictionary.distinctCount * 2 > dictionary.rowCount) {
        this.plain = new VariableWidthColumn(new Utf8());
        this.dictionary = null;
        return dictionary.finishPlain();
      }
    }
    return dictionary.finish(lend);
  }
}
