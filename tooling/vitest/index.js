// Vitest presets shared by every package. Plain JavaScript on purpose: Vitest loads
// config files through Node, and a workspace dependency of a config must be loadable
// without a TypeScript step.
import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import { propertySeed } from './property-seed.js'

/** Export condition that points a workspace package at its TypeScript sources, so tests need no build. */
export const SOURCE_CONDITION = '@mlsysim/source'

/** Debian's Chromium; Playwright never downloads a browser in this repo. */
export const CHROMIUM_PATH = process.env.MLSYSIM_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Flags from ENVIRONMENT.md: the --disable-* flags stop Chromium from flooding the closed
 * network; --enable-unsafe-webgpu gives a working WebGPU adapter (SwiftShader) headless.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
])

/** Seeds fast-check from the value the config provides (`propertySeed`). */
const PROPERTY_SETUP = fileURLToPath(new URL('./property-setup.js', import.meta.url))

const NODE_TESTS = ['src/**/*.test.ts', 'test/**/*.test.ts']
const BROWSER_TESTS = ['src/**/*.browser.test.ts', 'test/**/*.browser.test.ts']

/** Resolution shared by both presets: workspace packages resolve to their sources. */
export const sourceResolution = Object.freeze({
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
})

/** A Vitest project that runs `*.test.ts` in Node (browser tests excluded). */
export function nodeProject(options = {}) {
  const { include = NODE_TESTS, exclude = [], ...test } = options
  return {
    extends: true,
    test: {
      name: 'node',
      environment: 'node',
      include,
      exclude: ['**/node_modules/**', '**/dist/**', ...BROWSER_TESTS, ...exclude],
      ...test,
    },
  }
}

/** A Vitest project that runs `*.browser.test.ts` in headless Chromium with WebGPU enabled. */
export function browserProject(options = {}) {
  const { include = BROWSER_TESTS, ...test } = options
  return {
    extends: true,
    test: {
      name: 'browser',
      include,
      browser: {
        enabled: true,
        // Explicit: otherwise Vitest follows process.env.CI.
        headless: true,
        screenshotFailures: false,
        instances: [{ browser: 'chromium' }],
        provider: playwright({
          launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
        }),
      },
      ...test,
    },
  }
}

/**
 * The whole config of a package: source resolution plus the chosen projects.
 * `defineMlsysimConfig({ browser: true })` adds the Chromium project next to the Node one.
 */
export function defineMlsysimConfig({ node = true, browser = false, test = {} } = {}) {
  const projects = []
  if (node) projects.push(nodeProject(node === true ? {} : node))
  if (browser) projects.push(browserProject(browser === true ? {} : browser))
  const { setupFiles = [], provide = {}, ...rest } = test
  return {
    ...sourceResolution,
    test: {
      ...rest,
      setupFiles: [PROPERTY_SETUP, ...[setupFiles].flat()],
      provide: { propertySeed: propertySeed(), ...provide },
      projects,
    },
  }
}
