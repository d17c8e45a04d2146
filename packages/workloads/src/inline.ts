/**
 * Inline workload definitions in solver inputs and plans ("a custom 1.7B transformer") need
 * only what the equations read: the identifying and citation fields a catalog entry must
 * carry are filled in, marked as the user's own numbers (`illustrative`, dated today).
 * Catalog entries added with `workloads.add` still need all of them.
 */
import { todayIsoDate } from '@mlsysim/units'
import type { Family } from './family.js'

const ARCHITECTURE: Readonly<Record<Family, string>> = {
  transformer: 'Transformer',
  moe: 'MoE Transformer',
  cnn: 'CNN',
  ssm: 'State-space model',
  diffusion: 'Diffusion',
  tinyml: 'TinyML',
  recommendation: 'Recommendation',
  generic: 'Generic',
}

/** The definition with id, name, architecture and provenance defaulted where absent. */
export function withInlineDefaults(definition: unknown): unknown {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) return definition
  const given = definition as Record<string, unknown>
  const id = typeof given.id === 'string' ? given.id : 'inline-workload'
  const family = given.family as Family
  return {
    id,
    name: id,
    ...(Object.hasOwn(ARCHITECTURE, family) ? { architecture: ARCHITECTURE[family] } : {}),
    provenance: {
      kind: 'illustrative',
      ref: 'workload defined inline by the user; its numbers are the user’s',
      verified: todayIsoDate(),
    },
    ...given,
  }
}
