/** The course and its four pillars, as the course component map presents them. */
import type { CourseMeta } from '../schema/index.js'

export const courseMeta: CourseMeta = {
  id: 'mlsysbook',
  title: 'Machine Learning Systems',
  url: 'https://mlsysbook.ai',
  pillars: [
    {
      id: 'read',
      title: 'Read',
      resource: 'Textbook (Vol I or II)',
      activity: 'Study principles, equations, and case studies',
      url: 'https://mlsysbook.ai',
    },
    {
      id: 'build',
      title: 'Build',
      resource: 'TinyTorch',
      activity: 'Implement framework internals from scratch',
      url: 'https://mlsysbook.ai/tinytorch/',
    },
    {
      id: 'explore',
      title: 'Explore',
      resource: 'Interactive Labs',
      activity: 'Manipulate simulated hardware, discover tradeoffs',
      url: 'https://mlsysbook.ai/labs/',
    },
    {
      id: 'deploy',
      title: 'Deploy',
      resource: 'Hardware Kits',
      activity: 'Run models on real edge devices',
      url: 'https://mlsysbook.ai/kits/',
    },
  ],
  loop: 'Theory → Build → Simulation → Reality',
  volumeIds: ['vol1', 'vol2'],
  offeringIds: ['foundations', 'scale', 'tinyml'],
  sources: ['instructors/course-map.qmd'],
}
