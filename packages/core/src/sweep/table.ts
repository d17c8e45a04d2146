/**
 * The full table of a sweep, streamed in chunks of rows (columnar typed arrays), and its
 * writers: CSV and NDJSON here (text), Arrow IPC and Parquet in their own modules. Every
 * writer is incremental — `write(chunk)` returns the bytes or text to append, `finish()` the
 * end — so tables larger than memory stream to a file or a socket.
 *
 * Columns: `index` (the point's index in the space), the plan's columns (axes, then model
 * outputs and derived metrics unless `keep.table.columns` chooses), then `meetsConstraints`.
 * Categorical axes are categories (their labels), numeric values are f64, booleans booleans.
 */
import type { TableRows } from './cpu-runtime.js'
import type { SweepPlan } from './plan.js'

export interface SweepTableColumn {
  readonly name: string
  readonly type: 'index' | 'category' | 'number' | 'boolean'
  /** Category labels (a code is a position in this list). */
  readonly labels?: readonly string[]
}

/** Rows of one chunk. `columns[j]` holds the values of `schema[j]`. */
export interface SweepTableChunk {
  readonly schema: readonly SweepTableColumn[]
  /** The index range the chunk covers (rows are the points of it that the table keeps). */
  readonly start: number
  readonly end: number
  readonly rows: number
  readonly columns: readonly (Float64Array | Uint32Array | Uint8Array)[]
}

/** The table's columns for a plan (empty when the plan keeps no table). */
export function tableSchemaOf(plan: SweepPlan): SweepTableColumn[] {
  const table = plan.keep.table
  if (!table) return []
  return [
    { name: 'index', type: 'index' },
    ...table.columns.map((c): SweepTableColumn => {
      if (c.kind === 'axis') {
        const axis = plan.axes[c.axis]!
        return axis.kind === 'numeric'
          ? { name: c.name, type: 'number' }
          : { name: c.name, type: 'category', labels: axis.labels }
      }
      return { name: c.name, type: c.type === 'boolean' ? 'boolean' : 'number' }
    }),
    { name: 'meetsConstraints', type: 'boolean' },
  ]
}

/** A chunk from a kernel's rows. */
export function tableChunkOf(
  schema: readonly SweepTableColumn[],
  start: number,
  end: number,
  rows: TableRows,
): SweepTableChunk {
  return {
    schema,
    start,
    end,
    rows: rows.rows,
    columns: [rows.index, ...rows.columns, rows.meetsConstraints],
  }
}

/** An incremental writer: append what `write` returns for each chunk in order, then what `finish` returns. */
export interface TableWriter<Out = Uint8Array | string> {
  /** MIME type of the output. */
  readonly mediaType: string
  write(chunk: SweepTableChunk): Out | Promise<Out>
  finish(): Out | Promise<Out>
}

export type TableFormat = 'csv' | 'ndjson' | 'arrow' | 'parquet'
export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'ndjson', 'arrow', 'parquet']

/** The format a file name implies (".csv", ".ndjson"/".jsonl", ".arrow"/".arrows"/".feather", ".parquet"). */
export function tableFormatOf(fileName: string): TableFormat | undefined {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson'
  if (
    lower.endsWith('.arrow') ||
    lower.endsWith('.arrows') ||
    lower.endsWith('.feather') ||
    lower.endsWith('.ipc')
  )
    return 'arrow'
  if (lower.endsWith('.parquet')) return 'parquet'
  return undefined
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** CSV (RFC 4180) with a header row. Numbers in shortest round-trip form; NaN and ±Infinity as written by JavaScript. */
export function csvTableWriter(): TableWriter<string> {
  let header = false
  return {
    mediaType: 'text/csv',
    write(chunk) {
      let out = ''
      if (!header) {
        out += `${chunk.schema.map((c) => csvField(c.name)).join(',')}\n`
        header = true
      }
      const { schema, columns } = chunk
      const cells = new Array<string>(schema.length)
      for (let r = 0; r < chunk.rows; r++) {
        for (let j = 0; j < schema.length; j++) {
          const column = schema[j]!
          const value = columns[j]![r]!
          cells[j] =
            column.type === 'category'
              ? csvField(column.labels![value]!)
              : column.type === 'boolean'
                ? value === 1
                  ? 'true'
                  : 'false'
                : String(value)
        }
        out += `${cells.join(',')}\n`
      }
      return out
    },
    finish() {
      return ''
    },
  }
}

/** Newline-delimited JSON, one object per row. JSON has no NaN or ±Infinity: those are null. */
export function ndjsonTableWriter(): TableWriter<string> {
  return {
    mediaType: 'application/x-ndjson',
    write(chunk) {
      const { schema, columns } = chunk
      const keys = schema.map((c) => JSON.stringify(c.name))
      let out = ''
      for (let r = 0; r < chunk.rows; r++) {
        const parts = schema.map((column, j) => {
          const value = columns[j]![r]!
          const text =
            column.type === 'category'
              ? JSON.stringify(column.labels![value])
              : column.type === 'boolean'
                ? value === 1
                  ? 'true'
                  : 'false'
                : Number.isFinite(value)
                  ? String(value)
                  : 'null'
          return `${keys[j]}:${text}`
        })
        out += `{${parts.join(',')}}\n`
      }
      return out
    },
    finish() {
      return ''
    },
  }
}

/** A writer for a format; Arrow and Parquet load their libraries on first use. */
export async function createTableWriter(format: TableFormat): Promise<TableWriter> {
  switch (format) {
    case 'csv':
      return csvTableWriter()
    case 'ndjson':
      return ndjsonTableWriter()
    case 'arrow':
      return (await import('./table-arrow.js')).arrowTableWriter()
    case 'parquet':
      return (await import('./table-parquet.js')).parquetTableWriter()
  }
}

/** Writes chunks with a writer and returns the whole output (for tables that fit in memory). */
export async function writeTable(
  chunks: Iterable<SweepTableChunk> | AsyncIterable<SweepTableChunk>,
  format: TableFormat,
): Promise<Uint8Array> {
  const writer = await createTableWriter(format)
  const parts: Uint8Array[] = []
  const encoder = new TextEncoder()
  const add = (out: Uint8Array | string) => {
    if (typeof out === 'string') {
      if (out.length > 0) parts.push(encoder.encode(out))
    } else if (out.length > 0) parts.push(out)
  }
  for await (const chunk of chunks) add(await writer.write(chunk))
  add(await writer.finish())
  const size = parts.reduce((n, p) => n + p.length, 0)
  const bytes = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    bytes.set(p, at)
    at += p.length
  }
  return bytes
}
