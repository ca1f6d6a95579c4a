/** One function's entry of dist/apps/<service>/bundles.json (the fields the check reads). */
export interface BuiltBundle {
  readonly function: string;
  readonly minifiedBytes: number;
  /** Whether Dynamoose is in the bundle, and whether functions.yaml gives the function any table. */
  readonly usesDynamoose?: boolean;
  readonly declaresTables?: boolean;
}
/** tools/bench/bundle-budgets.json: service → function → budget. */
export type BundleBudgets = Readonly<Record<string, Readonly<Record<string, { readonly maxMinifiedKiB: number }>>>>;
/** The problems found, one sentence each; empty when every bundle is within its budget. */
export declare function checkBundleBudgets(
  service: string,
  bundles: readonly BuiltBundle[],
  budgets: BundleBudgets,
): string[];
