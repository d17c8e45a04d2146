/**
 * Hardware kits (kits/config/_quarto-html.yml) plus the two course-map devices that are not
 * kits-site kits (Arduino Nano 33 BLE Sense, Coral), with their activities. Board ids are
 * @mlsysim/hardware `boards` entries.
 */
import type { Kit, KitActivity } from '../schema/index.js'

const KITS_SITE = 'kits/config/_quarto-html.yml'

export const kits: Kit[] = [
  {
    id: 'nicla-vision',
    name: 'Arduino Nicla Vision',
    hardwareRefs: ['ArduinoNiclaVision'],
    sourcePath: KITS_SITE,
  },
  {
    id: 'xiao-esp32s3',
    name: 'Seeed XIAO ESP32S3',
    hardwareRefs: ['XIAO_ESP32S3_Sense'],
    sourcePath: KITS_SITE,
    aliases: ['XIAOML Kit'],
  },
  {
    id: 'grove-vision-ai-v2',
    name: 'Grove Vision AI V2',
    hardwareRefs: ['GroveVisionAIV2'],
    sourcePath: KITS_SITE,
  },
  {
    id: 'raspberry-pi',
    name: 'Raspberry Pi',
    hardwareRefs: ['RaspberryPi5', 'RaspberryPi4'],
    sourcePath: KITS_SITE,
  },
  {
    id: 'arduino-nano-33-ble-sense',
    name: 'Arduino Nano 33 BLE',
    hardwareRefs: ['ArduinoNano33BLESense'],
    sourcePath: 'instructors/course-map.qmd',
    notes: ['A course-map and TinyML-syllabus device without pages on the kits site.'],
  },
  {
    id: 'coral',
    name: 'Coral',
    hardwareRefs: ['CoralUSBAccelerator'],
    sourcePath: 'instructors/course-map.qmd',
    notes: ['Google Coral USB Accelerator (Edge TPU), paired with the Raspberry Pi on the course map.'],
  },
]

const page = (kitId: string, slug: string, title: string, extra: Partial<KitActivity> = {}): KitActivity => ({
  id: `${kitId}-${slug}`,
  kitIds: [kitId],
  title,
  chapterIds: [],
  weekRefs: [],
  ...extra,
})

const tinyml = (week: number) => [{ offeringId: 'tinyml', week }]

export const kitActivities: KitActivity[] = [
  // The kits site's pages.
  page('nicla-vision', 'setup', 'Setup', { weekRefs: tinyml(1), chapterIds: ['vol1/introduction'] }),
  page('nicla-vision', 'image-classification', 'Image classification', {
    weekRefs: tinyml(5),
    chapterIds: ['vol1/nn_architectures'],
  }),
  page('nicla-vision', 'object-detection', 'Object detection', {
    weekRefs: tinyml(7),
    chapterIds: ['vol1/model_compression'],
  }),
  page('nicla-vision', 'keyword-spotting', 'Keyword spotting (KWS)', {
    weekRefs: tinyml(6),
    chapterIds: ['vol1/frameworks'],
  }),
  page('nicla-vision', 'motion-classification', 'Motion classification', {
    weekRefs: tinyml(8),
    chapterIds: ['vol1/hw_acceleration'],
  }),
  page('xiao-esp32s3', 'setup', 'Setup'),
  page('xiao-esp32s3', 'image-classification', 'Image classification'),
  page('xiao-esp32s3', 'object-detection', 'Object detection'),
  page('xiao-esp32s3', 'keyword-spotting', 'Keyword spotting (KWS)'),
  page('xiao-esp32s3', 'motion-classification', 'Motion classification'),
  page('grove-vision-ai-v2', 'setup', 'Setup & no-code apps'),
  page('grove-vision-ai-v2', 'image-classification', 'Image classification'),
  page('grove-vision-ai-v2', 'object-detection', 'Object detection'),
  page('raspberry-pi', 'setup', 'Setup'),
  page('raspberry-pi', 'image-classification', 'Image classification'),
  page('raspberry-pi', 'object-detection', 'Object detection'),
  page('raspberry-pi', 'llm', 'Small language models (LLM)'),
  page('raspberry-pi', 'vlm', 'Vision-language models (VLM)'),
  // Shared pages, usable with any microcontroller kit that records audio.
  {
    id: 'shared-kws-feature-engineering',
    kitIds: ['nicla-vision', 'xiao-esp32s3'],
    title: 'KWS feature engineering',
    chapterIds: ['vol1/data_engineering'],
    weekRefs: tinyml(3),
  },
  {
    id: 'shared-dsp-spectral-features',
    kitIds: ['nicla-vision', 'xiao-esp32s3'],
    title: 'DSP spectral-features block',
    chapterIds: ['vol1/nn_computation'],
    weekRefs: tinyml(4),
  },
  // The course map's integration points (Semester 1).
  {
    id: 'nano33-sensor-data-collection',
    kitIds: ['arduino-nano-33-ble-sense'],
    title: 'Sensor data collection',
    chapterIds: ['vol1/data_engineering'],
    weekRefs: [{ offeringId: 'foundations', week: 4 }],
  },
  {
    id: 'xiao-deploy-quantized-model',
    kitIds: ['xiao-esp32s3'],
    title: 'Deploy quantized model',
    chapterIds: ['vol1/model_compression'],
    weekRefs: [{ offeringId: 'foundations', week: 10 }],
  },
  {
    id: 'rpi-coral-profile-inference',
    kitIds: ['raspberry-pi', 'coral'],
    title: 'Profile inference',
    chapterIds: ['vol1/hw_acceleration'],
    weekRefs: [{ offeringId: 'foundations', week: 11 }],
  },
  {
    id: 'ai-olympics-deployment',
    kitIds: ['arduino-nano-33-ble-sense', 'xiao-esp32s3', 'raspberry-pi', 'coral'],
    title: 'AI Olympics deployment',
    chapterIds: ['vol1/conclusion'],
    weekRefs: [{ offeringId: 'foundations', week: 16 }],
    capstoneId: 'ai-olympics',
    deviceLabel: 'All three devices',
  },
]
