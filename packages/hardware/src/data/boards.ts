/**
 * Boards and kits: the course's hardware kits and the MLPerf Tiny reference boards. A board
 * names the catalog chip that runs the model and adds what the board itself brings: memory,
 * flash, power, price. `getHardware('RaspberryPi5')` returns the chip as mounted on the board.
 */
import type { Provenance } from '@mlsysim/units'
import type { BoardInput } from '../schema/board.js'

const CHECKED = '2026-11-27'

const doc = (ref: string, url: string): Provenance => ({ kind: 'datasheet', ref, url, verified: CHECKED })

export const boardEntries: BoardInput[] = [
  {
    id: 'ArduinoNano33BLESense',
    name: 'Arduino Nano 33 BLE Sense',
    aliases: ['Nano 33 BLE Sense', 'Arduino Nano 33 BLE', 'nano33ble'],
    vendor: 'Arduino',
    tier: 'tiny',
    releaseYear: 2019,
    chip: 'nRF52840',
    interfaces: [
      'Bluetooth LE 5',
      'USB (micro-B)',
      '9-axis IMU',
      'microphone',
      'temperature/humidity/pressure/light sensors',
    ],
    provenance: doc(
      'Arduino Nano 33 BLE Sense documentation (nRF52840 at 64 MHz, 1 MB flash, 256 KB SRAM, onboard sensors)',
      'https://docs.arduino.cc/hardware/nano-33-ble-sense/',
    ),
    notes:
      "Adds sensors, not memory: the model runs in the nRF52840's own 256 KB SRAM / 1 MB flash. Price varies by revision and is left out.",
  },
  {
    id: 'ArduinoNiclaVision',
    name: 'Arduino Nicla Vision',
    aliases: ['Nicla Vision', 'nicla-vision'],
    vendor: 'Arduino',
    tier: 'tiny',
    releaseYear: 2022,
    chip: 'STM32H747',
    externalMemory: [
      { kind: 'SDRAM', capacity: '8 MB' },
      { kind: 'Quad-SPI flash', capacity: '16 MB' },
    ],
    interfaces: ['2 MP camera', 'microphone', '6-axis IMU', 'time-of-flight sensor', 'Wi-Fi', 'Bluetooth LE'],
    provenance: doc(
      'Arduino Nicla Vision documentation (STM32H747AII6 dual Cortex-M7/M4, 2 MB flash, 1 MB RAM; 16 MB QSPI flash, 8 MB SDRAM on board)',
      'https://docs.arduino.cc/hardware/nicla-vision/',
    ),
    notes:
      'Board SDRAM holds frame buffers and large tensors; weights usually run from the MCU flash or QSPI flash. Price left out (varies by region).',
  },
  {
    id: 'XIAO_ESP32S3_Sense',
    name: 'Seeed Studio XIAO ESP32S3 Sense',
    aliases: ['XIAO ESP32S3 Sense', 'XIAO ESP32S3', 'XIAOML Kit', 'xiao-esp32s3'],
    vendor: 'Seeed Studio',
    tier: 'tiny',
    releaseYear: 2023,
    chip: 'ESP32_S3',
    boardMemory: { capacity: '8 MiB', technology: 'octal PSRAM' },
    flash: { capacity: '8 MiB' },
    price: '$13.99',
    interfaces: [
      'OV2640 camera (Sense)',
      'PDM microphone (Sense)',
      'microSD (Sense)',
      'Wi-Fi',
      'Bluetooth LE 5',
    ],
    provenance: doc(
      'Seeed Studio wiki, Getting started with XIAO ESP32S3 (Sense) (ESP32-S3R8 dual-core 240 MHz, 8 MB PSRAM, 8 MB flash; camera, microphone, microSD on the Sense expansion)',
      'https://wiki.seeedstudio.com/xiao_esp32s3_getting_started/',
    ),
    sources: {
      price: {
        kind: 'industry_report',
        ref: 'XIAO ESP32S3 Sense retail price (~$13.99 at Seeed Studio, ~$14.40 at DigiKey) as surveyed in a 2026 hardware assessment of the Sense board',
        url: 'https://moklabs-research.pages.dev/reports/technology/2026-03-29-xiao-esp32s3-sense-production-hardware-assessment',
        verified: CHECKED,
        notes:
          'Price of the Sense board with its camera and microphone expansion, which this entry describes; the plain XIAO ESP32S3 costs less.',
      },
    },
    notes:
      "The course's XIAOML kit. The 8 MB PSRAM and 8 MB flash are 64-Mbit parts (8 MiB each). PSRAM and flash bandwidths are not quoted by Seeed and are left at the ESP32-S3 chip's figures.",
  },
  {
    id: 'GroveVisionAIV2',
    name: 'Seeed Studio Grove Vision AI V2',
    aliases: ['Grove Vision AI V2', 'grove-vision-ai-v2'],
    vendor: 'Seeed Studio',
    tier: 'tiny',
    releaseYear: 2023,
    chip: 'HX6538',
    flash: { capacity: '16 MB' },
    interfaces: [
      'CSI camera connector (OV5647)',
      'PDM microphone',
      'microSD',
      'Grove I2C',
      'XIAO-compatible header',
    ],
    provenance: doc(
      'Seeed Studio wiki, Grove Vision AI Module V2 (Himax WiseEye2 HX6538: Cortex-M55 + Ethos-U55; 16 MB external flash)',
      'https://wiki.seeedstudio.com/grove_vision_ai_v2/',
    ),
  },
  {
    id: 'RaspberryPi4',
    name: 'Raspberry Pi 4 Model B (4 GB)',
    aliases: ['Raspberry Pi 4', 'Pi 4', 'rpi4'],
    vendor: 'Raspberry Pi',
    tier: 'edge',
    releaseYear: 2019,
    chip: 'BCM2711',
    boardMemory: { capacity: '4 GiB', bandwidth: '12.8 GB/s', technology: 'LPDDR4-3200' },
    price: '$55',
    interfaces: [
      'Gigabit Ethernet',
      '2× USB 3.0',
      '2× USB 2.0',
      'Wi-Fi 5',
      'Bluetooth 5.0',
      '2× micro-HDMI',
      'MIPI CSI',
    ],
    provenance: doc(
      'Raspberry Pi 4 Model B specifications (BCM2711 quad Cortex-A72 1.8 GHz on current boards, 1/2/4/8 GB LPDDR4-3200)',
      'https://www.raspberrypi.com/products/raspberry-pi-4-model-b/specifications/',
    ),
    sources: {
      price: {
        kind: 'datasheet',
        ref: 'Raspberry Pi 4 Model B product page (4 GB model $55)',
        url: 'https://www.raspberrypi.com/products/raspberry-pi-4-model-b/',
        verified: CHECKED,
      },
      'boardMemory.bandwidth': {
        kind: 'derived',
        ref: 'LPDDR4-3200 on a 32-bit bus',
        verified: CHECKED,
        notes: '3.2e9 × 4 B = 12.8 GB/s.',
      },
    },
    notes:
      'Other memory sizes: 1, 2 and 8 GB. Boards since 2021 clock the CPU at 1.8 GHz; the chip entry keeps the 1.5 GHz launch clock. Power draw depends on load and peripherals and is left out (the official supply is 5 V / 3 A).',
  },
  {
    id: 'RaspberryPi5',
    name: 'Raspberry Pi 5 (8 GB)',
    aliases: ['Raspberry Pi 5', 'Pi 5', 'rpi5'],
    vendor: 'Raspberry Pi',
    tier: 'edge',
    releaseYear: 2023,
    chip: 'BCM2712',
    boardMemory: { capacity: '8 GiB', bandwidth: '17.07 GB/s', technology: 'LPDDR4X-4267' },
    price: '$80',
    interfaces: [
      'Gigabit Ethernet',
      '2× USB 3.0',
      '2× USB 2.0',
      'PCIe 2.0 x1',
      'Wi-Fi 5',
      'Bluetooth 5.0',
      '2× micro-HDMI',
      '2× MIPI',
    ],
    provenance: doc(
      'Raspberry Pi 5 product page (BCM2712 quad Cortex-A76 2.4 GHz; 2/4/8/16 GB LPDDR4X-4267; 4 GB $60, 8 GB $80 at launch)',
      'https://www.raspberrypi.com/products/raspberry-pi-5/',
    ),
    sources: {
      'boardMemory.bandwidth': {
        kind: 'derived',
        ref: 'LPDDR4X-4267 on a 32-bit bus',
        verified: CHECKED,
        notes: '4.267e9 × 4 B = 17.07 GB/s.',
      },
    },
    notes: 'Power draw depends on load and is left out (the official supply is 5 V / 5 A).',
  },
  {
    id: 'CoralUSBAccelerator',
    name: 'Google Coral USB Accelerator',
    aliases: ['Coral USB Accelerator', 'Coral USB', 'coral-usb'],
    vendor: 'Google',
    tier: 'edge',
    releaseYear: 2019,
    chip: 'Coral',
    boardMemory: { capacity: '8 MB', technology: 'on-chip SRAM (parameter cache)' },
    power: { typical: '2 W' },
    price: '$59.99',
    interfaces: ['USB 3.0 Type-C (5 Gb/s)'],
    provenance: doc(
      'Coral USB Accelerator product page and datasheet (Edge TPU, 4 TOPS INT8 at 2 W — 2 TOPS/W; USB 3.0 Type-C)',
      'https://coral.ai/products/accelerator/',
    ),
    sources: {
      'boardMemory.capacity': {
        kind: 'datasheet',
        ref: 'Coral Edge TPU compiler documentation (the Edge TPU has about 8 MB of SRAM that caches model parameters)',
        url: 'https://coral.ai/docs/edgetpu/compiler/',
        verified: CHECKED,
      },
    },
    notes:
      'No DRAM on the stick: parameters beyond the 8 MB on-chip cache stream from the host over USB 3.0 (5 Gb/s), which is what limits large models. The host (e.g. a Raspberry Pi) is a separate entry.',
  },
  {
    id: 'CoralDevBoard',
    name: 'Google Coral Dev Board',
    aliases: ['Coral Dev Board', 'coral-dev-board'],
    vendor: 'Google',
    tier: 'edge',
    releaseYear: 2019,
    chip: 'Coral',
    hostProcessor: 'NXP i.MX 8M (4× Cortex-A53 + Cortex-M4F)',
    boardMemory: { capacity: '1 GB', technology: 'LPDDR4' },
    flash: { capacity: '8 GB' },
    price: '$149.99',
    interfaces: [
      'Gigabit Ethernet',
      'USB 3.0',
      'Wi-Fi 5',
      'Bluetooth 4.2',
      'HDMI 2.0a',
      'MIPI CSI-2',
      'MIPI DSI',
    ],
    provenance: doc(
      'Coral Dev Board datasheet (Edge TPU SoM: NXP i.MX 8M SoC, Edge TPU coprocessor, 1 GB LPDDR4, 8 GB eMMC)',
      'https://coral.ai/docs/dev-board/datasheet/',
    ),
    sources: {
      price: {
        kind: 'industry_report',
        ref: 'ExtremeTech, "Google\'s Edge TPU debuts in new development board" (launch price $149.99)',
        url: 'https://www.extremetech.com/computing/287113-googles-edge-tpu-debuts-in-new-development-board',
        verified: CHECKED,
      },
    },
    notes: "A 4 GB variant also exists. The original's `Coral` chip already models this board's 1 GB memory.",
  },
  {
    id: 'NUCLEO_L4R5ZI',
    name: 'STMicroelectronics NUCLEO-L4R5ZI',
    aliases: ['NUCLEO-L4R5ZI', 'nucleo-l4r5zi'],
    vendor: 'STMicroelectronics',
    tier: 'tiny',
    releaseYear: 2017,
    chip: 'STM32L4R5',
    interfaces: ['ST-LINK/V3 debugger', 'USB OTG', 'Arduino Uno V3 and ST morpho headers'],
    provenance: doc(
      'NUCLEO-L4R5ZI product page (STM32 Nucleo-144 board with STM32L4R5ZI)',
      'https://www.st.com/en/evaluation-tools/nucleo-l4r5zi.html',
    ),
    notes: 'MLPerf Tiny reference board (v0.5 and later). The board adds no memory to the MCU.',
  },
  {
    id: 'NUCLEO_H7A3ZI_Q',
    name: 'STMicroelectronics NUCLEO-H7A3ZI-Q',
    aliases: ['NUCLEO-H7A3ZI-Q', 'nucleo-h7a3zi-q'],
    vendor: 'STMicroelectronics',
    tier: 'tiny',
    releaseYear: 2020,
    chip: 'STM32H7A3',
    interfaces: ['ST-LINK/V3 debugger', 'USB OTG', 'Arduino Uno V3 and ST morpho headers'],
    provenance: doc(
      'NUCLEO-H7A3ZI-Q product page (STM32 Nucleo-144 board with STM32H7A3ZIT6Q, SMPS)',
      'https://www.st.com/en/evaluation-tools/nucleo-h7a3zi-q.html',
    ),
    notes: 'MLPerf Tiny reference board. The board adds no memory to the MCU.',
  },
  {
    id: 'STM32F746_Discovery',
    name: 'STMicroelectronics 32F746G-DISCO (STM32F746 Discovery)',
    aliases: ['STM32F746G-DISCO', '32F746GDISCOVERY', 'STM32F746 Discovery'],
    vendor: 'STMicroelectronics',
    tier: 'tiny',
    releaseYear: 2015,
    chip: 'STM32F746',
    externalMemory: [
      { kind: 'SDRAM (64 Mbit of 128 accessible)', capacity: '8 MB' },
      { kind: 'Quad-SPI flash', capacity: '16 MB' },
    ],
    interfaces: ['4.3" LCD touchscreen', 'camera connector', 'microSD', 'Ethernet', 'USB OTG'],
    provenance: doc(
      '32F746GDISCOVERY product page and user manual UM1907 (STM32F746NGH6; 128-Mbit SDRAM of which 64 Mbit accessible, 128-Mbit Quad-SPI flash)',
      'https://www.st.com/en/evaluation-tools/32f746gdiscovery.html',
    ),
    notes:
      "MLPerf Tiny reference platform. Models run from the MCU's 1 MB flash and 320 KB SRAM as mounted; the SDRAM and Quad-SPI flash are recorded as external memory.",
  },
]
