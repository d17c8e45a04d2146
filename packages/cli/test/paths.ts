/** Paths of the repository's example files, shared by the tests. */
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url))
export const PLANS = `${EXAMPLES}plans/`
export const SPACES = `${EXAMPLES}spaces/`

export const planFiles = () => readdirSync(PLANS).filter((f) => /\.ya?ml$/.test(f))
export const spaceFiles = () => readdirSync(SPACES).filter((f) => /\.ya?ml$/.test(f))
