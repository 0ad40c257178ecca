import { DuckDBDecimalType, DuckDBEnumType, DuckDBListType, DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import {
  Binary,
  DateDay,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  TimeMicrosecond,
  TimeNanosecond,
  Timestamp,
  TimeUnit,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
} from 'apache-arrow';
import { BooleanColumn } from './boolean-column';
import type { ColumnBuilder } from './column-builder';
import { EnumColumn } from './enum-column';
import { FixedWidthColumn, type SameLayoutType } from './fixed-width-column';
import { Float64ConversionColumn, type StoredInteger } from './float64-conversion-column';
import { ListColumn } from './list-column';
import { NullColumn } from './null-column';
import { StringFallbackColumn } from './string-fallback-column';
import { VarcharColumn } from './varchar-column';
import { VariableWidthColumn } from './variable-width-column';

/** Hands out the schema-wide unique ids Arrow requires of dictionary-encoded fields. */
export interface DictionaryIds {
  next(): number;
}

function sameLayout(type: SameLayoutType, byteWidth: number): ColumnBuilder {
  return new FixedWidthColumn(type, byteWidth);
}

function decimalStorage(width: number): StoredInteger {
  // DuckDB's DECIMAL physical types, by width.
  if (width <= 4) return 'int16';
  if (width <= 9) return 'int32';
  if (width <= 18) return 'int64';
  return 'int128';
}

/**
 * The DuckDB-to-Arrow type mapping: a builder for one column (or list
 * element) of the given DuckDB type. `nested` is true below a LIST, where
 * VARCHAR becomes plain Utf8: per-element dictionaries would not pay off.
 * A builder's `type` is final once its first batch is finished (see VarcharColumn).
 */
export function createColumnBuilder(type: DuckDBType, dictionaryIds: DictionaryIds, nested = false): ColumnBuilder {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new BooleanColumn();
    case DuckDBTypeId.TINYINT:
      return sameLayout(new Int8(), 1);
    case DuckDBTypeId.SMALLINT:
      return sameLayout(new Int16(), 2);
    case DuckDBTypeId.INTEGER:
      return sameLayout(new Int32(), 4);
    case DuckDBTypeId.BIGINT:
      return sameLayout(new Int64(), 8);
    case DuckDBTypeId.UTINYINT:
      return sameLayout(new Uint8(), 1);
    case DuckDBTypeId.USMALLINT:
      return sameLayout(new Uint16(), 2);
    case DuckDBTypeId.UINTEGER:
      return sameLayout(new Uint32(), 4);
    case DuckDBTypeId.UBIGINT:
      return sameLayout(new Uint64(), 8);
    case DuckDBTypeId.FLOAT:
      return sameLayout(new Float32(), 4);
    case DuckDBTypeId.DOUBLE:
      return sameLayout(new Float64(), 8);
    // DuckDB DATE is int32 days since 1970-01-01, exactly Arrow's DateDay.
    case DuckDBTypeId.DATE:
      return sameLayout(new DateDay(), 4);
    // DuckDB TIME/TIME_NS are int64 micro/nanoseconds since midnight, exactly Arrow's Time64.
    case DuckDBTypeId.TIME:
      return sameLayout(new TimeMicrosecond(), 8);
    case DuckDBTypeId.TIME_NS:
      return sameLayout(new TimeNanosecond(), 8);
    // DuckDB timestamps are int64 ticks since the epoch in the type's unit, exactly Arrow's Timestamp.
    // Infinity/-infinity arrive as DuckDB's sentinels (int64 max/min + 1).
    case DuckDBTypeId.TIMESTAMP:
      return sameLayout(new Timestamp(TimeUnit.MICROSECOND), 8);
    case DuckDBTypeId.TIMESTAMP_S:
      return sameLayout(new Timestamp(TimeUnit.SECOND), 8);
    case DuckDBTypeId.TIMESTAMP_MS:
      return sameLayout(new Timestamp(TimeUnit.MILLISECOND), 8);
    case DuckDBTypeId.TIMESTAMP_NS:
      return sameLayout(new Timestamp(TimeUnit.NANOSECOND), 8);
    // TIMESTAMPTZ is stored as UTC instants; the session time zone only affects rendering.
    case DuckDBTypeId.TIMESTAMP_TZ:
      return sameLayout(new Timestamp(TimeUnit.MICROSECOND, 'UTC'), 8);
    case DuckDBTypeId.DECIMAL:
      if (type instanceof DuckDBDecimalType) return new Float64ConversionColumn(decimalStorage(type.width), type.scale);
      break;
    case DuckDBTypeId.HUGEINT:
      return new Float64ConversionColumn('int128');
    case DuckDBTypeId.UHUGEINT:
      return new Float64ConversionColumn('uint128');
    case DuckDBTypeId.VARCHAR:
      return nested ? new VariableWidthColumn(new Utf8()) : new VarcharColumn(dictionaryIds.next());
    case DuckDBTypeId.BLOB:
      return new VariableWidthColumn(new Binary());
    case DuckDBTypeId.ENUM:
      if (type instanceof DuckDBEnumType) {
        const codeBytes =
          type.internalTypeId === DuckDBTypeId.UTINYINT ? 1 : type.internalTypeId === DuckDBTypeId.USMALLINT ? 2 : 4;
        return new EnumColumn(type.values, codeBytes, dictionaryIds.next());
      }
      break;
    case DuckDBTypeId.LIST:
      if (type instanceof DuckDBListType) return new ListColumn(createColumnBuilder(type.valueType, dictionaryIds, true));
      break;
    case DuckDBTypeId.SQLNULL:
      return new NullColumn();
  }
  return new StringFallbackColumn(type);
}
