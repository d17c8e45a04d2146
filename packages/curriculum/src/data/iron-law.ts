/** The Iron Law as the course map writes it, with each term's examples per semester. */
import type { IronLaw } from '../schema/index.js'

export const ironLaw: IronLaw = {
  equation: 'T \\approx \\frac{D_{vol}}{BW} + \\frac{O}{R_{peak} \\cdot \\eta} + L_{lat}',
  terms: [
    {
      symbol: 'D_vol',
      latex: 'D_{vol}',
      meaning: 'Data volume',
      examples: { foundations: 'Quantization, pruning', scale: 'Gradient compression' },
    },
    {
      symbol: 'BW',
      latex: 'BW',
      meaning: 'Bandwidth',
      examples: { foundations: 'Memory hierarchy', scale: 'InfiniBand, all-reduce' },
    },
    {
      symbol: 'O',
      latex: 'O',
      meaning: 'Operations',
      examples: { foundations: 'FLOPs, batch size', scale: '3D parallelism' },
    },
    {
      symbol: 'R_peak',
      latex: 'R_{peak}',
      meaning: 'Peak compute',
      examples: { foundations: 'Tensor Cores', scale: 'Multi-node scaling' },
    },
    {
      symbol: 'η',
      latex: '\\eta',
      meaning: 'Efficiency',
      examples: { foundations: 'GPU starvation', scale: 'Pipeline bubbles' },
    },
    {
      symbol: 'L_lat',
      latex: 'L_{lat}',
      meaning: 'Latency overhead',
      examples: { foundations: 'Kernel launch', scale: 'Network latency' },
    },
  ],
}
