import type { UserWorkspaceConfig, ViteUserConfig } from 'vitest/config'

export declare const SOURCE_CONDITION: '@mlsysim/source'
export declare const CHROMIUM_PATH: string
export declare const CHROMIUM_ARGS: readonly string[]
export declare const sourceResolution: Pick<ViteUserConfig, 'resolve' | 'ssr'>

type ProjectTestOptions = NonNullable<UserWorkspaceConfig['test']>

export declare function nodeProject(options?: ProjectTestOptions): UserWorkspaceConfig & { extends: true }
export declare function browserProject(options?: ProjectTestOptions): UserWorkspaceConfig & { extends: true }

export interface MlsysimConfigOptions {
  /** Node project: true (defaults) or its test options; false to leave it out. */
  node?: boolean | ProjectTestOptions
  /** Browser (Chromium + WebGPU) project: true (defaults) or its test options. */
  browser?: boolean | ProjectTestOptions
  /** Options for the root test config (shared by the projects). */
  test?: ViteUserConfig['test']
}

export declare function defineMlsysimConfig(options?: MlsysimConfigOptions): ViteUserConfig

declare module 'vitest' {
  interface ProvidedContext {
    /** fast-check seed of this run: `FC_SEED`, else derived from the checked-out commit. */
    propertySeed: number
  }
}
