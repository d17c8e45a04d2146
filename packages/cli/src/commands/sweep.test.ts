import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { solve } from '@mlsysim/core'
import { tableFromIPC } from 'apache-arrow'
import { parquetReadObjects } from 'hyparquet'
import { describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'
import { SMALL_SPACE, SMALL_SPACE_POINTS, workDir } from '../../test/spaces.js'
import { hasGpuDevice } from '../gpu.js'
import { quantityText } from '../numbers.js'
import type { SweepSummary } from '../sweep-summary.js'

type Point = SweepSummary['topK'][string][number]

/** What must be equal between a single run and a merge (time and backend are not). */
const comparable = (s: SweepSummary) => ({
  evaluated: s.evaluated,
  feasible: s.feasible,
  topK: s.topK,
  pareto: s.pareto,
})

const solvePoint = (p: Point) =>
  solve('single-node', {
    workload: 'ResNet50',
    efficiency: 0.5,
    hardware: String(p.coordinates.hardware),
    precision: String(p.coordinates.precision) as 'fp16',
    batchSize: Number(p.coordinates.batchSize),
  })

describe('mlsysim sweep', () => {
  it('prints one JSON summary with the kept points, matching the solver point by point', async () => {
    const dir = workDir()
    const r = await cli(['sweep', 'space.yaml', '--json', '--threads', '1'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    const s = json<SweepSummary>(r)
    expect(Object.keys(s)).toEqual(['backend', 'evaluated', 'feasible', 'seconds', 'rate', 'topK', 'pareto'])
    expect(s.backend).toBe('cpu (calling thread)')
    expect(s.evaluated).toBe(SMALL_SPACE_POINTS)
    expect(s.rate).toBeCloseTo(s.evaluated / s.seconds, 6)
    expect(Object.keys(s.topK)).toEqual(['latency', 'throughput'])
    expect(s.topK.latency).toHaveLength(3)
    // The lowest latency is a batch of 1; the sweep's f64 kernel agrees with solve() exactly.
    for (const p of [...s.topK.latency!, ...s.topK.throughput!, ...s.pareto!.points]) {
      const direct = solvePoint(p)
      expect(p.metrics.latency).toBe(direct.latency)
      expect(p.metrics.throughput).toBe(direct.throughput)
      expect(p.metrics.imagesPerJoule).toBe(Number(p.coordinates.batchSize) / direct.energy)
    }
    expect(s.topK.latency![0]!.coordinates.batchSize).toBe(1)
    // Ranked: each kept point is no worse than the next.
    const latencies = s.topK.latency!.map((p) => Number(p.metrics.latency))
    expect(latencies).toEqual([...latencies].sort((a, b) => a - b))
    // Feasible = every constraint holds; count them by solving all 42 points directly.
    let feasible = 0
    for (const hardware of ['A100', 'H100', 'T4'])
      for (const precision of ['fp16', 'int8'] as const)
        for (let batchSize = 1; batchSize <= 64; batchSize *= 2) {
          const d = solve('single-node', {
            workload: 'ResNet50',
            efficiency: 0.5,
            hardware,
            precision,
            batchSize,
          })
          if (d.feasible && d.latency <= 20e-3) feasible++
        }
    expect(s.feasible).toBe(feasible)
  })

  it('prints a readable summary with units, the top points and the Pareto front', async () => {
    const dir = workDir()
    const r = await cli(['sweep', 'space.yaml', '--threads', '1'], { cwd: dir })
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe('ResNet-50 batch sweep')
    expect(lines[1]).toMatch(/^42 points on cpu \(calling thread\) in (\d+ ms|\d+\.\d s) \(.+ points\/s\)$/)
    expect(lines[2]).toMatch(/^\d+ feasible \(\d+\.\d%\)$/)
    expect(r.stdout).toContain('Top 3 by latency (minimize)')
    expect(r.stdout).toMatch(/#\s+hardware\s+precision\s+batchSize\s+latency\s+throughput/)
    expect(r.stdout).toMatch(/Pareto front \(minimize latency, maximize throughput\): \d+ points\n/)
    // Latency in ms, throughput as a rate.
    expect(r.stdout).toMatch(/ \d+(\.\d+)? ms +\d+(\.\d+)?K?\/s\n/)
    // The histogram: 8 log bins from 100 µs to 100 ms (a factor of 1000^(1/8) ≈ 2.37 each),
    // whose counts add up to the feasible points.
    const feasible = Number(/^(\d+) feasible/m.exec(r.stdout)![1])
    const histogram = r.stdout.slice(r.stdout.indexOf('Histogram of latency (feasible points, log bins)'))
    const bins = [...histogram.matchAll(/^ +(\S+ \S+) – (\S+ \S+) +(\d+)/gm)].slice(0, 8)
    expect(bins.map((b) => b[1])).toEqual([
      '0.1 ms',
      '0.237 ms',
      '0.562 ms',
      '1.33 ms',
      '3.16 ms',
      '7.5 ms',
      '17.8 ms',
      '42.2 ms',
    ])
    expect(bins.reduce((sum, b) => sum + Number(b[3]), 0)).toBe(feasible)
    // The heatmaps: feasible counts per hardware × precision (7 batch sizes each at most), and
    // the best throughput per cell with its unit.
    expect(r.stdout).toMatch(
      /Heatmap: feasible points by hardware \(rows\) and precision \(columns\)\n +hardware +fp16 +int8\n/,
    )
    expect(r.stdout).toMatch(/^ +A100 +[0-7] +[0-7]$/m)
    expect(r.stdout).toMatch(/Heatmap: max throughput over feasible points by hardware/)
    expect(r.stdout).toMatch(/^ +H100 +[\d.]+K?\/s +[\d.]+K?\/s$/m)
  })

  it('shards and merges into exactly the single run', async () => {
    const dir = workDir()
    const single = json<SweepSummary>(
      await cli(['sweep', 'space.yaml', '--json', '--threads', '1'], { cwd: dir }),
    )
    const shards: SweepSummary[] = []
    for (let i = 0; i < 3; i++) {
      const r = await cli(
        ['sweep', 'space.yaml', '--shard', `${i}/3`, '--out', `shard-${i}.json`, '--json'],
        {
          cwd: dir,
        },
      )
      expect(r.code, r.stderr).toBe(0)
      shards.push(json<SweepSummary>(r))
    }
    // 42 points in 3 contiguous slices of 14.
    expect(shards.map((s) => s.evaluated)).toEqual([14, 14, 14])
    const merged = await cli(['sweep', '--merge', 'shard-0.json', 'shard-2.json', 'shard-1.json', '--json'], {
      cwd: dir,
    })
    expect(merged.code, merged.stderr).toBe(0)
    const m = json<SweepSummary>(merged)
    expect(comparable(m)).toEqual(comparable(single))
    expect(m.seconds).toBeCloseTo(
      shards.reduce((sum, s) => sum + s.seconds, 0),
      9,
    )
    expect(m.backend).toBe('cpu (calling thread)')
    const text = await cli(['sweep', '--merge', 'shard-0.json', 'shard-1.json', 'shard-2.json'], { cwd: dir })
    expect(text.stdout).toMatch(/^ResNet-50 batch sweep\n42 points on cpu/)
  })

  it('says when merged shards do not cover the space', async () => {
    const dir = workDir()
    await cli(['sweep', 'space.yaml', '--shard', '0/2', '--out', 'a.json'], { cwd: dir })
    const r = await cli(['sweep', '--merge', 'a.json', '--json'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('warning: the merged results cover 21 of 42 points; is a shard missing?\n')
  })

  it('creates the folders of its outputs, as a shard job array needs (shards/3.json)', async () => {
    const dir = workDir()
    const r = await cli(
      ['sweep', 'space.yaml', '--shard', '1/2', '--out', 'shards/1.json', '--out', 'tables/1.csv'],
      { cwd: dir },
    )
    expect(r.code, r.stderr).toBe(0)
    const saved = JSON.parse(readFileSync(join(dir, 'shards', '1.json'), 'utf8')) as {
      counts: { points: number }
    }
    expect(saved.counts.points).toBe(SMALL_SPACE_POINTS / 2)
    expect(
      readFileSync(join(dir, 'tables', '1.csv'), 'utf8')
        .trimEnd()
        .split('\n'),
    ).toHaveLength(SMALL_SPACE_POINTS / 2 + 1)
  })

  it('names an output it cannot write, before evaluating anything', async () => {
    const dir = workDir({ 'space.yaml': SMALL_SPACE, 'a-file': 'not a folder\n' })
    const cases: Array<[string, string]> = [
      [
        'a-file/0.json',
        "cannot write the sweep result 'a-file/0.json': a part of the path is a file, not a folder",
      ],
      ['a-file/t.csv', "cannot write the table 'a-file/t.csv': a part of the path is a file, not a folder"],
    ]
    for (const [out, message] of cases) {
      const r = await cli(['sweep', 'space.yaml', '--out', out], { cwd: dir })
      expect(r.code, out).toBe(1)
      expect(r.stderr, out).toBe(`error: ${message}\n`)
      expect(r.stdout, out).toBe('')
    }
  })

  it('streams the full table as CSV, NDJSON, Arrow and Parquet, all readable back', async () => {
    const dir = workDir()
    const outs = ['t.csv', 't.ndjson', 't.arrow', 't.parquet']
    const r = await cli(['sweep', 'space.yaml', ...outs.flatMap((o) => ['--out', o])], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const csv = readFileSync(join(dir, 't.csv'), 'utf8').trimEnd().split('\n')
    const header = csv[0]!.split(',')
    expect(header.slice(0, 4)).toEqual(['index', 'hardware', 'precision', 'batchSize'])
    expect(header).toContain('latency')
    expect(header.at(-1)).toBe('meetsConstraints')
    expect(csv).toHaveLength(SMALL_SPACE_POINTS + 1)
    const ndjson = readFileSync(join(dir, 't.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const arrow = tableFromIPC(readFileSync(join(dir, 't.arrow')))
      .toArray()
      .map((row) => row.toJSON())
    const buffer = readFileSync(join(dir, 't.parquet'))
    const parquet = await parquetReadObjects({
      file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
    })
    for (const rows of [ndjson, arrow, parquet]) {
      expect(rows).toHaveLength(SMALL_SPACE_POINTS)
      // Row 9: hardware A100 (index 0), precision int8 (1), batch 2^2 (radix order hardware,
      // precision, batchSize: 0·14 + 1·7 + 2 = 9).
      const row = rows.find((x) => Number(x.index) === 9)!
      expect(row).toMatchObject({ hardware: 'A100', precision: 'int8' })
      expect(Number(row.batchSize)).toBe(4)
      const direct = solve('single-node', {
        workload: 'ResNet50',
        efficiency: 0.5,
        hardware: 'A100',
        precision: 'int8',
        batchSize: 4,
      })
      expect(Number(row.latency)).toBe(direct.latency)
    }
  })

  it('draws a progress bar only on a terminal', async () => {
    const dir = workDir()
    const piped = await cli(['sweep', 'space.yaml', '--json'], { cwd: dir, isTTY: false })
    expect(piped.stderr).toBe('')
    const terminal = await cli(['sweep', 'space.yaml', '--json'], {
      cwd: dir,
      isTTY: { stdout: false, stderr: true },
    })
    // The last update draws 100% and is erased before the summary.
    expect(terminal.stderr).toContain('\r\u001b[2K[')
    expect(terminal.stderr).toMatch(/\[█+\] 100\.0% {2}42\/42 /)
    expect(terminal.stderr.endsWith('\r\u001b[2K')).toBe(true)
    expect(terminal.stdout).not.toContain('\r')
  })

  it('falls back to the CPU when WebGPU cannot run here, saying so on stderr', async () => {
    const dir = workDir()
    const cpu = json<SweepSummary>(
      await cli(['sweep', 'space.yaml', '--backend', 'cpu', '--json'], { cwd: dir }),
    )
    // A Vulkan driver manifest that does not exist: Dawn finds no adapter in its child process.
    const saved = process.env.VK_ICD_FILENAMES
    process.env.VK_ICD_FILENAMES = join(dir, 'no-such-driver.json')
    try {
      const r = await cli(['sweep', 'space.yaml', '--backend', 'webgpu', '--json'], { cwd: dir })
      expect(r.code, r.stderr).toBe(0)
      expect(r.stderr).toMatch(/^note: the webgpu backend cannot run here \(.+\); using the CPU backend\n$/)
      const s = json<SweepSummary>(r)
      expect(s.backend).toBe('cpu (calling thread)')
      expect(comparable(s)).toEqual(comparable(cpu))
    } finally {
      if (saved === undefined) delete process.env.VK_ICD_FILENAMES
      else process.env.VK_ICD_FILENAMES = saved
    }
  })

  it('keeps auto on the CPU where there is no GPU device', async () => {
    const dir = workDir()
    const r = await cli(['sweep', 'space.yaml', '--json'], { cwd: dir })
    expect(r.code).toBe(0)
    if (!hasGpuDevice()) {
      expect(r.stderr).toBe('')
      expect(json<SweepSummary>(r).backend).toBe('cpu (calling thread)')
    } else {
      // With a GPU device, auto leaves a 42-point space to the CPU too (below the engine's minimum).
      expect(json<SweepSummary>(r).backend).toMatch(/^cpu/)
    }
  })

  it('heatmaps of an objective show each cell’s best value (min latency, max throughput)', async () => {
    const dir = workDir({
      'space.yaml': SMALL_SPACE.replace(
        '    - { x: precision, y: hardware, metric: throughput }\n',
        '    - { x: precision, y: hardware, metric: throughput }\n    - { x: precision, y: hardware, metric: latency }\n',
      ),
    })
    const r = await cli(['sweep', 'space.yaml', '--threads', '1'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const cell = (metric: string, hardware: string) => {
      const table = r.stdout.slice(r.stdout.indexOf(`over feasible points`, r.stdout.indexOf(metric)))
      return new RegExp(`^ +${hardware} +(\\S+(?: \\S+)?) +`, 'm').exec(table)![1]
    }
    expect(r.stdout).toMatch(/Heatmap: min latency over feasible points by hardware/)
    expect(r.stdout).toMatch(/Heatmap: max throughput over feasible points by hardware/)
    // A100 in fp16: the lowest latency is at batch 1, the highest throughput at the largest feasible batch.
    const one = solvePoint({ coordinates: { hardware: 'A100', precision: 'fp16', batchSize: 1 } } as never)
    expect(cell('min latency', 'A100')).toBe(quantityText(one.latency, 'seconds'))
  })

  it('exits 1 when the solver rejects every point (bad input, not an infeasible design)', async () => {
    const dir = workDir({
      'space.yaml': `
solver: distributed
fixed: { workload: Llama3_70B, tpSize: 3 }
axes:
  fleet: [Research_256, Training_1K]
  batchSize: [256, 512]
`,
    })
    const r = await cli(['sweep', 'space.yaml', '--json'], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: space\.yaml: the solver rejects every point of the space \(all 2 combinations of its categorical axes\), so nothing can be evaluated; the first \(fleet=Research_256\): tpSize: tpSize × ppSize × epSize = 3 × 1 × 1 = 3 must divide the 256 accelerators/,
    )
  })

  it('exits 2 when no point of the space is feasible', async () => {
    const dir = workDir({ 'space.yaml': SMALL_SPACE.replace('latency <= 20 ms', 'latency <= 1 us') })
    const r = await cli(['sweep', 'space.yaml', '--json'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(json<SweepSummary>(r).feasible).toBe(0)
    expect(r.stderr).toBe(
      'infeasible: no point of the space meets its constraints (feasible and latency <= 1 us)\n',
    )
    // A shard with no feasible point is not a failure: the others may have some.
    const shard = await cli(['sweep', 'space.yaml', '--shard', '0/2', '--json'], { cwd: dir })
    expect(shard.code).toBe(0)
  })

  it('exits 130 when cancelled', async () => {
    const dir = workDir()
    const controller = new AbortController()
    controller.abort(new Error('interrupted'))
    let stderr = ''
    const { run } = await import('../index.js')
    const code = await run(['sweep', 'space.yaml'], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: dir,
      signal: controller.signal,
    })
    expect(code).toBe(130)
    expect(stderr).toMatch(/^cancelled: sweep cancelled after 0 of 42 points/)
  })

  it('names the path and what is allowed for a bad space (exit 1, no stack trace)', async () => {
    const cases: Array<[string, RegExp]> = [
      [SMALL_SPACE.replace('[fp16, int8]', '[fp16, int9]'), /axes\.precision/],
      [
        SMALL_SPACE.replace('solver: single-node', 'solver: singel-node'),
        /solver: unknown solver 'singel-node'/,
      ],
      [SMALL_SPACE.replace('minimize: latency', 'minimize: latncy'), /unknown name 'latncy'/],
      [SMALL_SPACE.replace('scale: log }', 'scale: log, setp: 2 }'), /axes\.batchSize/],
    ]
    for (const [text, message] of cases) {
      const r = await cli(['sweep', '-'], { stdin: text })
      expect(r.code, text).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^error: invalid sweep space/)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('rejects bad options with the allowed values', async () => {
    const dir = workDir({
      'space.yaml': SMALL_SPACE,
      'untabled.yaml': SMALL_SPACE.replace('  table: true\n', ''),
      'other.yaml': SMALL_SPACE.replace('T4]', 'L4]'),
    })
    await cli(['sweep', 'other.yaml', '--out', 'other.json'], { cwd: dir })
    await cli(['sweep', 'space.yaml', '--shard', '0/2', '--out', 's0.json'], { cwd: dir })
    const cases: Array<[string[], string]> = [
      [['space.yaml', '--backend', 'gpu'], "--backend must be one of auto, cpu, webgpu (got 'gpu')"],
      [
        ['space.yaml', '--shard', '3/3'],
        'shard index 3 must be a whole number in [0, 2] (shards are 0-based)',
      ],
      [['space.yaml', '--shard', 'half'], 'must be written i/n, e.g. 0/8 (0-based)'],
      [
        ['space.yaml', '--out', 'x.txt'],
        '--out x.txt: unknown file type; use .json (the result, mergeable) or .csv',
      ],
      [['untabled.yaml', '--out', 'x.csv'], "keeps none; add 'table: true'"],
      [['space.yaml', '--threads', '0'], "--threads must be a whole number ≥ 1 (got '0')"],
      [['--merge', 's0.json', 'other.json'], 'other.json is of another space than s0.json (fingerprint'],
      [
        ['--merge', 's0.json', 's0.json'],
        's0.json and s0.json overlap: both cover the indices [0, 21); each index may be in one result only',
      ],
      [['--merge', 's0.json', 'missing.json'], "cannot read sweep result 'missing.json': no such file"],
      [
        ['--merge', 'space.yaml'],
        "--merge reads the results that 'mlsysim sweep <space> --out result.json' writes",
      ],
      [['--merge', 's0.json', '--shard', '0/2'], '--shard does not apply to --merge'],
      [['--merge', 's0.json', '--out', 'x.csv'], 'merged results have no table'],
      [['--merge'], '--merge needs the result files to merge'],
    ]
    for (const [argv, message] of cases) {
      const r = await cli(['sweep', ...argv], { cwd: dir })
      expect(r.code, argv.join(' ')).toBe(1)
      expect(r.stderr, argv.join(' ')).toContain(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })
})
