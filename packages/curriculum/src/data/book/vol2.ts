/**
 * Volume II, its four parts and seventeen chapters, from books/shared/STRUCTURE.md. The book
 * gives part dividers but no part titles for Volume II, so parts carry the syllabus names;
 * the older five-part layout's titles are kept on the volume.
 */
import type { Chapter, Part, Volume } from '../../schema/index.js'

const SITE = 'https://mlsysbook.ai'

export const vol2: Volume = {
  id: 'vol2',
  number: 2,
  title: 'Machine Learning Systems at Scale',
  status: 'published',
  partIds: ['vol2-fleet', 'vol2-distributed', 'vol2-deployment', 'vol2-responsible'],
  chapterIds: [
    'introduction',
    'compute_infrastructure',
    'network_fabrics',
    'data_storage',
    'distributed_training',
    'collective_communication',
    'fault_tolerance',
    'fleet_orchestration',
    'performance_engineering',
    'inference',
    'edge_intelligence',
    'ops_scale',
    'security_privacy',
    'robust_ai',
    'sustainable_ai',
    'responsible_ai',
    'conclusion',
  ],
  backmatter: [
    'appendix_dam',
    'appendix_c3',
    'appendix_fleet',
    'appendix_communication',
    'appendix_reliability',
    'appendix_inference',
    'appendix_assumptions',
  ],
  legacyPartTitles: [
    'Foundations of Scale',
    'Building the ML Fleet',
    'Deployment at Scale',
    'Production Concerns',
    'Responsible AI at Scale',
  ],
  url: `${SITE}/vol2/`,
  sources: ['books/shared/STRUCTURE.md', 'book/quarto/config/_quarto-html-vol2.yml'],
  notes: [
    'Older configs split Volume II into five parts with different chapter ids; their part titles are kept in legacyPartTitles. The old chapter ids are not in the reference, so no chapter aliases are recorded for them.',
  ],
}

export const vol2Parts: Part[] = [
  {
    id: 'vol2-fleet',
    volumeId: 'vol2',
    numeral: 'I',
    title: 'The Fleet',
    syllabusTitle: 'The Fleet',
    dividerPath: 'parts/fleet_principles.qmd',
    chapterIds: ['introduction', 'compute_infrastructure', 'network_fabrics', 'data_storage'],
  },
  {
    id: 'vol2-distributed',
    volumeId: 'vol2',
    numeral: 'II',
    title: 'Distributed Algorithms',
    syllabusTitle: 'Distributed Algorithms',
    dividerPath: 'parts/distributed_ml_principles.qmd',
    chapterIds: [
      'distributed_training',
      'collective_communication',
      'fault_tolerance',
      'fleet_orchestration',
    ],
  },
  {
    id: 'vol2-deployment',
    volumeId: 'vol2',
    numeral: 'III',
    title: 'Deployment at Scale',
    syllabusTitle: 'Deployment at Scale',
    dividerPath: 'parts/deployment_principles.qmd',
    chapterIds: ['performance_engineering', 'inference', 'edge_intelligence', 'ops_scale'],
  },
  {
    id: 'vol2-responsible',
    volumeId: 'vol2',
    numeral: 'IV',
    title: 'The Responsible Fleet',
    syllabusTitle: 'The Responsible Fleet',
    dividerPath: 'parts/responsible_fleet_principles.qmd',
    chapterIds: ['security_privacy', 'robust_ai', 'sustainable_ai', 'responsible_ai', 'conclusion'],
  },
]

const rows: Array<[id: string, title: string, partId: string]> = [
  ['introduction', 'Introduction to Scale', 'vol2-fleet'],
  ['compute_infrastructure', 'Compute Infrastructure', 'vol2-fleet'],
  ['network_fabrics', 'Network Fabrics', 'vol2-fleet'],
  ['data_storage', 'Data Storage', 'vol2-fleet'],
  ['distributed_training', 'Distributed Training', 'vol2-distributed'],
  ['collective_communication', 'Collective Communication', 'vol2-distributed'],
  ['fault_tolerance', 'Fault Tolerance', 'vol2-distributed'],
  ['fleet_orchestration', 'Fleet Orchestration', 'vol2-distributed'],
  ['performance_engineering', 'Performance Engineering', 'vol2-deployment'],
  ['inference', 'Inference at Scale', 'vol2-deployment'],
  ['edge_intelligence', 'Edge Intelligence', 'vol2-deployment'],
  ['ops_scale', 'Ops at Scale', 'vol2-deployment'],
  ['security_privacy', 'Security & Privacy', 'vol2-responsible'],
  ['robust_ai', 'Robust AI', 'vol2-responsible'],
  ['sustainable_ai', 'Sustainable AI', 'vol2-responsible'],
  ['responsible_ai', 'Responsible AI', 'vol2-responsible'],
  ['conclusion', 'Conclusion', 'vol2-responsible'],
]

export const vol2Chapters: Chapter[] = rows.map(([id, title, partId], index) => ({
  id,
  volumeId: 'vol2',
  number: index + 1,
  title,
  partId,
  // As in Volume I, the Introduction precedes the first divider but is taught in part I.
  ...(index === 0 ? { beforePartDivider: true } : {}),
  sourcePath: `books/vol2/${id}/${id}.qmd`,
  url: `${SITE}/vol2/${id}.html`,
  secAnchor: `@sec-${id.replace(/_/g, '-')}`,
  quizFile: `books/vol2/${id}/${id}_quizzes.json`,
  glossaryFile: `books/vol2/${id}/${id}_glossary.json`,
  ...(id === 'performance_engineering' ? { equations: ['@eq-iron-law-perf'] } : {}),
}))
