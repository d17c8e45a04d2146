/**
 * "Did you mean …?" for ids typed by people: H10 → H100, H200; llama3-8b → Llama3_8B.
 * Names are compared case- and punctuation-insensitively by edit distance, with a bonus for
 * a shared prefix, so a catalog miss can point at the entries that were probably meant.
 */

/** Lowercase, without separators: "Llama-3.1-8B" and "llama3_1_8b" compare equal. */
export function normalizeId(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.·/]+/g, '')
}

/** Levenshtein distance (insert, delete, substitute: cost 1 each). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

/**
 * Up to `limit` candidates closest to `query`, best first. A candidate qualifies when its
 * distance is at most a third of the longer name (at least 2) or one name contains the
 * other; a shared prefix breaks ties (H10 → H100 before A100), and candidates much worse
 * than the best one are dropped so the hint stays short.
 */
export function closestMatches(query: string, candidates: Iterable<string>, limit = 3): string[] {
  const q = normalizeId(query)
  const scored: Array<{ name: string; score: number }> = []
  for (const name of candidates) {
    const c = normalizeId(name)
    if (c.length === 0) continue
    const distance = editDistance(q, c)
    const contains = q.length >= 2 && (c.includes(q) || q.includes(c))
    const budget = Math.max(2, Math.floor(Math.max(q.length, c.length) / 3))
    if (distance > budget && !contains) continue
    const score = (contains ? Math.min(distance, 1.5) : distance) - 0.1 * commonPrefixLength(q, c)
    scored.push({ name, score })
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
  const best = scored[0]?.score ?? 0
  const close = scored.filter((s) => s.score <= best + 1.25).map((s) => s.name)
  return [...new Set(close)].slice(0, limit)
}
