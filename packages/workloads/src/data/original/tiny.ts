/**
 * TinyML models of the original (`models/data/tiny.yaml`). FLOP per input (one audio window,
 * one image, one feature frame). The MLPerf Tiny reference models, with counts derived from
 * their layers, are separate entries (see ../mlperf-tiny.ts).
 */
import { defineWorkload } from '../define.js'

export const AnomalyDetector = defineWorkload({
  id: 'AnomalyDetector',
  name: 'Anomaly Detector',
  aliases: ['anomaly-detector'],
  family: 'tinyml',
  architecture: 'MLP',
  task: 'anomaly detection',
  provenance: {
    kind: 'convention',
    ref: 'TinyML anomaly-detector reference MLP (~270k parameters)',
    verified: '2026-03-06',
    id: 'prov:reference-anomaly-mlp',
  },
  notes:
    'Same scale as the MLPerf Tiny FC autoencoder (MLPerfTiny_AD_FC_AE: 269,992 parameters, 528,384 FLOP).',
  parameters: 270e3,
  inferenceFlops: 540e3,
})

export const DS_CNN = defineWorkload({
  id: 'DS_CNN',
  name: 'DS-CNN (KWS)',
  aliases: ['ds-cnn', 'kws-ds-cnn'],
  family: 'tinyml',
  architecture: 'CNN',
  task: 'keyword spotting',
  year: 2017,
  provenance: {
    kind: 'literature',
    ref: 'MLPerf Tiny keyword spotting reference (DS-CNN profile)',
    url: 'https://github.com/mlcommons/tiny',
    verified: '2026-03-06',
    notes: 'Parameter and FLOP counts aligned to TinyMLPerf KWS reference model scale.',
    id: 'prov:mlperf-tiny-kws',
  },
  notes:
    'The original’s profile (200k parameters, 20 MFLOP) matches the medium DS-CNN of Zhang et al. (2017), Hello Edge, not the smaller MLPerf Tiny reference model (MLPerfTiny_KWS_DS_CNN: 24,908 parameters, 5.3 MFLOP).',
  parameters: 200e3,
  inferenceFlops: 20e6,
})

export const WakeVision = defineWorkload({
  id: 'WakeVision',
  name: 'Wake Vision (Doorbell)',
  aliases: ['wake-vision'],
  family: 'tinyml',
  architecture: 'CNN',
  task: 'person detection',
  year: 2024,
  provenance: {
    kind: 'datasheet',
    ref: 'Wake Vision / doorbell-classifier TinyML reference',
    url: 'https://arxiv.org/abs/2405.00892',
    verified: '2026-03-06',
    notes:
      'The original cites https://github.com/TI-malaria/wake-vision, which could not be confirmed; the URL here is the Wake Vision paper (Banbury et al., 2024). Kind, ref and verified date are the original’s.',
    id: 'prov:wake-vision-dataset',
  },
  parameters: 250e3,
  inferenceFlops: 25e6,
})
