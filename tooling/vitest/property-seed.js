// One fast-check seed per commit. Property tests explore a different corner of their input
// space on every commit, yet a commit's tests are reproducible: the run on a fresh clone
// before a merge and the CI run of the same commit draw exactly the same cases.
import { execFileSync } from 'node:child_process'

/** Environment variable that pins the seed (fast-check prints it with every failure). */
export const PROPERTY_SEED_VARIABLE = 'FC_SEED'

/**
 * The seed for this run: `FC_SEED` if set; else the first 32 bits of the checked-out
 * commit; else (no git) a random one. Fast-check reports it in any counterexample, and
 * `FC_SEED=<seed> pnpm test` replays the run.
 */
export function propertySeed(cwd = process.cwd()) {
  const pinned = process.env[PROPERTY_SEED_VARIABLE]
  if (pinned !== undefined && pinned !== '') {
    const seed = Number(pinned)
    if (!Number.isSafeInteger(seed)) {
      throw new Error(`${PROPERTY_SEED_VARIABLE}=${JSON.stringify(pinned)} is not an integer seed`)
    }
    return seed | 0
  }
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    return Number.parseInt(head.slice(0, 8), 16) | 0
  } catch {
    return (Math.random() * 2 ** 32) | 0
  }
}
