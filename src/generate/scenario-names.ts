/** The scenarios' names, in a module of their own so that the CLI can offer them without loading zod. */
export const SCENARIO_NAMES = ["baseline", "ceiling", "arbitrary", "strong-media", "improvers", "length-confound"] as const;
