/**
 * The four MLPerf Tiny (v1.x) reference models. Parameters count every weight of the trained
 * Keras model, batch-norm statistics included (Keras "Total params"; folding batch norm into
 * the preceding layer for deployment removes those); MACs count multiply-accumulates of the
 * convolutions and dense layers (1 MAC = 2 FLOP). mlperf-tiny.test.ts derives both, layer by
 * layer, from the architectures in the reference training code.
 */
import { defineWorkload } from '../define.js'
import { VERIFIED } from './sources.js'

const REPO = 'https://github.com/mlcommons/tiny/tree/master/benchmark/training'
const derivation = (model: string) =>
  `Counted layer by layer from the ${model} definition in the MLPerf Tiny reference training code (Banbury et al. (2021), MLPerf Tiny Benchmark, https://arxiv.org/abs/2106.07597); see mlperf-tiny.test.ts.`

export const MLPerfTiny_KWS_DS_CNN = defineWorkload({
  id: 'MLPerfTiny_KWS_DS_CNN',
  name: 'MLPerf Tiny KWS DS-CNN',
  aliases: ['mlperf-tiny-kws', 'kws-reference'],
  family: 'tinyml',
  architecture: 'CNN',
  task: 'keyword spotting',
  year: 2021,
  org: 'MLCommons',
  provenance: {
    kind: 'derived',
    ref: 'MLPerf Tiny keyword spotting reference: DS-CNN on 49 × 10 MFCC, 64 filters, 4 depthwise-separable blocks, 12 classes',
    url: `${REPO}/keyword_spotting`,
    verified: VERIFIED,
    notes: derivation('DS-CNN'),
  },
  parameters: 24908,
  inferenceFlops: 2 * 2656768,
  layers: 10,
  inputShape: [49, 10, 1],
})

export const MLPerfTiny_VWW_MobileNetV1 = defineWorkload({
  id: 'MLPerfTiny_VWW_MobileNetV1',
  name: 'MLPerf Tiny VWW MobileNetV1 (0.25)',
  aliases: ['mlperf-tiny-vww', 'vww-reference', 'mobilenetv1-0.25-96'],
  family: 'tinyml',
  architecture: 'CNN',
  task: 'visual wake words',
  year: 2021,
  org: 'MLCommons',
  provenance: {
    kind: 'derived',
    ref: 'MLPerf Tiny visual wake words reference: MobileNetV1 with width multiplier 0.25 on 96 × 96 × 3, 2 classes',
    url: `${REPO}/visual_wake_words`,
    verified: VERIFIED,
    notes: derivation('MobileNetV1 (alpha 0.25)'),
  },
  parameters: 221794,
  inferenceFlops: 2 * 7489664,
  layers: 28,
  inputShape: [96, 96, 3],
})

export const MLPerfTiny_IC_ResNet8 = defineWorkload({
  id: 'MLPerfTiny_IC_ResNet8',
  name: 'MLPerf Tiny IC ResNet-8',
  aliases: ['mlperf-tiny-ic', 'ic-reference', 'resnet-8'],
  family: 'tinyml',
  architecture: 'CNN',
  task: 'image classification',
  year: 2021,
  org: 'MLCommons',
  provenance: {
    kind: 'derived',
    ref: 'MLPerf Tiny image classification reference: ResNet-8 (16/32/64 filters) on CIFAR-10 32 × 32 × 3',
    url: `${REPO}/image_classification`,
    verified: VERIFIED,
    notes: derivation('resnet_v1_eembc'),
  },
  parameters: 78666,
  inferenceFlops: 2 * 12501632,
  layers: 8,
  inputShape: [32, 32, 3],
})

export const MLPerfTiny_AD_FC_AE = defineWorkload({
  id: 'MLPerfTiny_AD_FC_AE',
  name: 'MLPerf Tiny AD FC autoencoder',
  aliases: ['mlperf-tiny-ad', 'ad-reference', 'fc-autoencoder'],
  family: 'tinyml',
  architecture: 'MLP',
  task: 'anomaly detection',
  year: 2021,
  org: 'MLCommons',
  provenance: {
    kind: 'derived',
    ref: 'MLPerf Tiny anomaly detection reference: fully connected autoencoder 640-128-128-128-128-8-128-128-128-128-640 (DCASE 2020 Task 2 baseline, ToyCar)',
    url: `${REPO}/anomaly_detection`,
    verified: VERIFIED,
    notes: derivation('DCASE 2020 baseline autoencoder'),
  },
  parameters: 269992,
  inferenceFlops: 2 * 264192,
  layers: 10,
  inputShape: [640],
})
