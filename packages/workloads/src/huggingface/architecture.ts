/**
 * The decoder architecture read from a Hugging Face `config.json`, normalized across model
 * families (Llama, Mistral, Qwen2/3, Gemma 2/3, Phi-3/4, Mixtral, Qwen3-MoE, DeepSeek-V2/V3,
 * gpt-oss, Llama 4), and its parameter count from first principles.
 *
 * Counted per layer: attention projections (GQA: K and V have kvHeads·headDim outputs; MLA:
 * the low-rank query and KV projections), their biases where the family has them, per-head
 * Q/K norms (Qwen3, Gemma 3), attention sinks (gpt-oss); the MLP (gated: gate, up, down) or
 * the MoE block (router, routed experts, shared experts); the norms. Plus the token embedding,
 * the final norm and the LM head unless it is tied to the embedding. Multi-token-prediction
 * heads (DeepSeek-V3's extra layer) and vision encoders are not part of the language model
 * and are not counted.
 */

export interface MlaGeometry {
  /** Rank of the query compression; absent means a full query projection (DeepSeek-V2-Lite). */
  qLoraRank?: number
  kvLoraRank: number
  qkNopeHeadDim: number
  qkRopeHeadDim: number
  vHeadDim: number
}

export interface MoeGeometry {
  experts: number
  expertsPerToken: number
  /** Inner dimension of one routed expert. */
  expertFfnDim: number
  sharedExperts: number
  /** Inner dimension of one shared expert (often = expertFfnDim). */
  sharedExpertFfnDim: number
  /** Qwen2-MoE style sigmoid gate on the shared expert (hidden → 1). */
  sharedExpertGate: boolean
  /** Which layers (0-based) have experts; the others have a dense MLP of `ffnDim`. */
  isMoeLayer: (layer: number) => boolean
  /** Router bias (gpt-oss) or DeepSeek's per-expert score-correction bias. */
  routerBias: boolean
  /** Experts carry biases on their projections (gpt-oss). */
  expertBias: boolean
}

export interface DecoderArchitecture {
  modelType: string
  vocabSize: number
  hiddenDim: number
  layers: number
  heads: number
  kvHeads: number
  headDim: number
  /** Dense MLP inner dimension (dense layers of an MoE model too). */
  ffnDim: number
  tiedEmbeddings: boolean
  /** Biases on the Q, K and V projections (Qwen2, gpt-oss, attention_bias). */
  qkvBias: boolean
  /** Bias on the output projection (gpt-oss, attention_bias). */
  outputBias: boolean
  mlpBias: boolean
  /** A learned norm on each query and key head (Qwen3, Gemma 3). */
  qkNorm: boolean
  /** Learned attention sinks, one per head (gpt-oss). */
  attentionSinks: boolean
  /** Norm vectors per layer: 2 (pre-attention, pre-MLP), 4 for Gemma 2/3 (pre and post). */
  normsPerLayer: number
  maxSeqLen?: number
  mla?: MlaGeometry
  moe?: MoeGeometry
}

export interface ParameterBreakdown {
  embedding: number
  lmHead: number
  attention: number
  mlp: number
  norms: number
  /** Routed-expert weights in all layers. */
  routedExperts: number
  total: number
  /** Parameters one token uses: total minus the routed experts it is not sent to. */
  active: number
}

function attentionParameters(a: DecoderArchitecture): number {
  const h = a.hiddenDim
  if (a.mla) {
    const m = a.mla
    const qHead = m.qkNopeHeadDim + m.qkRopeHeadDim
    const query =
      m.qLoraRank === undefined
        ? h * a.heads * qHead
        : h * m.qLoraRank + m.qLoraRank /* q_a norm */ + m.qLoraRank * a.heads * qHead
    const keyValue =
      h * (m.kvLoraRank + m.qkRopeHeadDim) +
      m.kvLoraRank /* kv_a norm */ +
      m.kvLoraRank * a.heads * (m.qkNopeHeadDim + m.vHeadDim)
    const output = a.heads * m.vHeadDim * h
    return query + keyValue + output
  }
  const qOut = a.heads * a.headDim
  const kvOut = a.kvHeads * a.headDim
  let count = h * qOut + 2 * h * kvOut + qOut * h
  if (a.qkvBias) count += qOut + 2 * kvOut
  if (a.outputBias) count += h
  if (a.qkNorm) count += 2 * a.headDim
  if (a.attentionSinks) count += a.heads
  return count
}

function gatedMlp(hidden: number, inner: number, bias: boolean): number {
  // gate and up: hidden → inner; down: inner → hidden.
  return 3 * hidden * inner + (bias ? 2 * inner + hidden : 0)
}

/** Parameter count of a decoder, by component, with the active share for MoE. */
export function countParameters(a: DecoderArchitecture): ParameterBreakdown {
  const embedding = a.vocabSize * a.hiddenDim
  const lmHead = a.tiedEmbeddings ? 0 : a.vocabSize * a.hiddenDim
  const attention = a.layers * attentionParameters(a)
  const norms = a.layers * a.normsPerLayer * a.hiddenDim + a.hiddenDim
  let mlp = 0
  let routedExperts = 0
  let inactive = 0
  for (let layer = 0; layer < a.layers; layer++) {
    const moe = a.moe
    if (!moe?.isMoeLayer(layer)) {
      mlp += gatedMlp(a.hiddenDim, a.ffnDim, a.mlpBias)
      continue
    }
    const perExpert = gatedMlp(a.hiddenDim, moe.expertFfnDim, moe.expertBias)
    const router = a.hiddenDim * moe.experts + (moe.routerBias ? moe.experts : 0)
    const shared =
      moe.sharedExperts * gatedMlp(a.hiddenDim, moe.sharedExpertFfnDim, false) +
      (moe.sharedExpertGate ? a.hiddenDim : 0)
    mlp += router + shared + moe.experts * perExpert
    routedExperts += moe.experts * perExpert
    inactive += (moe.experts - moe.expertsPerToken) * perExpert
  }
  const total = embedding + lmHead + attention + mlp + norms
  return { embedding, lmHead, attention, mlp, norms, routedExperts, total, active: total - inactive }
}
