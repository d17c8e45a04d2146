/**
 * Lookups over a course document: every entity by id or alias, chapters within their volume,
 * labs by id, code (V2-07), file stem or legacy file stem, and the order labs are taken in.
 * Names are matched as @mlsysim/units' Registry matches them (case and separators ignored),
 * so a link written `lab_06_fault_tolerance` or `V2-07` finds its lab.
 */
import { closestMatches, normalizeId } from '@mlsysim/units'
import type { Chapter, CourseData, Lab } from '../schema/index.js'

/** Names that find one entity, with the entity's index in its collection. */
export class NameIndex<T> {
  private readonly exact = new Map<string, T>()
  private readonly loose = new Map<string, T>()
  private readonly canonical = new Map<T, string>()
  /** Names claimed by two entities: `[name, first owner id, second owner id]`. */
  readonly collisions: Array<[string, string, string]> = []

  constructor(
    entries: Iterable<T>,
    idOf: (entry: T) => string,
    namesOf: (entry: T) => readonly string[] = () => [],
  ) {
    for (const entry of entries) {
      const id = idOf(entry)
      if (!this.canonical.has(entry)) this.canonical.set(entry, id)
      for (const name of new Set([id, ...namesOf(entry)])) {
        const exactOwner = this.exact.get(name)
        if (exactOwner !== undefined && exactOwner !== entry) {
          this.collisions.push([name, this.idOf(exactOwner), id])
          continue
        }
        this.exact.set(name, entry)
        const key = normalizeId(name)
        const looseOwner = this.loose.get(key)
        if (looseOwner !== undefined && looseOwner !== entry) {
          this.collisions.push([name, this.idOf(looseOwner), id])
          continue
        }
        this.loose.set(key, entry)
      }
    }
  }

  get(name: string): T | undefined {
    return this.exact.get(name) ?? this.loose.get(normalizeId(name))
  }

  /** True when `name` finds an entity only through an alias (or another spelling). */
  isAlias(name: string): boolean {
    const entry = this.get(name)
    return entry !== undefined && this.canonical.get(entry) !== name
  }

  idOf(entry: T): string {
    return this.canonical.get(entry) ?? '?'
  }

  suggest(name: string): string[] {
    return closestMatches(name, this.canonical.values())
  }
}

export interface LabRef {
  readonly lab: Lab
  /** Index of the lab in `course.labs`. */
  readonly index: number
}

export class CourseIndex {
  readonly volumes: NameIndex<CourseData['volumes'][number]>
  readonly parts: NameIndex<CourseData['parts'][number]>
  readonly offerings: NameIndex<CourseData['offerings'][number]>
  readonly labs: NameIndex<Lab>
  readonly labsByVolume = new Map<string, NameIndex<Lab>>()
  readonly chaptersByVolume = new Map<string, NameIndex<Chapter>>()
  readonly instruments: NameIndex<CourseData['instruments'][number]>
  readonly failureStates: NameIndex<CourseData['failureStates'][number]>
  readonly tracks: NameIndex<CourseData['tracks'][number]>
  readonly modules: NameIndex<CourseData['tinytorchModules'][number]>
  readonly milestones: NameIndex<CourseData['milestones'][number]>
  readonly kits: NameIndex<CourseData['kits'][number]>
  readonly kitActivities: NameIndex<CourseData['kitActivities'][number]>
  readonly rubrics: NameIndex<CourseData['assessment']['rubrics'][number]>
  readonly capstones: NameIndex<CourseData['assessment']['capstones'][number]>
  readonly designChallenges: NameIndex<CourseData['assessment']['designChallenges'][number]>
  readonly walls = new Map<number, CourseData['walls'][number]>()
  private readonly labPosition = new Map<Lab, number>()

  constructor(readonly data: CourseData) {
    const id = (e: { id: string }) => e.id
    const aliases = (e: { aliases?: readonly string[] }) => e.aliases ?? []
    this.volumes = new NameIndex(data.volumes, id)
    this.parts = new NameIndex(data.parts, id, aliases)
    this.offerings = new NameIndex(data.offerings, id)
    this.labs = new NameIndex(data.labs, id, (lab) => [
      lab.code,
      `${lab.volumeId}/${lab.slug}`,
      ...aliases(lab),
    ])
    for (const volume of data.volumes) {
      const own = data.labs.filter((lab) => lab.volumeId === volume.id)
      this.labsByVolume.set(
        volume.id,
        new NameIndex(own, id, (lab) => [
          lab.code,
          lab.slug,
          ...lab.legacy.flatMap((l) => (l.slug && l.slug !== lab.slug ? [l.slug] : [])),
          ...aliases(lab),
        ]),
      )
      this.chaptersByVolume.set(
        volume.id,
        new NameIndex(
          data.chapters.filter((c) => c.volumeId === volume.id),
          id,
          aliases,
        ),
      )
    }
    this.instruments = new NameIndex(data.instruments, id, aliases)
    this.failureStates = new NameIndex(data.failureStates, id)
    this.tracks = new NameIndex(data.tracks, id, aliases)
    this.modules = new NameIndex(data.tinytorchModules, id, aliases)
    this.milestones = new NameIndex(data.milestones, id, aliases)
    this.kits = new NameIndex(data.kits, id, aliases)
    this.kitActivities = new NameIndex(data.kitActivities, id)
    this.rubrics = new NameIndex(data.assessment.rubrics, id)
    this.capstones = new NameIndex(data.assessment.capstones, id)
    this.designChallenges = new NameIndex(data.assessment.designChallenges, id)
    for (const wall of data.walls) this.walls.set(wall.number, wall)
    for (const lab of data.labs) {
      const volume = data.volumes.find((v) => v.id === lab.volumeId)
      this.labPosition.set(lab, (volume?.number ?? 99) * 1000 + lab.number)
    }
  }

  /**
   * A lab by id, code or file stem; within `volumeId` old file stems (`lab_06_fault_tolerance`)
   * resolve too, since stems repeat across volumes and layouts.
   */
  lab(ref: string, volumeId?: string): Lab | undefined {
    return (volumeId ? this.labsByVolume.get(volumeId)?.get(ref) : undefined) ?? this.labs.get(ref)
  }

  labSuggestions(ref: string, volumeId?: string): string[] {
    return (volumeId ? this.labsByVolume.get(volumeId) : undefined)?.suggest(ref) ?? this.labs.suggest(ref)
  }

  /** Position of a lab in the order students take them (Volume I before II, by number). */
  labOrder(lab: Lab): number {
    return this.labPosition.get(lab) ?? Number.POSITIVE_INFINITY
  }

  /**
   * A chapter by id or alias: `vol2/introduction` anywhere, or a bare id within `volumeId`.
   * Without a volume, a bare id must be unique across volumes.
   */
  chapter(ref: string, volumeId?: string): Chapter | undefined {
    const slash = ref.indexOf('/')
    if (slash > 0) return this.chaptersByVolume.get(ref.slice(0, slash))?.get(ref.slice(slash + 1))
    if (volumeId) return this.chaptersByVolume.get(volumeId)?.get(ref)
    const found = [...this.chaptersByVolume.values()].map((i) => i.get(ref)).filter((c) => c !== undefined)
    return found.length === 1 ? found[0] : undefined
  }

  chapterIsAlias(ref: string, volumeId?: string): boolean {
    const chapter = this.chapter(ref, volumeId)
    if (!chapter) return false
    const bare = ref.includes('/') ? ref.slice(ref.indexOf('/') + 1) : ref
    return chapter.id !== bare
  }

  chapterSuggestions(ref: string, volumeId?: string): string[] {
    const bare = ref.includes('/') ? ref.slice(ref.indexOf('/') + 1) : ref
    const vol = ref.includes('/') ? ref.slice(0, ref.indexOf('/')) : volumeId
    if (vol) return this.chaptersByVolume.get(vol)?.suggest(bare) ?? []
    return [...this.chaptersByVolume.entries()].flatMap(([v, i]) => i.suggest(bare).map((c) => `${v}/${c}`))
  }

  labIndex(lab: Lab): number {
    return this.data.labs.indexOf(lab)
  }
}
