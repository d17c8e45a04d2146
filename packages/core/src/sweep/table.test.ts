import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { tableFromIPC } from 'apache-arrow'
import { parquetReadObjects } from 'hyparquet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerSweepTestSolver } from '../../test/sweep-fixtures.js'
import { openTableFile } from '../node.js'
import { sweepSync } from './engine.js'
import { evaluatePoint, planSweep } from './plan.js'
import { csvTableWriter, type SweepTableChunk, tableFormatOf, writeTable } from './table.js'

registerSweepTestSolver()

// 2 modes × 2 flags × 5 x × 3 t = 60 points; 'zero' makes ratio = x/0: ±Infinity and NaN.
const plan = planSweep({
  solver: 'sweep-test',
  axes: { mode: ['fast', 'zero'], flag: [false, true], x: [-1, 0, 0.5, 1, 2], t: ['1 s', '500 ms', 2] },
  constraints: ['ok'],
  keep: { table: { columns: ['mode', 'flag', 'x', 't', 'y', 'ratio', 'ok', 'y * 2'] } },
})
const chunks: SweepTableChunk[] = []
sweepSync(plan, { chunkSize: 7, onTable: (chunk) => void chunks.push(chunk) })

/** What each row should hold, from the scalar evaluator. */
const expected = Array.from({ length: plan.total }, (_, index) => {
  const p = evaluatePoint(plan, index)
  return {
    index,
    mode: p.coordinates.mode as string,
    flag: p.coordinates.flag as string,
    x: p.coordinates.x as number,
    t: p.coordinates.t as number,
    y: p.metrics.y as number,
    ratio: p.metrics.ratio as number,
    ok: p.metrics.ok as boolean,
    'y * 2': (p.metrics.y as number) * 2,
    meetsConstraints: p.meetsConstraints,
  }
})

describe('the streamed table', () => {
  it('covers every point once, in index order, with the plan’s columns', () => {
    expect(chunks).toHaveLength(Math.ceil(60 / 7))
    expect(chunks[0]!.schema.map((c) => [c.name, c.type])).toEqual([
      ['index', 'index'],
      ['mode', 'category'],
      ['flag', 'category'],
      ['x', 'number'],
      ['t', 'number'],
      ['y', 'number'],
      ['ratio', 'number'],
      ['ok', 'boolean'],
      ['y * 2', 'number'],
      ['meetsConstraints', 'boolean'],
    ])
    expect(chunks[0]!.schema[1]!.labels).toEqual(['fast', 'zero'])
    const index = chunks.flatMap((c) => [...c.columns[0]!])
    expect(index).toEqual(expected.map((r) => r.index))
    // Strides are mode 30, flag 15, x 3, t 1: row 21 = 0·30 + 1·15 + 2·3 + 0 is mode fast, flag
    // true, x = 0.5, t = 1 s, so y = x·s + k = 0.5·(−1) + 1 = 0.5.
    expect(expected[21]).toMatchObject({ mode: 'fast', flag: 'true', x: 0.5, t: 1, y: 0.5, ok: true })
  })

  it('keeps only feasible rows when asked', () => {
    const feasibleOnly = planSweep({ ...plan.space, keep: { table: { columns: ['y'], where: 'feasible' } } })
    const rows: number[] = []
    sweepSync(feasibleOnly, { chunkSize: 9, onTable: (c) => rows.push(...c.columns[0]!) })
    expect(rows).toEqual(expected.filter((r) => r.meetsConstraints).map((r) => r.index))
  })
})

/** Reads CSV written by the writer (no quoted fields here). */
function parseCsv(text: string) {
  const [header, ...lines] = text.trimEnd().split('\n')
  const names = header!.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, j) => [names[j]!, cell])))
}

describe('exports read back', () => {
  it('CSV', async () => {
    const text = new TextDecoder().decode(await writeTable(chunks, 'csv'))
    const rows = parseCsv(text)
    expect(rows).toHaveLength(60)
    rows.forEach((row, i) => {
      const e = expected[i]!
      expect(row).toEqual({
        index: String(e.index),
        mode: e.mode,
        flag: e.flag,
        x: String(e.x),
        t: String(e.t),
        y: String(e.y),
        ratio: String(e.ratio),
        ok: String(e.ok),
        'y * 2': String(e['y * 2']),
        meetsConstraints: String(e.meetsConstraints),
      })
      // Shortest round-trip decimals: the doubles come back exactly.
      expect(Object.is(Number(row.ratio), e.ratio)).toBe(true)
    })
  })

  it('CSV quotes fields that need it', () => {
    const writer = csvTableWriter()
    const chunk: SweepTableChunk = {
      schema: [{ name: 'name, quoted', type: 'category', labels: ['say "hi"', 'plain'] }],
      start: 0,
      end: 2,
      rows: 2,
      columns: [Uint32Array.from([0, 1])],
    }
    expect(writer.write(chunk)).toBe('"name, quoted"\n"say ""hi"""\nplain\n')
  })

  it('NDJSON (non-finite numbers become null)', async () => {
    const lines = new TextDecoder()
      .decode(await writeTable(chunks, 'ndjson'))
      .trimEnd()
      .split('\n')
    expect(lines.map((l) => JSON.parse(l))).toEqual(
      expected.map((e) => ({ ...e, ratio: Number.isFinite(e.ratio) ? e.ratio : null })),
    )
  })

  it('Arrow IPC stream (apache-arrow reads it back, dictionary-encoded categories, Int64 index)', async () => {
    const table = tableFromIPC(await writeTable(chunks, 'arrow'))
    expect(table.numRows).toBe(60)
    expect(table.batches).toHaveLength(chunks.length)
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
      ['index', 'Int64'],
      ['mode', 'Dictionary<Uint32, Utf8>'],
      ['flag', 'Dictionary<Uint32, Utf8>'],
      ['x', 'Float64'],
      ['t', 'Float64'],
      ['y', 'Float64'],
      ['ratio', 'Float64'],
      ['ok', 'Bool'],
      ['y * 2', 'Float64'],
      ['meetsConstraints', 'Bool'],
    ])
    const rows = table.toArray().map((r) => r.toJSON())
    rows.forEach((row, i) => {
      const e = expected[i]!
      expect({ ...row, index: Number(row.index) }).toEqual(e)
    })
  })

  it('Parquet (hyparquet reads it back)', async () => {
    const bytes = await writeTable(chunks, 'parquet')
    const rows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    })
    expect(rows).toHaveLength(60)
    rows.forEach((row, i) => {
      const e = expected[i]!
      expect({ ...row, index: Number(row.index) }).toEqual(e)
    })
  })

  it('knows formats by file name', () => {
    expect(
      ['a.csv', 'b.NDJSON', 'c.jsonl', 'd.arrow', 'e.feather', 'f.parquet', 'g.txt'].map(tableFormatOf),
    ).toEqual(['csv', 'ndjson', 'ndjson', 'arrow', 'arrow', 'parquet', undefined])
  })
})

describe('files, read by DuckDB', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlsysim-sweep-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  for (const extension of ['csv', 'ndjson', 'parquet', 'arrow'] as const) {
    it(`writes .${extension} through openTableFile`, async () => {
      const path = join(dir, `table.${extension}`)
      const sink = await openTableFile(path)
      expect(sink.format).toBe(extension)
      for (const chunk of chunks) await sink.write(chunk)
      await sink.close()
      const bytes = new Uint8Array(await readFile(path))
      expect(bytes).toEqual(await writeTable(chunks, extension))
    })
  }

  it('creates missing parent folders (one folder per shard job)', async () => {
    const path = join(dir, 'shards', 'job-3', 'table.csv')
    const sink = await openTableFile(path)
    for (const chunk of chunks) await sink.write(chunk)
    await sink.close()
    expect(new Uint8Array(await readFile(path))).toEqual(await writeTable(chunks, 'csv'))
  })

  it('rejects before any write when the file cannot be opened', async () => {
    // The path names an existing folder: Node cannot open it as a file.
    await expect(openTableFile(dir, 'csv')).rejects.toThrow(/EISDIR/)
  })

  it('DuckDB reads the CSV, NDJSON and Parquet files with the same rows', async () => {
    const instance = await DuckDBInstance.create(':memory:')
    const connection = await instance.connect()
    const query = async (from: string) => {
      const reader = await connection.runAndReadAll(
        `select "index"::bigint as i, mode::varchar as mode, x::double as x, y::double as y, ok::boolean as ok, "meetsConstraints"::boolean as m from ${from} order by i`,
      )
      return reader.getRowObjects().map((r) => ({ ...r, i: Number(r.i) }))
    }
    const want = expected.map((e) => ({
      i: e.index,
      mode: e.mode,
      x: e.x,
      y: e.y,
      ok: e.ok,
      m: e.meetsConstraints,
    }))
    expect(await query(`read_csv('${join(dir, 'table.csv')}')`)).toEqual(want)
    expect(await query(`read_json('${join(dir, 'table.ndjson')}', format = 'newline_delimited')`)).toEqual(
      want,
    )
    expect(await query(`read_parquet('${join(dir, 'table.parquet')}')`)).toEqual(want)
    const counts = await connection.runAndReadAll(
      `select mode, count(*)::integer as n from read_parquet('${join(dir, 'table.parquet')}') group by mode order by mode`,
    )
    expect(counts.getRowObjects()).toEqual([
      { mode: 'fast', n: 30 },
      { mode: 'zero', n: 30 },
    ])
    connection.closeSync()
  })
})
