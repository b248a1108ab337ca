/**
 * A linear model (logistic regression) over named features, as trained by scripts/train.ts and
 * shipped in lib/standards/models/*.json. Scoring names the features that pushed hardest toward
 * the verdict, so every verdict can say which words decided it.
 */

/** Features of one example: name → value (1 for a word that is present). */
export type Features = Map<string, number>;

export interface LinearModel {
  /** What it decides ("upset", "ask", …). */
  task: string;
  bias: number;
  /** Decision threshold on the probability, chosen by cross-validation over train + dev (scripts/train.ts). */
  threshold: number;
  /** The L2 strength it was trained with (so cross-validation can train its folds alike). */
  l2?: number;
  weights: Record<string, number>;
}

export interface Scored {
  probability: number;
  yes: boolean;
  /** The features that pushed hardest toward the verdict, strongest first. */
  strongest: { feature: string; weight: number }[];
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

/** Adds every name in `names` with value 1 (a word seen twice still counts once). */
export function featuresOf(names: Iterable<string>, into: Features = new Map()): Features {
  for (const n of names) into.set(n, 1);
  return into;
}

export function score(model: LinearModel, features: Features, top = 3): Scored {
  let z = model.bias;
  const parts: { feature: string; weight: number }[] = [];
  for (const [name, value] of features) {
    const w = model.weights[name];
    if (!w) continue;
    z += w * value;
    parts.push({ feature: name, weight: w * value });
  }
  const probability = sigmoid(z);
  const yes = probability >= model.threshold;
  const strongest = parts
    .filter((p) => (yes ? p.weight > 0 : p.weight < 0))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, top);
  return { probability, yes, strongest };
}

/** A feature name as words an agent can read: "b:could_you" → "could you", "p:imperative" → "imperative". */
export function readable(feature: string): string {
  return feature.replace(/^[a-z]*[a-z]:/, '').replace(/_/g, ' ').replace(/^<s> /, '').replace(/!/g, 'not ');
}
