/**
 * Apache Arrow IPC (streaming format) for sweep tables, with `apache-arrow`: `index` as Int64,
 * categorical axes as dictionary-encoded Utf8 (one dictionary, written once), numbers as
 * Float64, booleans as Bool. Each chunk becomes one record batch, written as it arrives.
 */
import * as arrow from 'apache-arrow'
import type { SweepTableChunk, SweepTableColumn, TableWriter } from './table.js'

/** Collects what the Arrow writer emits, synchronously. */
class ByteCollector extends arrow.AsyncByteQueue {
  parts: Uint8Array[] = []
  override write(value: unknown): void {
    const bytes = value as Uint8Array
    if (bytes.byteLength > 0)
      this.parts.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice())
  }
  take(): Uint8Array {
    const size = this.parts.reduce((n, p) => n + p.byteLength, 0)
    const out = new Uint8Array(size)
    let at = 0
    for (const p of this.parts) {
      out.set(p, at)
      at += p.byteLength
    }
    this.parts = []
    return out
  }
}

function fieldType(column: SweepTableColumn, dictionaryId: number): arrow.DataType {
  switch (column.type) {
    case 'index':
      return new arrow.Int64()
    case 'category':
      return new arrow.Dictionary(new arrow.Utf8(), new arrow.Uint32(), dictionaryId)
    case 'number':
      return new arrow.Float64()
    case 'boolean':
      return new arrow.Bool()
  }
}

function packBits(values: ArrayLike<number>, length: number): Uint8Array {
  const bits = new Uint8Array(Math.ceil(length / 8))
  for (let i = 0; i < length; i++) if (values[i] === 1) bits[i >> 3]! |= 1 << (i & 7)
  return bits
}

/** An incremental Arrow IPC stream writer. */
export function arrowTableWriter(): TableWriter<Uint8Array> {
  const sink = new ByteCollector()
  const writer = new arrow.RecordBatchStreamWriter()
  let schema: arrow.Schema | undefined
  let dictionaries: (arrow.Vector | undefined)[] = []
  const open = (columns: readonly SweepTableColumn[]) => {
    schema = new arrow.Schema(columns.map((c, j) => new arrow.Field(c.name, fieldType(c, j), false)))
    dictionaries = columns.map((c) =>
      c.type === 'category' ? arrow.vectorFromArray([...c.labels!], new arrow.Utf8()) : undefined,
    )
    writer.reset(sink, schema)
  }
  return {
    mediaType: 'application/vnd.apache.arrow.stream',
    write(chunk: SweepTableChunk) {
      if (!schema) open(chunk.schema)
      const length = chunk.rows
      const children = chunk.schema.map((column, j) => {
        const type = schema!.fields[j]!.type
        const values = chunk.columns[j]!
        switch (column.type) {
          case 'index':
            return arrow.makeData({
              type: type as arrow.Int64,
              length,
              nullCount: 0,
              data: BigInt64Array.from(values, (v) => BigInt(v)),
            })
          case 'category':
            return arrow.makeData({
              type: type as arrow.Dictionary<arrow.Utf8, arrow.Uint32>,
              length,
              nullCount: 0,
              data: values as Uint32Array,
              dictionary: dictionaries[j]! as arrow.Vector<arrow.Utf8>,
            })
          case 'number':
            return arrow.makeData({
              type: type as arrow.Float64,
              length,
              nullCount: 0,
              data: values as Float64Array,
            })
          default:
            return arrow.makeData({
              type: type as arrow.Bool,
              length,
              nullCount: 0,
              data: packBits(values, length),
            })
        }
      })
      const data = arrow.makeData({ type: new arrow.Struct(schema!.fields), length, nullCount: 0, children })
      writer.write(new arrow.RecordBatch(schema!, data))
      return sink.take()
    },
    finish() {
      if (!schema) return new Uint8Array(0)
      writer.close() // writes the end-of-stream marker
      return sink.take()
    },
  }
}
