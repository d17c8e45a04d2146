/** Hardware kits (the Deploy pillar) and their activities, placed in weeks of an offering. */
import { z } from 'zod'
import { aliasesSchema, annotations, kebabId, ref, text } from './common.js'

export const kitSchema = z
  .strictObject({
    id: kebabId('kit'),
    name: text('kit name'),
    /** Boards and accelerators of the kit, by @mlsysim/hardware id. */
    hardwareRefs: z.array(ref('hardware')).min(1),
    url: z.url().optional(),
    sourcePath: text('source path').optional(),
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'a hardware kit' })

export const weekRefSchema = z.strictObject({
  offeringId: ref('offering'),
  week: z.number().int().positive(),
})

export const kitActivitySchema = z
  .strictObject({
    id: kebabId('kit activity'),
    kitIds: z.array(ref('kit')).min(1),
    title: text('activity title'),
    /** Chapters the activity grounds, as `vol1/data_engineering` or a chapter id of Volume I. */
    chapterIds: z.array(ref('chapter')),
    /** Weeks that schedule it; each must list the activity back. */
    weekRefs: z.array(weekRefSchema),
    /** Set when the activity is a capstone event (AI Olympics). */
    capstoneId: ref('capstone').optional(),
    /** How a page names the devices when the kit names would not ("All three devices"). */
    deviceLabel: text('device label').optional(),
    url: z.url().optional(),
    ...annotations,
  })
  .meta({ description: 'an activity on a hardware kit' })

export type Kit = z.infer<typeof kitSchema>
export type WeekRef = z.infer<typeof weekRefSchema>
export type KitActivity = z.infer<typeof kitActivitySchema>
