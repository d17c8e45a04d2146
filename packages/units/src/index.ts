/**
 * @mlsysim/units — quantities with units and provenance.
 *
 * Numbers are stored in base units (bytes, FLOP, seconds, joules, USD, kg CO2e, litres);
 * this package reads and writes them for people and brands them for the compiler.
 */
export {
  BASE_QUANTITIES,
  BASE_UNITS,
  type BaseQuantity,
  DIMENSIONLESS,
  type DimensionVector,
  describeVector,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  powerDimension,
  sameDimension,
} from './dimension.js'
export {
  DIMENSION_NAMES,
  DIMENSIONS,
  type DimensionName,
  describeDimension,
  isDimensionName,
  type NamedDimension,
  nameOfVector,
} from './dimensions.js'
export { UnitError } from './errors.js'
export { type FormatOptions, format, formatNumber } from './format.js'
export { deepFreeze } from './freeze.js'
export { type ParsedQuantity, parse, tryParse } from './parse.js'
export {
  bytesPerElement,
  isPrecision,
  PRECISION_BYTES,
  PRECISIONS,
  type Precision,
  resolvePrecision,
} from './precision.js'
export {
  isoDateSchema,
  PROVENANCE_KINDS,
  type Provenance,
  type ProvenanceKind,
  provenanceSchema,
  type Sourced,
  sourced,
  sourcedSchema,
  todayIsoDate,
} from './provenance.js'
export * from './quantity.js'
export { Registry, RegistryError, type RegistryOptions, type SortDirection } from './registry.js'
export { precisionSchema, type QuantityConstraints, quantitySchema } from './schema.js'
export { allowedKeysAt, unknownKeysMessage } from './schema-keys.js'
export { closestMatches, editDistance, normalizeId } from './suggest.js'
export { type DescribeIssueOptions, describeValue, describeZodIssue, valueAt } from './zod-issue.js'
