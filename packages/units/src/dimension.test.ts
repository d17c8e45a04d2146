import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BASE_QUANTITIES,
  type DimensionVector,
  describeVector,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  powerDimension,
  sameDimension,
} from './dimension.js'
import { DIMENSIONS, describeDimension, nameOfVector } from './dimensions.js'

const vector = fc.record(
  Object.fromEntries(BASE_QUANTITIES.map((b) => [b, fc.integer({ min: -3, max: 3 })])),
) as fc.Arbitrary<DimensionVector>

describe('dimension algebra', () => {
  it('bandwidth × time = size; size ÷ bandwidth = time', () => {
    const size = multiplyDimensions(DIMENSIONS.bytesPerSecond.vector, DIMENSIONS.seconds.vector)
    expect(sameDimension(size, DIMENSIONS.bytes.vector)).toBe(true)
    expect(nameOfVector(divideDimensions(DIMENSIONS.bytes.vector, DIMENSIONS.bytesPerSecond.vector))).toBe(
      'seconds',
    )
    expect(nameOfVector(divideDimensions(DIMENSIONS.flop.vector, DIMENSIONS.bytes.vector))).toBe(
      'flopPerByte',
    )
    expect(nameOfVector(multiplyDimensions(DIMENSIONS.watts.vector, DIMENSIONS.seconds.vector))).toBe(
      'joules',
    )
  })

  it('forms a group: a·b/b = a, a^2 = a·a, a/a is dimensionless', () => {
    fc.assert(
      fc.property(vector, vector, (a, b) => {
        expect(sameDimension(divideDimensions(multiplyDimensions(a, b), b), a)).toBe(true)
        expect(sameDimension(powerDimension(a, 2), multiplyDimensions(a, a))).toBe(true)
        expect(isDimensionless(divideDimensions(a, a))).toBe(true)
      }),
    )
  })

  it('describes vectors in base units and by name', () => {
    expect(describeVector({ information: 1, time: -1 })).toBe('B·s⁻¹')
    expect(describeVector({})).toBe('1')
    expect(describeDimension({ compute: 1, time: -1 })).toBe('a compute rate (flopPerSecond)')
    expect(describeDimension({ compute: 2 })).toBe('FLOP²')
  })
})
