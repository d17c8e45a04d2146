// The four MLPerf Tiny reference models, counted layer by layer from their reference training
// code (mlcommons/tiny, benchmark/training/*), asserted against the totals the catalog stores.
import { describe, expect, it } from 'vitest'
import { Network } from '../test/layer-arithmetic.js'
import { getWorkload } from './catalog.js'

describe('MLPerf Tiny KWS: DS-CNN on a 49 × 10 MFCC map', () => {
  const net = new Network({ h: 49, w: 10, c: 1 })
    // 10 × 4 conv, stride 2, same padding → 25 × 5 × 64: 10·4·1·64 + 64 = 2,624 params, 25·5·40·64 = 320,000 MAC
    .conv('conv1', 64, 10, 4, 2)
    .batchNorm('bn1')
  for (let block = 1; block <= 4; block++) {
    // depthwise 3 × 3: 9·64 + 64 = 640 params, 25·5·9·64 = 72,000 MAC
    // pointwise 1 × 1: 64·64 + 64 = 4,160 params, 25·5·64·64 = 512,000 MAC
    net
      .depthwise(`dw${block}`, 3)
      .batchNorm(`bn_dw${block}`)
      .conv(`pw${block}`, 64, 1, 1)
      .batchNorm(`bn_pw${block}`)
  }
  // average pool over 25 × 5 → 64 features; dense 64 → 12 keywords: 780 params, 768 MAC
  net.globalPool().dense('fc', 12)

  it('has 24,908 parameters and 2,656,768 MAC (5.31 MFLOP) per inference', () => {
    expect(net.params).toBe(2624 + 256 + 4 * (640 + 256 + 4160 + 256) + 780)
    expect(net.macs).toBe(320000 + 4 * (72000 + 512000) + 768)
    const entry = getWorkload('MLPerfTiny_KWS_DS_CNN')
    expect(entry.parameters).toBe(net.params)
    expect(entry.parameters).toBe(24908)
    expect(entry.inferenceFlops).toBe(2 * net.macs)
    expect(entry.inferenceFlops).toBe(5313536)
    expect(entry.layers).toBe(net.weightLayers)
  })
})

describe('MLPerf Tiny VWW: MobileNetV1, width 0.25, on 96 × 96 × 3', () => {
  const net = new Network({ h: 96, w: 96, c: 3 })
    // 3 × 3 conv, stride 2 → 48 × 48 × 8: 3·3·3·8 + 8 = 224 params, 48·48·27·8 = 497,664 MAC
    .conv('conv1', 8, 3, 3, 2)
    .batchNorm('bn1')
  // (output channels, stride) of the 13 depthwise-separable blocks: MobileNetV1 × 0.25
  const blocks: Array<[number, number]> = [
    [16, 1],
    [32, 2],
    [32, 1],
    [64, 2],
    [64, 1],
    [128, 2],
    [128, 1],
    [128, 1],
    [128, 1],
    [128, 1],
    [128, 1],
    [256, 2],
    [256, 1],
  ]
  blocks.forEach(([channels, stride], i) => {
    net
      .depthwise(`dw${i + 1}`, 3, stride)
      .batchNorm(`bn_dw${i + 1}`)
      .conv(`pw${i + 1}`, channels, 1, 1)
      .batchNorm(`bn_pw${i + 1}`)
  })
  // 3 × 3 × 256 → average pool → dense 256 → 2 (person / no person): 514 params
  net.globalPool().dense('fc', 2)

  it('ends at 3 × 3 × 256 before pooling and has 221,794 parameters, 7,489,664 MAC', () => {
    expect(net.params).toBe(221794)
    expect(net.macs).toBe(7489664)
    // The five 6 × 6 × 128 blocks dominate: 5 · (6·6·9·128 + 6·6·128·128) = 3,156,480 MAC.
    const middle = net.layers.filter((l) => /^(dw|pw)(7|8|9|10|11)$/.test(l.name))
    expect(middle.reduce((s, l) => s + l.macs, 0)).toBe(3156480)
    const entry = getWorkload('MLPerfTiny_VWW_MobileNetV1')
    expect(entry.parameters).toBe(net.params)
    expect(entry.inferenceFlops).toBe(2 * net.macs)
    expect(entry.layers).toBe(net.weightLayers)
  })
})

describe('MLPerf Tiny IC: ResNet-8 on CIFAR-10 32 × 32 × 3', () => {
  const net = new Network({ h: 32, w: 32, c: 3 })
    // stem: 3·3·3·16 + 16 = 448 params, 32·32·27·16 = 442,368 MAC
    .conv('conv1', 16, 3, 3)
    .batchNorm('bn1')
    // stack 1 (identity shortcut): two 3 × 3 × 16 convs, 2,320 params and 2,359,296 MAC each
    .conv('s1a', 16, 3, 3)
    .batchNorm('bn_s1a')
    .conv('s1b', 16, 3, 3)
    .batchNorm('bn_s1b')
    // stack 2: 1 × 1 stride-2 shortcut 16 → 32 (544 params, 131,072 MAC) beside the 3 × 3 pair
    .branch((n) => n.conv('s2_shortcut', 32, 1, 1, 2))
    .conv('s2a', 32, 3, 3, 2)
    .batchNorm('bn_s2a')
    .conv('s2b', 32, 3, 3)
    .batchNorm('bn_s2b')
    // stack 3: 1 × 1 stride-2 shortcut 32 → 64 (2,112 params, 131,072 MAC)
    .branch((n) => n.conv('s3_shortcut', 64, 1, 1, 2))
    .conv('s3a', 64, 3, 3, 2)
    .batchNorm('bn_s3a')
    .conv('s3b', 64, 3, 3)
    .batchNorm('bn_s3b')
    // 8 × 8 × 64 → average pool → dense 64 → 10: 650 params, 640 MAC
    .globalPool()
    .dense('fc', 10)

  it('has 78,666 parameters and 12,501,632 MAC; 8 weight layers give it its name', () => {
    expect(net.params).toBe(78666)
    expect(net.macs).toBe(
      442368 + 2 * 2359296 + (131072 + 1179648 + 2359296) + (131072 + 1179648 + 2359296) + 640,
    )
    expect(net.macs).toBe(12501632)
    const entry = getWorkload('MLPerfTiny_IC_ResNet8')
    expect(entry.parameters).toBe(net.params)
    expect(entry.inferenceFlops).toBe(2 * net.macs)
    // conv1 + 6 convs in the stacks + fc = 8; the two 1 × 1 shortcuts are not counted in "ResNet-8".
    expect(net.weightLayers - 2).toBe(8)
    expect(entry.layers).toBe(8)
  })
})

describe('MLPerf Tiny AD: fully connected autoencoder on 640 features (5 frames × 128 Mel bins)', () => {
  const widths = [128, 128, 128, 128, 8, 128, 128, 128, 128]
  const net = new Network({ h: 1, w: 1, c: 640 })
  widths.forEach((units, i) => {
    net.dense(`fc${i + 1}`, units).batchNorm(`bn${i + 1}`)
  })
  net.dense('output', 640)

  it('has 269,992 parameters and 264,192 MAC, the scale of the original AnomalyDetector', () => {
    // 640·128 + 128 = 82,048; 128·128 + 128 = 16,512 (×6); 128·8 + 8 = 1,032; 8·128 + 128 = 1,152;
    // 128·640 + 640 = 82,560; batch norm 4·(8·128 + 8) = 4,128.
    expect(net.params).toBe(82048 + 6 * 16512 + 1032 + 1152 + 82560 + 4128)
    expect(net.params).toBe(269992)
    expect(net.macs).toBe(2 * 81920 + 6 * 16384 + 2 * 1024)
    const entry = getWorkload('MLPerfTiny_AD_FC_AE')
    expect(entry.parameters).toBe(net.params)
    expect(entry.inferenceFlops).toBe(2 * net.macs)
    expect(entry.layers).toBe(net.weightLayers)
    // The original's rounded AnomalyDetector (270k, 540 kFLOP) is this model to within 2.3%.
    const original = getWorkload('AnomalyDetector')
    expect(Math.abs(original.parameters! - net.params) / net.params).toBeLessThan(0.001)
    expect(Math.abs(original.inferenceFlops! - 2 * net.macs) / (2 * net.macs)).toBeLessThan(0.023)
  })
})
