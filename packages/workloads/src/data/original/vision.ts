/**
 * Vision models of the original (`models/data/vision.yaml` @35a6143). FLOP per input image
 * (224 × 224 unless noted), one multiply-accumulate = 2 FLOP. LeNet-1 and the MobileNetV2
 * α = 0.5 variants are plain `Workload`s in the original (no FLOP count, no layers): their
 * lowering falls back to 2 × parameters, exactly as the original's does.
 */
import { defineWorkload } from '../define.js'
import { HE_RESNET, SANDLER_MOBILENETV2_URL } from './sources.js'

export const AlexNet = defineWorkload({
  id: 'AlexNet',
  name: 'AlexNet',
  aliases: ['alexnet'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2012,
  org: 'University of Toronto',
  provenance: {
    kind: 'literature',
    ref: 'Krizhevsky et al. (2012), ImageNet Classification with Deep Convolutional Neural Networks',
    url: 'https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks',
    verified: '2026-08-11',
    id: 'prov:krizhevsky-alexnet-2012',
  },
  parameters: 60e6,
  inferenceFlops: 1.5e9,
  layers: 8,
})

export const LeNet1 = defineWorkload({
  id: 'LeNet1',
  name: 'LeNet-1',
  aliases: ['lenet-1', 'lenet'],
  family: 'cnn',
  architecture: 'CNN',
  year: 1989,
  org: 'AT&T Bell Labs',
  provenance: {
    kind: 'estimate',
    ref: 'LeCun et al. (1989), Backpropagation Applied to Handwritten Zip Code Recognition',
    url: 'https://doi.org/10.1162/neco.1989.1.4.541',
    verified: '2026-05-31',
    notes: 'Rounded model-size anchor for USPS LeNet parameter-memory comparisons.',
    id: 'prov:lecun-lenet1-size-estimate',
  },
  parameters: 10e3,
})

export const MobileNetV2 = defineWorkload({
  id: 'MobileNetV2',
  name: 'MobileNetV2',
  aliases: ['mobilenet-v2', 'mobilenetv2-1.0'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2018,
  org: 'Google',
  provenance: {
    kind: 'illustrative',
    ref: 'Sandler et al. (2018) MobileNetV2 architecture with an illustrative book energy anchor',
    url: SANDLER_MOBILENETV2_URL,
    verified: '2026-08-11',
    notes:
      'Alpha=1.0, 1000-class ImageNet classifier. The paper reports about 300M multiply-adds, represented here as 600 MFLOP under the book’s convention that one multiply-accumulate is two FLOPs. The 0.1 mJ inference-energy value is an illustrative book anchor, not a measurement reported by Sandler et al. (2018).',
    id: 'prov:mobilenetv2-with-energy-anchor',
  },
  parameters: 3504872,
  inferenceFlops: 600e6,
  inferenceEnergy: 0.1e-3,
  layers: 54,
})

export const EfficientNetB0 = defineWorkload({
  id: 'EfficientNetB0',
  name: 'EfficientNet-B0',
  aliases: ['efficientnet-b0'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2019,
  org: 'Google',
  provenance: {
    kind: 'literature',
    ref: 'Tan and Le (2019), EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks',
    url: 'https://proceedings.mlr.press/v97/tan19a.html',
    verified: '2026-06-05',
    notes: 'Rounded B0 ImageNet model profile used for architecture-efficiency comparisons.',
    id: 'prov:tan-efficientnet-2019',
  },
  parameters: 5.3e6,
  inferenceFlops: 390e6,
})

export const MobileNetV2_Alpha0_5 = defineWorkload({
  id: 'MobileNetV2_Alpha0_5',
  name: 'MobileNetV2 (alpha=0.5)',
  aliases: ['mobilenetv2-0.5', 'mobilenet-v2-alpha-0.5'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2018,
  org: 'Google',
  provenance: {
    kind: 'derived',
    ref: 'Sandler et al. (2018), MobileNetV2 architecture with width multiplier alpha=0.5',
    url: SANDLER_MOBILENETV2_URL,
    verified: '2026-06-03',
    notes: 'Parameter count for the 1000-class classifier variant used by on-device learning examples.',
    id: 'prov:sandler-mobilenetv2-alpha05-derived',
  },
  parameters: 1968680,
})

export const MobileNetV2_Alpha0_5FeatureExtractor = defineWorkload({
  id: 'MobileNetV2_Alpha0_5FeatureExtractor',
  name: 'MobileNetV2 (alpha=0.5 feature extractor)',
  aliases: ['mobilenetv2-0.5-features'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2018,
  org: 'Google',
  provenance: {
    kind: 'derived',
    ref: 'Sandler et al. (2018), MobileNetV2 architecture with width multiplier alpha=0.5',
    url: SANDLER_MOBILENETV2_URL,
    verified: '2026-06-03',
    notes: 'Parameter count for the alpha=0.5 feature extractor excluding the 1000-class classifier head.',
    id: 'prov:sandler-mobilenetv2-alpha05-feature-derived',
  },
  parameters: 687680,
})

export const ResNet18 = defineWorkload({
  id: 'ResNet18',
  name: 'ResNet-18',
  aliases: ['resnet-18'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2015,
  org: 'Microsoft Research',
  provenance: HE_RESNET,
  parameters: 11.7e6,
  inferenceFlops: 1.8e9,
  layers: 18,
  inputShape: [224, 224, 3],
})

export const ResNet50 = defineWorkload({
  id: 'ResNet50',
  name: 'ResNet-50',
  aliases: ['resnet-50', 'resnet50-v1.5'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2015,
  org: 'Microsoft Research',
  provenance: {
    ...HE_RESNET,
    verified: '2026-06-10',
    notes:
      'Architecture, 50-layer depth, and 25.6M parameter count per He et al. (2016). inference_flops is ~8.2 GFLOP for a 224x224 forward pass under the book’s convention that one multiply-accumulate is two FLOPs. This corresponds to the commonly reported ~4.1 GMAC count (torchvision/fvcore ~4.09 GMAC). He et al. Table 1 reports 3.8e9 operations under its own counting convention.',
  },
  parameters: 25.6e6,
  inferenceFlops: 8.2e9,
  layers: 50,
  inputShape: [224, 224, 3],
})

export const YOLOv8_Nano = defineWorkload({
  id: 'YOLOv8_Nano',
  name: 'YOLOv8-Nano',
  aliases: ['yolov8n', 'yolov8-nano'],
  family: 'cnn',
  architecture: 'CNN',
  year: 2023,
  org: 'Ultralytics',
  provenance: {
    kind: 'datasheet',
    ref: 'Ultralytics YOLOv8 documentation (nano variant parameter count)',
    url: 'https://docs.ultralytics.com/models/yolov8/',
    verified: '2026-03-06',
    id: 'prov:ultralytics-yolov8',
  },
  notes: 'Ultralytics reports 8.7 GFLOPs at 640 × 640 input.',
  parameters: 3.2e6,
  inferenceFlops: 8.7e9,
  layers: 225,
  inputShape: [640, 640, 3],
})
