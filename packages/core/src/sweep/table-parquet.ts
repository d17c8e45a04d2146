/**
 * Parquet for sweep tables, with `hyparquet-writer` (pure JavaScript, runs in browsers too):
 * `index` as INT64, categorical axes as UTF-8 strings (dictionary-encoded by the writer),
 * numbers as DOUBLE, booleans as BOOLEAN, Snappy-compressed. Each chunk becomes a row group;
 * bytes are handed out after every chunk, so the file streams.
 */
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer'
import type { SweepTableChunk, SweepTableColumn, TableWriter } from './table.js'

type BasicType = 'INT64' | 'STRING' | 'DOUBLE' | 'BOOLEAN'

function basicType(column: SweepTableColumn): BasicType {
  switch (column.type) {
    case 'index':
      return 'INT64'
    case 'category':
      return 'STRING'
    case 'number':
      return 'DOUBLE'
    case 'boolean':
      return 'BOOLEAN'
  }
}

function columnData(column: SweepTableColumn, values: Float64Array | Uint32Array | Uint8Array, rows: number) {
  switch (column.type) {
    case 'index':
      return BigInt64Array.from(values.subarray(0, rows), (v) => BigInt(v))
    case 'category':
      return Array.from(values.subarray(0, rows), (code) => column.labels![code]!)
    case 'number':
      return values.subarray(0, rows) as Float64Array
    case 'boolean':
      return Array.from(values.subarray(0, rows), (v) => v === 1)
  }
}

/** An incremental Parquet writer. */
export function parquetTableWriter(): TableWriter<Uint8Array> {
  const bytes = new ByteWriter()
  let writer: ParquetWriter | undefined
  let schema: readonly SweepTableColumn[] = []
  const take = () => {
    const out = new Uint8Array(bytes.buffer, 0, bytes.index).slice()
    bytes.index = 0
    return out
  }
  const open = (columns: readonly SweepTableColumn[]) => {
    schema = columns
    writer = new ParquetWriter({
      writer: bytes,
      schema: schemaFromColumnData({
        columnData: columns.map((c) => ({ name: c.name, data: [], type: basicType(c), nullable: false })),
      }),
      createdBy: 'mlsysim sweep (hyparquet-writer)',
    })
  }
  return {
    mediaType: 'application/vnd.apache.parquet',
    write(chunk: SweepTableChunk) {
      if (!writer) open(chunk.schema)
      if (chunk.rows > 0) {
        writer!.write({
          columnData: schema.map((c, j) => ({
            name: c.name,
            data: columnData(c, chunk.columns[j]!, chunk.rows),
            type: basicType(c),
            nullable: false,
          })),
          rowGroupSize: chunk.rows,
        })
      }
      return take()
    },
    finish() {
      if (!writer) return new Uint8Array(0)
      writer.finish()
      return take()
    },
  }
}
