import { defineMlsysimConfig } from './index.js'

// The preset tests itself: the browser project is the harness proof (WGSL in Chromium).
export default defineMlsysimConfig({ node: false, browser: true })
