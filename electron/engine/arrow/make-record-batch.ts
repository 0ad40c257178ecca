import { makeData, RecordBatch, Struct, type Data, type Schema } from 'apache-arrow';

/**
 * A record batch of `schema` over one Data per field.
 *
 * apache-arrow's RecordBatch constructor runs the schema through
 * Schema.assign, which merges fields by name: with two columns named alike
 * the first silently takes the second's type. SQL results may repeat names,
 * so the exact schema is put back afterwards (the Struct data is built from
 * the untouched fields and stays right).
 */
export function makeRecordBatch(schema: Schema, children: Data[], length: number): RecordBatch {
  const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
  if (batch.schema !== schema) (batch as { schema: Schema }).schema = schema;
  return batch;
}
