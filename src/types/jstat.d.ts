// The part of jStat (https://github.com/jstat/jstat, no types of its own) the kit uses.
declare module "jstat" {
  export const jStat: {
    centralF: {
      /** The F distribution's quantile: x with P(F ≤ x) = p, for df1 and df2 degrees of freedom. */
      inv(p: number, df1: number, df2: number): number;
    };
  };
}
