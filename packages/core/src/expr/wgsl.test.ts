// Structure of the generated WGSL (its behaviour is checked in Chromium's WebGPU by
// wgsl.browser.test.ts): golden source, literals, integer powers, folds, names, layout, errors.
import { describe, expect, it } from 'vitest'
import { wgslFloatLiteral, wgslFunction, wgslKernel } from './emit-wgsl.js'
import { awkwardNames, demo, piecewise, powers } from './fixtures.js'
import { defineModel } from './model.js'
import { isPlainWgslIdentifier } from './wgsl-names.js'

const roofline = defineModel('roofline', (b) => {
  const ops = b.input('ops', 'flop')
  const peak = b.input('peak', 'flopPerSecond')
  const bytes = b.input('bytes', 'bytes')
  const bandwidth = b.input('bandwidth', 'bytesPerSecond')
  const tMemory = bytes.div(bandwidth)
  const tCompute = ops.div(peak)
  const time = b.let('time', tCompute.max(tMemory))
  return { latency: time.add(b.constant(1e-5, 'seconds')), memoryBound: tMemory.gt(tCompute) }
})

/** The body lines of the generated function, without indentation. */
const bodyOf = (source: string) =>
  source
    .slice(source.indexOf('{', source.indexOf('\nfn ')) + 2, source.lastIndexOf('}'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)

describe('wgslFunction', () => {
  it('generates the roofline exactly (golden)', () => {
    const fn = wgslFunction(roofline)
    expect(fn.fnName).toBe('roofline')
    expect(fn.inputStruct).toBe('RooflineInputs')
    expect(fn.outputStruct).toBe('RooflineOutputs')
    // Node ids: inputs 0–3; ops/peak 5, bytes/bandwidth 4 (built first), max 6, let 7, 1e-5 is 8.
    expect(fn.source).toBe(`// Model 'roofline' in f32, generated from its expression graph.
struct RooflineInputs {
  ops: f32,
  peak: f32,
  bytes: f32,
  bandwidth: f32,
}

struct RooflineOutputs {
  latency: f32,
  memoryBound: f32,
}

fn roofline(inp: RooflineInputs) -> RooflineOutputs {
  let v0: f32 = inp.ops;
  let v1: f32 = inp.peak;
  let v5: f32 = v0 / v1;
  let v2: f32 = inp.bytes;
  let v3: f32 = inp.bandwidth;
  let v4: f32 = v2 / v3;
  let v6: f32 = max(v5, v4);
  let v7: f32 = v6; // time
  let v8: f32 = 1e-5;
  let v9: f32 = v7 + v8;
  let v10: bool = v4 > v5;
  return RooflineOutputs(v9, select(0.0, 1.0, v10));
}
`)
    expect(fn.inputs.map((i) => i.field)).toEqual(['ops', 'peak', 'bytes', 'bandwidth'])
    expect(fn.outputs).toEqual([
      { name: 'latency', field: 'latency', type: 'number' },
      { name: 'memoryBound', field: 'memoryBound', type: 'boolean' },
    ])
  })

  it('emits only the nodes a subset of outputs needs, in the chosen order', () => {
    const fn = wgslFunction(demo, { outputs: ['intensity'], name: 'intensityOnly' })
    expect(fn.fnName).toBe('intensityOnly')
    expect(fn.outputStruct).toBe('IntensityOnlyOutputs')
    // intensity = ops / bytes: two reads and one division, nothing else.
    expect(bodyOf(fn.source)).toEqual([
      'let v0: f32 = inp.ops;',
      'let v1: f32 = inp.bytes;',
      'let v28: f32 = v0 / v1;',
      'return IntensityOnlyOutputs(v28);',
    ])
    // The input struct keeps every input, so callers fill one struct whatever they ask for.
    expect(fn.source).toContain('struct IntensityOnlyInputs {\n  ops: f32,\n  bytes: f32,\n  peak: f32,')
    const two = wgslFunction(demo, { outputs: ['erlangB', 'fits'] })
    expect(two.outputs.map((o) => o.name)).toEqual(['erlangB', 'fits'])
    expect(two.source).toContain('for (var k24')
    expect(two.source).not.toContain('log(')
    expect(two.source).not.toContain('inp.ops')
  })

  it('writes booleans as 1.0 / 0.0 and uses WGSL select argument order', () => {
    const source = wgslFunction(demo).source
    // effectiveBw = fits ? bandwidth : min(bandwidth, 64e9) → select(false, true, condition).
    expect(source).toContain('let v9: bool = v1 <= v5;')
    expect(source).toContain('let v12: f32 = select(v11, v3, v9);')
    expect(source).toContain(
      'return DemoOutputs(v26, select(0.0, 1.0, v27), select(0.0, 1.0, v9), v28, v24, v35);',
    )
    const logic = wgslFunction(piecewise, { outputs: ['flags'] }).source
    expect(logic).toContain('let v35: bool = !v6;')
    expect(logic).toContain('let v36: bool = v4 && v35;')
    expect(logic).toContain('let v37: bool = v0 == v1;')
    expect(logic).toContain('let v38: bool = v36 || v37;')
    expect(logic).toContain('let v39: f32 = select(0.0, 1.0, v38);')
  })

  it('turns a fold into a bounded loop with NaN-safe step count and hoisted invariants', () => {
    const lines = bodyOf(wgslFunction(piecewise, { outputs: ['sum'] }).source)
    expect(lines).toEqual([
      'let v10: f32 = 0.0;',
      'let v2: f32 = inp.steps;',
      'let v0: f32 = inp.load;',
      'let v8: f32 = 1.0;',
      // (ρ + 1) does not depend on the loop: computed once, before it.
      'let v21: f32 = v0 + v8;',
      '// fold 24: at most 32 steps',
      'var v20: f32 = v10;',
      'let c24: f32 = ceil(v2);',
      // ⌈count⌉ > 0 is false for NaN: no steps, as foldSteps in interpret.ts.
      'let n24: i32 = i32(select(0.0, min(c24, 32.0), c24 > 0.0));',
      'for (var k24: i32 = 1; k24 <= 32; k24++) {',
      'if (k24 > n24) {',
      'break;',
      '}',
      'let v19: f32 = f32(k24);',
      'let v22: f32 = v19 * v21;',
      'let v23: f32 = v20 + v22;',
      'v20 = v23;',
      '}',
      'let v24: f32 = v20;',
      'return PiecewiseOutputs(v24);',
    ])
  })

  it('expands small integer powers into multiplications and keeps the sign of odd powers', () => {
    const body = (output: string) => bodyOf(wgslFunction(powers, { outputs: [output] }).source)
    expect(body('square')).toContain('let v4: f32 = v0 * v0;')
    expect(body('cube')).toContain('let v6: f32 = v0 * v0 * v0;')
    expect(body('inverseSquare')).toContain('let v8: f32 = 1.0 / (v0 * v0);')
    // x⁵ = x · (x²)²; x⁻⁷ = 1 / (x · x² · (x²)²).
    expect(body('fifth')).toEqual(
      expect.arrayContaining([
        'let v10_sq2: f32 = v0 * v0;',
        'let v10_sq4: f32 = v10_sq2 * v10_sq2;',
        'let v10: f32 = v0 * v10_sq4;',
      ]),
    )
    expect(body('inverseSeventh')).toContain('let v12: f32 = 1.0 / (v0 * v12_sq2 * v12_sq4);')
    expect(body('zeroth')).toContain('let v14: f32 = 1.0;')
    for (const output of ['square', 'cube', 'inverseSquare', 'fifth', 'inverseSeventh', 'zeroth']) {
      expect(body(output).join('\n')).not.toContain('pow(')
    }
    // Beyond 16: pow of |x|, with the sign restored for an odd exponent.
    expect(body('twentyFirst')).toContain('let v16: f32 = select(1.0, -1.0, v0 < 0.0) * pow(abs(v0), v15);')
    expect(body('root')).toContain('let v18: f32 = pow(v2, v17);')
    // A variable exponent: an integer y with a negative base goes through |x| and the parity of y.
    expect(body('variable')).toContain(
      'let v19: f32 = select(pow(v0, v1), select(1.0, -1.0, fract(v1 * 0.5) != 0.0) * pow(abs(v0), v1), v0 < 0.0 && v1 == floor(v1));',
    )
  })

  it('binds every constant with let, so overflowing arithmetic is not a compile-time error', () => {
    const m = defineModel('overflow', (b) => ({ x: b.constant(1e30).mul(b.constant(2e30)) }))
    expect(bodyOf(wgslFunction(m).source)).toEqual([
      'let v0: f32 = 1e+30;',
      'let v1: f32 = 2e+30;',
      'let v2: f32 = v0 * v1;',
      'return OverflowOutputs(v2);',
    ])
  })

  it('prefixes names that WGSL reserves, and names that are not identifiers', () => {
    const fn = wgslFunction(awkwardNames)
    expect(fn.fnName).toBe('m_max') // model id 'max' is a built-in function
    expect(fn.inputStruct).toBe('MMaxInputs')
    expect(fn.inputs.map((i) => [i.name, i.field])).toEqual([
      ['var', 'm_var'],
      ['select', 'm_select'],
      ['module', 'm_module'],
      ['__x', 'm___x'],
    ])
    expect(fn.outputs.map((o) => [o.name, o.field])).toEqual([
      ['p99 latency', 'p99_latency'],
      ['loop', 'm_loop'],
      ['ok?', 'ok_'],
      ['p99-latency', 'p99_latency_2'],
    ])
    for (const field of [...fn.inputs, ...fn.outputs].map((f) => f.field)) {
      expect(isPlainWgslIdentifier(field), field).toBe(true)
    }
    expect(isPlainWgslIdentifier('fn')).toBe(false)
    expect(isPlainWgslIdentifier('vec4f')).toBe(false)
    expect(isPlainWgslIdentifier('_a')).toBe(false)
    expect(isPlainWgslIdentifier('throughput')).toBe(true)
    // A model without inputs still gets a (non-empty) input struct.
    const constant = wgslFunction(defineModel('k', (b) => ({ one: b.constant(1) })))
    expect(constant.source).toContain('struct KInputs {\n  unused: f32,\n}')
  })

  it('rejects bad names and outputs, naming what is allowed', () => {
    expect(() => wgslFunction(demo, { name: 'loop' })).toThrowError(
      'WGSL function name "loop" must be an ASCII identifier that is not a WGSL keyword',
    )
    expect(() => wgslFunction(demo, { name: 'main' })).toThrowError(/one of main, Params/)
    expect(() => wgslFunction(demo, { outputs: ['latency', 'p99'] })).toThrowError(
      "model 'demo' has no output 'p99'; outputs are latency, memoryBound, fits, intensity, erlangB, logSqrt",
    )
    expect(() => wgslFunction(demo, { outputs: [] })).toThrowError("model 'demo': choose at least one output")
    expect(() => wgslFunction(demo, { outputs: ['fits', 'fits'] })).toThrowError(
      "output 'fits' is listed twice",
    )
  })
})

describe('f32 literals', () => {
  it.each([
    [1e-5, '1e-5'],
    [64e9, '64000000000.0'],
    [-0, '-0.0'],
    [0, '0.0'],
    [3, '3.0'],
    [-2.5, '-2.5'],
    [0.1, '0.1'],
    [0.001, '0.001'],
    [1.5e-4, '1.5e-4'],
    [1e21, '1e+21'],
    [3.4028234663852886e38, '3.4028234663852886e+38'],
    [1.1754943508222875e-38, '1.1754943508222875e-38'],
  ])('%s → %s', (value, literal) => {
    expect(wgslFloatLiteral(value)).toBe(literal)
  })

  it('rejects constants outside the f32 range at emit time, naming them', () => {
    const huge = defineModel('huge', (b) => ({
      x: b.input('x', 'count').mul(b.constant(1e39, 'count', { name: 'avogadroSquared' })),
    }))
    expect(() => wgslFunction(huge)).toThrowError(
      "model 'huge': constant 'avogadroSquared' (1e+39) is outside the f32 range (|x| ≤ 3.4028234663852886e+38)",
    )
    const tiny = defineModel('tiny', (b) => ({ x: b.input('x', 'count').mul(-1e-40) }))
    expect(() => wgslFunction(tiny)).toThrowError(
      "model 'tiny': constant -1e-40 is below the smallest normal f32 (1.1754943508222875e-38)",
    )
    // Only emitted constants count: a subset that avoids the constant compiles.
    const mixed = defineModel('mixed', (b) => ({
      ok: b.input('x', 'count').add(1),
      bad: b.constant(-5e38),
    }))
    expect(wgslFunction(mixed, { outputs: ['ok'] }).outputs).toHaveLength(1)
    expect(() => wgslFunction(mixed)).toThrowError("model 'mixed': constant -5e+38 is outside the f32 range")
  })
})

describe('wgslKernel', () => {
  const kernel = wgslKernel(demo, { varying: ['servers', 'ops'] })

  it('reads varying inputs from struct-of-arrays columns and the rest from a uniform', () => {
    const main = kernel.source.slice(kernel.source.indexOf('struct Params'))
    expect(main).toBe(`struct Params {
  rowCount: u32,
  scalars: array<vec4<f32>, 2>,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> columns: array<f32>;
@group(0) @binding(2) var<storage, read_write> results: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let row = gid.x + gid.y * (nwg.x * 64u);
  let rowCount = params.rowCount;
  if (row >= rowCount) {
    return;
  }
  var inp: DemoInputs;
  inp.servers = columns[row];
  inp.ops = columns[rowCount + row];
  inp.bytes = params.scalars[0].x;
  inp.peak = params.scalars[0].y;
  inp.bandwidth = params.scalars[0].z;
  inp.efficiency = params.scalars[0].w;
  inp.capacity = params.scalars[1].x;
  inp.offered = params.scalars[1].y;
  let res = demo(inp);
  results[row] = res.latency;
  results[rowCount + row] = res.memoryBound;
  results[2u * rowCount + row] = res.fits;
  results[3u * rowCount + row] = res.intensity;
  results[4u * rowCount + row] = res.erlangB;
  results[5u * rowCount + row] = res.logSqrt;
}
`)
    expect(kernel.source.startsWith(wgslFunction(demo).source)).toBe(true)
  })

  it('documents the buffer layout', () => {
    expect(kernel.entryPoint).toBe('main')
    expect(kernel.scalars).toEqual(['bytes', 'peak', 'bandwidth', 'efficiency', 'capacity', 'offered'])
    expect(kernel.layout).toEqual({
      group: 0,
      params: {
        binding: 0,
        type: 'uniform',
        byteSize: 48, // 16 bytes of row count (padded to a vec4) + 2 vec4 of scalars
        rowCountOffset: 0,
        scalars: [
          { name: 'bytes', byteOffset: 16 },
          { name: 'peak', byteOffset: 20 },
          { name: 'bandwidth', byteOffset: 24 },
          { name: 'efficiency', byteOffset: 28 },
          { name: 'capacity', byteOffset: 32 },
          { name: 'offered', byteOffset: 36 },
        ],
      },
      columns: {
        binding: 1,
        type: 'read-only-storage',
        columns: [
          { name: 'servers', index: 0 },
          { name: 'ops', index: 1 },
        ],
        bytesPerRow: 8,
      },
      results: {
        binding: 2,
        type: 'storage',
        outputs: [
          { name: 'latency', index: 0, type: 'number' },
          { name: 'memoryBound', index: 1, type: 'boolean' },
          { name: 'fits', index: 2, type: 'boolean' },
          { name: 'intensity', index: 3, type: 'number' },
          { name: 'erlangB', index: 4, type: 'number' },
          { name: 'logSqrt', index: 5, type: 'number' },
        ],
        bytesPerRow: 24,
      },
    })
  })

  it('packs params, columns and results as the layout says', () => {
    const params = kernel.packParams(3, {
      bytes: 1,
      peak: 2,
      bandwidth: 3,
      efficiency: 0.5,
      capacity: 5,
      offered: 6,
      ops: 99,
    })
    expect(params.byteLength).toBe(48)
    expect(new Uint32Array(params, 0, 1)[0]).toBe(3)
    expect([...new Float32Array(params, 16, 6)]).toEqual([1, 2, 3, 0.5, 5, 6])
    expect(() => kernel.packParams(3, { bytes: 1 })).toThrowError(
      "scalar input 'peak' is missing or not a number",
    )
    expect(() => kernel.packParams(-1, {})).toThrowError(
      'rowCount must be an integer in [0, 4294967295], got -1',
    )

    const columns = kernel.packColumns({ servers: [1, 2, 3], ops: [10, 20, 30.1] }, 3)
    expect([...columns]).toEqual([1, 2, 3, 10, 20, Math.fround(30.1)])
    expect(() => kernel.packColumns({ servers: [1, 2] }, 3)).toThrowError(
      "column 'servers' needs 3 values, got 2",
    )

    const results = Float32Array.from({ length: 12 }, (_, i) => i)
    const unpacked = kernel.unpackResults(results, 2)
    expect([...unpacked.latency!]).toEqual([0, 1])
    expect([...unpacked.logSqrt!]).toEqual([10, 11])
    expect(() => kernel.unpackResults(results, 3)).toThrowError(
      'results hold 12 values; 6 outputs × 3 rows need 18',
    )
  })

  it('sizes 1-D dispatches and switches to 2-D past the per-dimension limit', () => {
    expect(kernel.dispatchSize(1000)).toEqual({ x: 16, y: 1 }) // ⌈1000 / 64⌉
    expect(kernel.dispatchSize(0)).toEqual({ x: 0, y: 0 })
    expect(kernel.dispatchSize(65535 * 64)).toEqual({ x: 65535, y: 1 })
    expect(kernel.dispatchSize(65535 * 64 + 1)).toEqual({ x: 65535, y: 2 })
    expect(kernel.dispatchSize(1000, 5)).toEqual({ x: 5, y: 4 }) // 16 workgroups as 5 × 4
    expect(() => kernel.dispatchSize(64 * 26, 5)).toThrowError(
      '1664 rows need 26 workgroups, more than 5² in one dispatch',
    )
  })

  it('has no column buffer when nothing varies, and honours the workgroup size', () => {
    const k = wgslKernel(roofline, { varying: [], workgroupSize: 128, outputs: ['memoryBound'] })
    expect(k.layout.columns).toBeUndefined()
    expect(k.source).not.toContain('var<storage, read> columns')
    expect(k.source).toContain('@compute @workgroup_size(128)')
    expect(k.source).toContain('let row = gid.x + gid.y * (nwg.x * 128u);')
    expect(k.source).toContain('results[row] = res.memoryBound;')
    expect(k.layout.params.byteSize).toBe(32) // 4 scalars: one vec4
    expect(k.dispatchSize(129)).toEqual({ x: 2, y: 1 })
  })

  it('rejects unknown or repeated varying inputs and bad workgroup sizes', () => {
    expect(() => wgslKernel(demo, { varying: ['flops'] })).toThrowError(
      "model 'demo' has no input 'flops'; inputs are ops, bytes, peak, bandwidth, efficiency, capacity, servers, offered",
    )
    expect(() => wgslKernel(demo, { varying: ['ops', 'ops'] })).toThrowError(
      "varying input 'ops' is listed twice",
    )
    for (const size of [0, 257, 1.5]) {
      expect(() => wgslKernel(demo, { varying: [], workgroupSize: size })).toThrowError(
        `workgroupSize must be an integer in [1, 256], got ${size}`,
      )
    }
  })
})
