import { defineMlsysimConfig } from '@mlsysim/vitest-config'

export default defineMlsysimConfig()
