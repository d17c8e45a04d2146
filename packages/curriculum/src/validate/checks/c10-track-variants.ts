/**
 * §3.8 check 10: every lab plays on all four tracks, and each variant's hardware, fleet and
 * workload resolve in the catalogs; threshold keys a constraint check points at exist on every
 * variant. Tracks' own refs, offerings' default tracks and capstone devices resolve too.
 */

import { type CheckContext, type CourseCheck, labName, labPath, type PathSegments } from '../check.js'
import { show } from '../issue.js'
import type { CatalogLookup } from '../resolver.js'
import { didYouMean } from '../resolver.js'

function resolve(
  ctx: CheckContext,
  entity: string,
  path: PathSegments,
  catalog: 'hardware' | 'systems' | 'workloads',
  id: string | undefined,
) {
  if (id === undefined || !ctx.resolver) return
  const lookup: CatalogLookup = ctx.resolver[catalog]
  if (!lookup.has(id))
    ctx.error(
      entity,
      path,
      `${show(id)} is not in the ${catalog} catalog${didYouMean(lookup.suggest(id))}`,
      id,
    )
}

export const trackVariantsCheck: CourseCheck = {
  id: 'c10',
  number: 10,
  title: 'Every lab has a resolvable variant per track',
  usesResolver: 'partly',
  run(ctx) {
    const { data, index } = ctx
    data.tracks.forEach((track, ti) => {
      const entity = `track '${track.id}'`
      resolve(ctx, entity, ['tracks', ti, 'hardwareRef'], 'hardware', track.hardwareRef)
      resolve(ctx, entity, ['tracks', ti, 'systemRef'], 'systems', track.systemRef)
      resolve(ctx, entity, ['tracks', ti, 'defaultModelRef'], 'workloads', track.defaultModelRef)
    })
    const trackIds = data.tracks.map((t) => t.id)
    for (const lab of data.labs) {
      const at = labPath(ctx, lab)
      const entity = labName(lab)
      for (const trackId of trackIds)
        if (!lab.tracks[trackId])
          ctx.error(entity, [...at, 'tracks'], `has no variant for track '${trackId}'`, trackId)
      const limitRefs = lab.parts.flatMap((p) =>
        p.constraintCheck?.limitRef ? [[p.id, p.constraintCheck.limitRef] as const] : [],
      )
      for (const [trackId, variant] of Object.entries(lab.tracks)) {
        const vp = [...at, 'tracks', trackId]
        if (!index.tracks.get(trackId) || index.tracks.isAlias(trackId)) {
          ctx.error(
            entity,
            vp,
            `variant for unknown track ${show(trackId)}${didYouMean(index.tracks.suggest(trackId))}`,
            trackId,
          )
          continue
        }
        resolve(ctx, entity, [...vp, 'hardwareRef'], 'hardware', variant.hardwareRef)
        resolve(ctx, entity, [...vp, 'systemRef'], 'systems', variant.systemRef)
        resolve(ctx, entity, [...vp, 'modelRef'], 'workloads', variant.modelRef)
        for (const [partId, key] of limitRefs)
          if (!variant.thresholds?.[key])
            ctx.error(
              entity,
              [...vp, 'thresholds'],
              `part ${partId}'s constraint check reads threshold ${show(key)}, which track '${trackId}' does not define`,
              key,
            )
      }
    }
    data.offerings.forEach((offering, oi) => {
      if (offering.defaultTrackId && !index.tracks.get(offering.defaultTrackId))
        ctx.error(
          `offering '${offering.id}'`,
          ['offerings', oi, 'defaultTrackId'],
          `unknown track ${show(offering.defaultTrackId)}`,
          offering.defaultTrackId,
        )
      ;(offering.hardwareRefs ?? []).forEach((ref, i) => {
        resolve(ctx, `offering '${offering.id}'`, ['offerings', oi, 'hardwareRefs', i], 'hardware', ref)
      })
    })
    data.assessment.capstones.forEach((capstone, ci) => {
      capstone.tracks.forEach((track, ti) => {
        const entity = `capstone '${capstone.id}' track ${track.label}`
        const path = ['assessment', 'capstones', ci, 'tracks', ti]
        if (track.trackId && !index.tracks.get(track.trackId))
          ctx.error(entity, [...path, 'trackId'], `unknown track ${show(track.trackId)}`, track.trackId)
        track.deviceRefs.forEach((ref, di) => {
          resolve(ctx, entity, [...path, 'deviceRefs', di], 'hardware', ref)
        })
      })
    })
  },
}
