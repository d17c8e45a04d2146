// The seeding check of property-seed.test.ts, run again in Chromium.
import './property-seed.test.js'
