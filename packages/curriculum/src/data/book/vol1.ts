/**
 * Volume I, its four parts and sixteen chapters, from books/shared/STRUCTURE.md (newest
 * layout). Chapter URLs are the ones the course map links today; older directory names
 * (dl_primer, serving, ops) stay as aliases so old links resolve.
 */
import type { Chapter, Part, Volume } from '../../schema/index.js'

const SITE = 'https://mlsysbook.ai'

export const vol1: Volume = {
  id: 'vol1',
  number: 1,
  title: 'Introduction to Machine Learning Systems',
  status: 'published',
  partIds: ['vol1-foundations', 'vol1-build', 'vol1-optimize', 'vol1-deploy'],
  chapterIds: [
    'introduction',
    'ml_systems',
    'ml_workflow',
    'data_engineering',
    'nn_computation',
    'nn_architectures',
    'frameworks',
    'training',
    'data_selection',
    'model_compression',
    'hw_acceleration',
    'benchmarking',
    'model_serving',
    'ml_ops',
    'responsible_engr',
    'conclusion',
  ],
  backmatter: [
    'appendix_dam',
    'appendix_data',
    'appendix_algorithm',
    'appendix_machine',
    'appendix_assumptions',
  ],
  url: `${SITE}/vol1/`,
  sources: ['books/shared/STRUCTURE.md', 'books/config/_quarto-pdf-vol1.yml'],
}

export const vol1Parts: Part[] = [
  {
    id: 'vol1-foundations',
    volumeId: 'vol1',
    numeral: 'I',
    title: 'Foundations of ML Systems',
    syllabusTitle: 'Physics of AI',
    dividerPath: 'parts/foundations_principles.qmd',
    chapterIds: ['introduction', 'ml_systems', 'ml_workflow', 'data_engineering'],
    sources: ['book/quarto/contents/parts/summaries-vol1.yml', 'instructors/foundations-syllabus.qmd'],
  },
  {
    id: 'vol1-build',
    volumeId: 'vol1',
    numeral: 'II',
    title: 'Development and Training',
    syllabusTitle: 'Building the Stack',
    dividerPath: 'parts/build_principles.qmd',
    chapterIds: ['nn_computation', 'nn_architectures', 'frameworks', 'training'],
  },
  {
    id: 'vol1-optimize',
    volumeId: 'vol1',
    numeral: 'III',
    title: 'Optimization and Acceleration',
    syllabusTitle: 'Optimization Frontier',
    dividerPath: 'parts/optimize_principles.qmd',
    chapterIds: ['data_selection', 'model_compression', 'hw_acceleration', 'benchmarking'],
  },
  {
    id: 'vol1-deploy',
    volumeId: 'vol1',
    numeral: 'IV',
    title: 'Deployment and Operations',
    syllabusTitle: 'Deployment & Production',
    dividerPath: 'parts/deploy_principles.qmd',
    chapterIds: ['model_serving', 'ml_ops', 'responsible_engr', 'conclusion'],
  },
]

interface ChapterRow {
  id: string
  number: number
  title: string
  shortTitle?: string
  partId: string
  /** URL slug the course map links, when it differs from the id (the older directory name). */
  urlSlug?: string
  aliases?: string[]
  equations?: string[]
}

const rows: ChapterRow[] = [
  { id: 'introduction', number: 1, title: 'Introduction', partId: 'vol1-foundations' },
  {
    id: 'ml_systems',
    number: 2,
    title: 'ML Systems',
    partId: 'vol1-foundations',
    equations: ['@eq-iron-law', '@eq-bottleneck'],
  },
  { id: 'ml_workflow', number: 3, title: 'ML Workflow', partId: 'vol1-foundations' },
  { id: 'data_engineering', number: 4, title: 'Data Engineering', partId: 'vol1-foundations' },
  {
    id: 'nn_computation',
    number: 5,
    title: 'Neural Computation',
    partId: 'vol1-build',
    urlSlug: 'dl_primer',
    aliases: ['dl_primer'],
  },
  { id: 'nn_architectures', number: 6, title: 'NN Architectures', partId: 'vol1-build' },
  { id: 'frameworks', number: 7, title: 'ML Frameworks', partId: 'vol1-build' },
  { id: 'training', number: 8, title: 'Model Training', shortTitle: 'Training', partId: 'vol1-build' },
  { id: 'data_selection', number: 9, title: 'Data Selection', partId: 'vol1-optimize' },
  { id: 'model_compression', number: 10, title: 'Model Compression', partId: 'vol1-optimize' },
  {
    id: 'hw_acceleration',
    number: 11,
    title: 'Hardware Acceleration',
    shortTitle: 'HW Acceleration',
    partId: 'vol1-optimize',
  },
  { id: 'benchmarking', number: 12, title: 'Benchmarking', partId: 'vol1-optimize' },
  {
    id: 'model_serving',
    number: 13,
    title: 'Model Serving',
    partId: 'vol1-deploy',
    urlSlug: 'serving',
    aliases: ['serving'],
    equations: ['@eq-mm1-wait', '@eq-p99-latency'],
  },
  {
    id: 'ml_ops',
    number: 14,
    title: 'ML Operations',
    partId: 'vol1-deploy',
    urlSlug: 'ops',
    aliases: ['ops'],
  },
  {
    id: 'responsible_engr',
    number: 15,
    title: 'Responsible Engineering',
    shortTitle: 'Responsible Engr.',
    partId: 'vol1-deploy',
  },
  { id: 'conclusion', number: 16, title: 'Conclusion', partId: 'vol1-deploy' },
]

export const vol1Chapters: Chapter[] = rows.map((row) => ({
  id: row.id,
  volumeId: 'vol1',
  number: row.number,
  title: row.title,
  ...(row.shortTitle ? { shortTitle: row.shortTitle } : {}),
  partId: row.partId,
  // The book prints the Introduction before the Part I divider; the syllabus teaches it in Part I.
  ...(row.number === 1 ? { beforePartDivider: true } : {}),
  sourcePath: `books/vol1/${row.id}/${row.id}.qmd`,
  url: `${SITE}/vol1/${row.urlSlug ?? row.id}.html`,
  secAnchor: `@sec-${row.id.replace(/_/g, '-')}`,
  quizFile: `books/vol1/${row.id}/${row.id}_quizzes.json`,
  glossaryFile: `books/vol1/${row.id}/${row.id}_glossary.json`,
  ...(row.equations ? { equations: row.equations } : {}),
  ...(row.aliases ? { aliases: row.aliases } : {}),
}))
