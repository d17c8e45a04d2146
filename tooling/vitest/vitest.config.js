import { defineMlsysimConfig } from './index.js'

// The preset tests itself: the browser project is the harness proof (WGSL in Chromium);
// both projects check the fast-check seeding.
export default defineMlsysimConfig({ browser: true })
