import { sortedPresent } from "../stats/average-ranks";
import { spearmanBootstrap } from "../stats/spearman-bootstrap";
import { spearmanInterval } from "../stats/spearman-interval";
import { binnedMeans } from "../stats/decile-bins";
import { correlationPValue } from "../stats/correlation-p-value";
import { subsetOrders } from "../stats/subset-ranks";
import { AMOUNT_FEATURES, isTextFeature } from "./text-features";
import { completeRows } from "../stats/complete-rows";
import { featureSide, partialSpearman, sideCorrelations, type FeatureSide, type LinkScratch } from "./link-pairs";
import type { Column, LinkInputs } from "./link-inputs";
import type { FeatureLink, LinkFeature } from "./feature-link";

/** The settings every feature's links are computed with (`FeatureLinkOptions` resolved). */
export interface LinkSettings {
  resamples: number;
  seed: number;
  minN: number;
  bootstrapMaxN: number;
}

/**
 * One feature's links against every target (text features: the dimensions only), in the targets' order, q-values
 * left NaN (they are over the whole run). The targets present on the same sessions (the dimensions, the overall
 * score and the tags of every scored session, usually) share the feature's side of their links. `scratch` is the
 * thread's (`LinkScratch`). Pure over typed arrays: it runs on worker threads too.
 */
export function linksOfFeature(feature: LinkFeature, values: Float64Array, inputs: LinkInputs, settings: LinkSettings, scratch: LinkScratch): FeatureLink[] {
  const { resamples, seed, minN, bootstrapMaxN } = settings;
  const { position } = scratch;
  const fx: Column = inputs.controls.get(feature) ?? { values, order: sortedPresent(values, scratch.ranks) };
  const controls = AMOUNT_FEATURES.some((f) => f === feature) ? [] : [...inputs.controls.values()];
  const sides = new Map<number, FeatureSide | undefined>();
  const links: FeatureLink[] = [];
  inputs.targets.forEach((target, t) => {
    if (isTextFeature(feature) && t >= inputs.dimensions) return;
    if (!sides.has(target.group)) {
      const rows = completeRows([fx.values, target.values]);
      sides.set(target.group, rows.length < minN ? undefined : featureSide(fx, rows, controls, scratch));
    }
    const side = sides.get(target.group);
    if (!side) return;
    const { y, ry, rho, r } = sideCorrelations(side, target, scratch);
    if (r === undefined || rho === undefined) return;
    const n = side.rows.length;
    const interval = n > bootstrapMaxN || resamples <= 0 ? "fisher-z" : "bootstrap";
    const ci = interval === "fisher-z" ? spearmanInterval(rho, n) : spearmanBootstrap(side.x, y, side.orderX, subsetOrders(side.rows, [target.order], position)[0], { resamples, seed });
    if (!ci) return;
    const partial = side.partial ? partialSpearman(side.partial, target, ry, rho, scratch) : undefined;
    links.push({
      feature, target: target.name, n, missing: target.values.length - n, pearson: r, spearman: rho, ci95: ci, interval, p: correlationPValue(rho, n), q: NaN, significant: false,
      partial_spearman: partial?.rho ?? null, partial_p: partial ? correlationPValue(partial.rho, partial.n, controls.length) : NaN, bins: binnedMeans(side.bins, y),
    });
  });
  return links;
}
