/**
 * Layer-by-layer parameter and MAC arithmetic for the derivation tests. Shapes are
 * height × width × channels; convolutions use "same" padding, so the output side is
 * ⌈input / stride⌉. Batch norm keeps 4 numbers per channel (γ, β, moving mean, moving variance),
 * as Keras counts them.
 */

export interface LayerCount {
  name: string
  params: number
  macs: number
}

export interface Feature {
  h: number
  w: number
  c: number
}

export class Network {
  readonly layers: LayerCount[] = []
  constructor(public shape: Feature) {}

  private add(name: string, params: number, macs: number, next: Feature): this {
    this.layers.push({ name, params, macs })
    this.shape = next
    return this
  }

  /** k_h × k_w convolution to `filters` channels, with bias. */
  conv(name: string, filters: number, kh: number, kw: number, stride = 1): this {
    const { h, w, c } = this.shape
    const out = { h: Math.ceil(h / stride), w: Math.ceil(w / stride), c: filters }
    return this.add(name, kh * kw * c * filters + filters, out.h * out.w * kh * kw * c * filters, out)
  }

  /** Depthwise k × k convolution (one filter per channel), with bias. */
  depthwise(name: string, k: number, stride = 1): this {
    const { h, w, c } = this.shape
    const out = { h: Math.ceil(h / stride), w: Math.ceil(w / stride), c }
    return this.add(name, k * k * c + c, out.h * out.w * k * k * c, out)
  }

  batchNorm(name: string): this {
    return this.add(name, 4 * this.shape.c, 0, this.shape)
  }

  /** Global average pooling to 1 × 1 (no weights). */
  globalPool(): this {
    return this.add('pool', 0, 0, { h: 1, w: 1, c: this.shape.c })
  }

  /** Fully connected layer on a flat input of `shape.c` features, with bias. */
  dense(name: string, units: number): this {
    const inputs = this.shape.h * this.shape.w * this.shape.c
    return this.add(name, inputs * units + units, inputs * units, { h: 1, w: 1, c: units })
  }

  /** Runs `branch` on a copy of the current shape (a residual shortcut), adding its layers. */
  branch(build: (n: Network) => Network): this {
    const side = build(new Network({ ...this.shape }))
    this.layers.push(...side.layers)
    return this
  }

  get params(): number {
    return this.layers.reduce((sum, l) => sum + l.params, 0)
  }

  get macs(): number {
    return this.layers.reduce((sum, l) => sum + l.macs, 0)
  }

  /** Layers with weights that multiply (convolutions and dense layers). */
  get weightLayers(): number {
    return this.layers.filter((l) => l.macs > 0).length
  }
}
