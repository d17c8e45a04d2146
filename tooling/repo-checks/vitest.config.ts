import { defineMlsysimConfig } from '@mlsysim/vitest-config'

export default defineMlsysimConfig({ node: { testTimeout: 60_000 } })
