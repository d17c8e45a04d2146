/**
 * The CPU backend's kernel: one generated JavaScript function per plan that walks a slice of
 * the index space and reduces as it goes, with no allocation per point.
 *
 * The model's terms are split by what they depend on: constants (computed once per kernel),
 * the categorical combination (level 0), then each numeric axis in radix order (levels
 * 1 … K). The kernel keeps the coordinates as an odometer: when a digit changes it recomputes
 * only the terms of that level and the levels inside it (a `switch` that falls through), and
 * the innermost axis runs as a tight `for` loop. Constraints, objectives, top-k heaps, the
 * Pareto front, histograms, heatmaps and the optional table are updated in the same loop.
 *
 * The generated source and its tables are plain data (strings and typed arrays), so a worker
 * thread or a Web Worker can compile and run the same kernel.
 */
import { emitStatements, valueVariable } from '../expr/emit-js.js'
import { interpret } from '../expr/interpret.js'
import type { ExprNode, InputNode } from '../expr/node.js'
import { argumentsOf } from '../expr/node.js'
import { type Step, schedule } from '../expr/schedule.js'
import type { CpuKernelSpec, KernelLayout } from './cpu-runtime.js'
import { emitMetricJs, type MetricExpr, metricNames } from './metric-expr.js'
import type { PlanBinning, SweepPlan } from './plan.js'

const jsNumber = (x: number) =>
  Number.isNaN(x)
    ? 'NaN'
    : x === Number.POSITIVE_INFINITY
      ? 'Infinity'
      : x === Number.NEGATIVE_INFINITY
        ? '-Infinity'
        : String(x)

/** Every node a fold's value depends on, body included (for levels). */
function dependencies(node: ExprNode): ExprNode[] {
  const args = argumentsOf(node)
  return node.op === 'fold' ? [...args, node.body] : args
}

/**
 * Removes the branches a plan never takes: a `select` whose condition reads only inputs that
 * are constant over the whole space (isTraining fixed to false, a fixed ZeRO stage…) becomes
 * its taken branch, so the kernel does not compute the other one per row. The values are the
 * same as the full graph's (the untaken branch never contributed to them). Rewritten nodes keep
 * their ids, so each id still names one node and one variable.
 */
function constantBranchPruner(
  plan: SweepPlan,
  inputLevel: ReadonlyMap<string, number>,
): (node: ExprNode) => ExprNode {
  const constants: Record<string, number> = {}
  plan.constants.inputs.forEach((name, j) => {
    constants[name] = plan.constants.values[j]!
  })
  const isConstant = new Map<number, boolean>()
  const constant = (node: ExprNode): boolean => {
    const known = isConstant.get(node.id)
    if (known !== undefined) return known
    let result: boolean
    if (node.op === 'input') result = inputLevel.get(node.name) === -1
    else if (node.op === 'loopIndex' || node.op === 'loopAccumulator') result = false
    else result = dependencies(node).every(constant)
    isConstant.set(node.id, result)
    return result
  }
  const done = new Map<number, ExprNode>()
  const prune = (node: ExprNode): ExprNode => {
    const known = done.get(node.id)
    if (known) return known
    let out: ExprNode
    if (node.op === 'select' && constant(node.condition)) {
      const [taken] = interpret([node.condition], constants)
      out = prune(taken ? node.whenTrue : node.whenFalse)
    } else if (node.op === 'select') {
      const [c, t, f] = [prune(node.condition), prune(node.whenTrue), prune(node.whenFalse)]
      out =
        c === node.condition && t === node.whenTrue && f === node.whenFalse
          ? node
          : { ...node, condition: c, whenTrue: t, whenFalse: f }
    } else if (node.op === 'fold') {
      const [i, n, b] = [prune(node.init), prune(node.count), prune(node.body)]
      out =
        i === node.init && n === node.count && b === node.body
          ? node
          : { ...node, init: i, count: n, body: b }
    } else if ('arg' in node) {
      const a = prune(node.arg)
      out = a === node.arg ? node : ({ ...node, arg: a } as ExprNode)
    } else if ('left' in node) {
      const [l, r] = [prune(node.left), prune(node.right)]
      out = l === node.left && r === node.right ? node : { ...node, left: l, right: r }
    } else out = node
    done.set(node.id, out)
    return out
  }
  return prune
}

/** Generates the kernel source and gathers its tables for a plan. */
export function compileCpuKernel(plan: SweepPlan): CpuKernelSpec {
  const model = plan.model
  const K = plan.axes.length - plan.categoricalCount
  const numericAxes = plan.axes.slice(plan.categoricalCount)
  const W = plan.combinations.inputs.length

  // Where each model input comes from, and its level.
  const inputLevel = new Map<string, number>()
  const readInput = new Map<string, string>()
  plan.constants.inputs.forEach((name, j) => {
    inputLevel.set(name, -1)
    readInput.set(name, `$K[${j}]`)
  })
  plan.combinations.inputs.forEach((name, j) => {
    inputLevel.set(name, 0)
    readInput.set(name, `$combos[$cb + ${j}]`)
  })
  numericAxes.forEach((axis, k) => {
    if (axis.modelInput) {
      inputLevel.set(axis.modelInput, k + 1)
      readInput.set(axis.modelInput, `$ax${k + 1}[$d${k + 1}]`)
    }
  })

  // Which metrics the kernel needs, and the graph nodes behind them.
  const used = new Set<string>()
  const expressions: MetricExpr[] = [
    ...plan.derived.map((d) => d.expr),
    ...plan.constraints.map((c) => c.expr),
    ...plan.objectives.map((o) => o.expr),
  ]
  const binExprs = (b: PlanBinning) => (b.kind === 'metric' ? [b.expr] : [])
  for (const h of plan.keep.histograms) expressions.push(...binExprs(h.binning))
  for (const h of plan.keep.heatmaps)
    expressions.push(...binExprs(h.x), ...binExprs(h.y), ...(h.metric ? [h.metric.expr] : []))
  for (const c of plan.keep.table?.columns ?? []) if (c.kind === 'metric') expressions.push(c.expr)
  for (const e of expressions) for (const name of metricNames(e)) used.add(name)
  const outputNodes = new Map(model.outputNames.map((name, i) => [name as string, model.outputNodes[i]!]))
  const inputNodes = new Map(model.inputs.map((node) => [node.name, node]))
  const prune = constantBranchPruner(plan, inputLevel)
  const roots: ExprNode[] = []
  for (const name of used) {
    const metric = plan.metrics.get(name)
    if (!metric) continue
    if (metric.source.kind === 'output') roots.push(prune(outputNodes.get(name)!))
    else if (metric.source.kind === 'input') roots.push(inputNodes.get(name)!)
  }
  const derivedIndex = new Map(plan.derived.map((d, i) => [d.name, i]))
  const read = (name: string): string => {
    const metric = plan.metrics.get(name)!
    if (metric.source.kind === 'derived') return `$m${derivedIndex.get(name)}`
    if (metric.source.kind === 'output') return valueVariable(prune(outputNodes.get(name)!))
    return valueVariable(inputNodes.get(name)!)
  }

  // Levels of the scheduled steps.
  const levels = new Map<number, number>()
  const levelOf = (node: ExprNode): number => {
    const known = levels.get(node.id)
    if (known !== undefined) return known
    let level = -1
    if (node.op === 'input') level = inputLevel.get(node.name) ?? -1
    else for (const dep of dependencies(node)) level = Math.max(level, levelOf(dep))
    levels.set(node.id, level)
    return level
  }
  const steps = schedule(roots)
  const byLevel: Step[][] = Array.from({ length: K + 2 }, () => [])
  for (const step of steps) {
    const node = step.kind === 'node' ? step.node : step.fold
    byLevel[levelOf(node) + 1]!.push(step)
  }
  const reader = (input: InputNode) => readInput.get(input.name) ?? 'NaN'
  const stepNodes = (list: Step[]) => list.map((s) => (s.kind === 'node' ? s.node : s.fold))

  const layout: KernelLayout = {
    objectives: plan.objectives.length,
    topK: plan.keep.topK,
    pareto: plan.keep.pareto?.length ?? 0,
    histograms: plan.keep.histograms.map((h) => ({ bins: h.binning.bins })),
    heatmaps: plan.keep.heatmaps.map((h) => ({ cells: h.x.bins * h.y.bins })),
    ...(plan.keep.table
      ? {
          table: plan.keep.table.columns.map((c) =>
            c.kind === 'axis'
              ? plan.axes[c.axis]!.kind === 'numeric'
                ? 'f64'
                : 'u32'
              : c.type === 'boolean'
                ? 'u8'
                : 'f64',
          ),
        }
      : {}),
  }

  const L: string[] = ['"use strict";']
  L.push('const $combos = T.combos, $valid = T.valid, $K = T.constants;')
  numericAxes.forEach((_, k) => {
    L.push(`const $ax${k + 1} = T.axes[${k}];`)
  })
  for (let a = 0; a < plan.categoricalCount; a++) L.push(`const $cco${a} = T.comboCoordinates[${a}];`)
  L.push(...emitStatements(byLevel[0]!, { readInput: reader }))
  L.push('return function chunk($start, $end, S) {')
  // Reduction state in locals.
  const top = Array.from({ length: plan.keep.topK > 0 ? plan.objectives.length : 0 }, (_, j) => j)
  for (const j of top)
    L.push(`  const $tk${j} = S.top[${j}].keys, $ti${j} = S.top[${j}].idx; let $tn${j} = S.top[${j}].size;`)
  if (layout.pareto > 0) L.push('  const $front = S.front; let $pa = NaN, $pb = NaN, $pc = NaN;')
  plan.keep.histograms.forEach((_, h) => {
    L.push(`  const $hc${h} = S.hist[${h}].counts; let $hu${h} = 0, $ho${h} = 0, $hn${h} = 0;`)
  })
  plan.keep.heatmaps.forEach((_, h) => {
    L.push(
      `  const $gc${h} = S.heat[${h}].count, $gf${h} = S.heat[${h}].finite, $gl${h} = S.heat[${h}].min, $gh${h} = S.heat[${h}].max, $gs${h} = S.heat[${h}].sum; let $go${h} = 0;`,
    )
  })
  if (plan.keep.table) {
    L.push('  const $T = S.table, $tI = $T.index, $tM = $T.meets; let $tr = $T.rows;')
    plan.keep.table.columns.forEach((_, j) => {
      L.push(`  const $tc${j} = $T.cols[${j}];`)
    })
  }
  L.push('  let $feasible = 0, $skipped = 0;')
  // Hoisted level variables.
  for (let level = 0; level < K; level++) {
    for (const node of stepNodes(byLevel[level + 1]!))
      L.push(`  let ${valueVariable(node)} = ${node.type === 'boolean' ? 'false' : '0'};`)
  }

  const coordinateLoads = (indent: string, declare: boolean) => {
    const lines: string[] = []
    if (W > 0) lines.push(`${indent}${declare ? 'const ' : ''}$cb = $c * ${W};`)
    for (let a = 0; a < plan.categoricalCount; a++)
      lines.push(`${indent}${declare ? 'const ' : ''}$cc${a} = $cco${a}[$c];`)
    return lines
  }
  const body = (indent: string) => innermostBody(plan, indent, read)
  const runLength = plan.runLength
  const anyInvalid = plan.combinations.valid.includes(0)

  if (K === 0) {
    L.push('  for (let $i = $start, $c = $start; $i < $end; $i++, $c++) {')
    if (anyInvalid) L.push('    if ($valid[$c] === 0) { $skipped++; continue; }')
    L.push(...coordinateLoads('    ', true))
    L.push(...emitStatements(byLevel[1]!, { readInput: reader }, '    '))
    L.push(...body('    '))
    L.push('  }')
  } else {
    L.push('  let $q = $start;')
    for (let k = K; k >= 1; k--) {
      const r = numericAxes[k - 1]!.size
      L.push(`  let $d${k} = $q % ${r}; $q = ($q - $d${k}) / ${r};`)
    }
    L.push('  let $c = $q;')
    if (W > 0) L.push('  let $cb = 0;')
    for (let a = 0; a < plan.categoricalCount; a++) L.push(`  let $cc${a} = 0;`)
    L.push('  let $level = 0;')
    L.push('  let $i = $start;')
    L.push('  while ($i < $end) {')
    if (anyInvalid) {
      L.push('    if ($level === 0 && $valid[$c] === 0) {')
      L.push(`      const $next = Math.min($end, ($c + 1) * ${runLength});`)
      L.push(
        `      $skipped += $next - $i; $i = $next; $c++; ${numericAxes.map((_, k) => `$d${k + 1} = 0;`).join(' ')}`,
      )
      L.push('      continue;')
      L.push('    }')
    }
    L.push('    switch ($level) {')
    for (let level = 0; level < K; level++) {
      L.push(`      case ${level}:`)
      if (level === 0) L.push(...coordinateLoads('        ', false))
      L.push(...emitStatements(byLevel[level + 1]!, { readInput: reader, assign: true }, '        '))
    }
    L.push('    }')
    const rK = numericAxes[K - 1]!.size
    L.push(`    const $stop = Math.min(${rK}, $d${K} + ($end - $i));`)
    L.push(`    for (; $d${K} < $stop; $d${K}++, $i++) {`)
    L.push(...emitStatements(byLevel[K + 1]!, { readInput: reader }, '      '))
    L.push(...body('      '))
    L.push('    }')
    L.push(`    if ($d${K} < ${rK}) break;`)
    L.push(`    $d${K} = 0;`)
    for (let k = K - 1; k >= 1; k--) {
      L.push(`    if (++$d${k} < ${numericAxes[k - 1]!.size}) { $level = ${k}; continue; }`)
      L.push(`    $d${k} = 0;`)
    }
    L.push('    $c++; $level = 0;')
    L.push('  }')
  }
  // Write the scalars back.
  for (const j of top) L.push(`  S.top[${j}].size = $tn${j};`)
  plan.keep.histograms.forEach((_, h) => {
    L.push(`  S.hist[${h}].under += $hu${h}; S.hist[${h}].over += $ho${h}; S.hist[${h}].nan += $hn${h};`)
  })
  plan.keep.heatmaps.forEach((_, h) => {
    L.push(`  S.heat[${h}].outside += $go${h};`)
  })
  if (plan.keep.table) L.push('  $T.rows = $tr;')
  L.push('  S.feasible += $feasible; S.skipped += $skipped;')
  L.push('};')

  return {
    source: L.join('\n'),
    tables: {
      combos: plan.combinations.values,
      valid: plan.combinations.valid,
      constants: plan.constants.values,
      axes: numericAxes.map((a) => a.numbers!),
      comboCoordinates: plan.combinations.coordinates,
    },
    layout,
  }
}

/** Source computing a bin index (−1 when outside) of a binning into `name`. */
function binSource(
  b: PlanBinning,
  name: string,
  read: (n: string) => string,
  plan: SweepPlan,
  indent: string,
): string[] {
  if (b.kind === 'axis') {
    const numericPosition = b.axis - plan.categoricalCount
    const coordinate = numericPosition >= 0 ? `$d${numericPosition + 1}` : `$cc${b.axis}`
    return [`${indent}const ${name} = ${coordinate};`]
  }
  const x = emitMetricJs(b.expr, read)
  const log = b.scale === 'log'
  const lo = log ? Math.log(b.low) : b.low
  const inv = b.bins / ((log ? Math.log(b.high) : b.high) - lo)
  return [
    `${indent}const ${name}x = ${x};`,
    `${indent}let ${name} = -1;`,
    `${indent}if (${name}x >= ${jsNumber(b.low)} && ${name}x <= ${jsNumber(b.high)}) { ${name} = Math.floor((${log ? `Math.log(${name}x)` : `${name}x`} - ${jsNumber(lo)}) * ${jsNumber(inv)}); if (${name} >= ${b.bins}) ${name} = ${b.bins - 1}; }`,
  ]
}

function innermostBody(plan: SweepPlan, indent: string, read: (name: string) => string): string[] {
  const L: string[] = []
  const i2 = `${indent}  `
  plan.derived.forEach((d, j) => {
    L.push(`${indent}const $m${j} = ${emitMetricJs(d.expr, read)};`)
  })
  const ok =
    plan.constraints.length === 0
      ? 'true'
      : plan.constraints.map((c) => emitMetricJs(c.expr, read)).join(' && ')
  L.push(`${indent}const $ok = ${ok};`)
  L.push(`${indent}if ($ok) {`)
  L.push(`${i2}$feasible++;`)
  const objectiveVars = new Set<number>()
  const needObjective = (j: number) => {
    if (objectiveVars.has(j)) return
    objectiveVars.add(j)
    const o = plan.objectives[j]!
    const value = emitMetricJs(o.expr, read)
    L.push(`${i2}const $o${j} = ${o.sense === 'minimize' ? value : `-(${value})`};`)
  }
  if (plan.keep.topK > 0) {
    plan.objectives.forEach((_, j) => {
      needObjective(j)
      L.push(
        `${i2}if ($o${j} === $o${j}) { if ($tn${j} < ${plan.keep.topK}) $tn${j} = rt.heapPush($tk${j}, $ti${j}, $tn${j}, $o${j}, $i); else if ($o${j} < $tk${j}[0]) rt.heapReplace($tk${j}, $ti${j}, $tn${j}, $o${j}, $i); }`,
      )
    })
  }
  const pareto = plan.keep.pareto
  if (pareto) {
    for (const j of pareto) needObjective(j)
    const keys = pareto.map((j) => `$o${j}`)
    const hints = ['$pa', '$pb', '$pc'].slice(0, keys.length)
    // Skip points strictly dominated by the last dominator the front reported (see ParetoFront.hintA).
    const dominated = `${keys.map((k, n) => `${k} >= ${hints[n]}`).join(' && ')} && (${keys.map((k, n) => `${k} > ${hints[n]}`).join(' || ')})`
    L.push(
      `${i2}if (${keys.map((k) => `${k} === ${k}`).join(' && ')} && !(${dominated})) { $front.offer${pareto.length}(${keys.join(', ')}, $i); ${hints.map((h, n) => `${h} = $front.hint${'ABC'[n]};`).join(' ')} }`,
    )
  }
  const histogram = (h: number, ind: string) => {
    const spec = plan.keep.histograms[h]!
    if (spec.binning.kind === 'axis') {
      L.push(...binSource(spec.binning, `$b${h}`, read, plan, ind))
      L.push(`${ind}$hc${h}[$b${h}]++;`)
      return
    }
    const b = spec.binning
    const log = b.scale === 'log'
    const lo = log ? Math.log(b.low) : b.low
    const inv = b.bins / ((log ? Math.log(b.high) : b.high) - lo)
    L.push(`${ind}{ const $x = ${emitMetricJs(b.expr, read)};`)
    L.push(
      `${ind}  if ($x >= ${jsNumber(b.low)} && $x <= ${jsNumber(b.high)}) { let $b = Math.floor((${log ? 'Math.log($x)' : '$x'} - ${jsNumber(lo)}) * ${jsNumber(inv)}); if ($b >= ${b.bins}) $b = ${b.bins - 1}; $hc${h}[$b]++; }`,
    )
    L.push(
      `${ind}  else if ($x < ${jsNumber(b.low)}) $hu${h}++; else if ($x > ${jsNumber(b.high)}) $ho${h}++; else $hn${h}++; }`,
    )
  }
  plan.keep.histograms.forEach((h, j) => {
    if (h.where === 'feasible') histogram(j, i2)
  })
  plan.keep.heatmaps.forEach((h, j) => {
    L.push(`${i2}{`)
    const i3 = `${i2}  `
    L.push(...binSource(h.x, '$bx', read, plan, i3))
    L.push(...binSource(h.y, '$by', read, plan, i3))
    L.push(`${i3}if ($bx >= 0 && $by >= 0) {`)
    L.push(`${i3}  const $cell = $by * ${h.x.bins} + $bx; $gc${j}[$cell]++;`)
    if (h.metric) {
      L.push(`${i3}  const $v = ${emitMetricJs(h.metric.expr, read)};`)
      L.push(
        // Ties of ±0 go to −0 for the min and +0 for the max (as Math.min/Math.max merge
        // partials), so a cell's min and max do not depend on the order or grouping of points.
        `${i3}  if ($v - $v === 0) { $gf${j}[$cell]++; const $l = $gl${j}[$cell], $h = $gh${j}[$cell]; if ($v < $l || ($v === $l && 1 / $v < 0)) $gl${j}[$cell] = $v; if ($v > $h || ($v === $h && 1 / $v > 0)) $gh${j}[$cell] = $v; $gs${j}.add($cell, $v); }`,
      )
    }
    L.push(`${i3}} else $go${j}++;`)
    L.push(`${i2}}`)
  })
  L.push(`${indent}}`)
  plan.keep.histograms.forEach((h, j) => {
    if (h.where === 'all') histogram(j, indent)
  })
  const table = plan.keep.table
  if (table) {
    const cond = table.where === 'feasible' ? 'if ($ok) ' : ''
    L.push(`${indent}${cond}{`)
    L.push(`${i2}const $r = $tr++; $tI[$r] = $i; $tM[$r] = $ok ? 1 : 0;`)
    table.columns.forEach((column, j) => {
      let value: string
      if (column.kind === 'axis') {
        const numericPosition = column.axis - plan.categoricalCount
        value =
          numericPosition >= 0 ? `$ax${numericPosition + 1}[$d${numericPosition + 1}]` : `$cc${column.axis}`
      } else {
        const v = emitMetricJs(column.expr, read)
        value = column.type === 'boolean' ? `(${v} ? 1 : 0)` : v
      }
      L.push(`${i2}$tc${j}[$r] = ${value};`)
    })
    L.push(`${indent}}`)
  }
  return L
}
