export interface TerraformRoot {
  readonly id: string;
  readonly dir: string;
  readonly kind: 'example' | 'env' | 'bootstrap';
}
export declare function findRoots(workspace: string): TerraformRoot[];
export declare function findTestedModules(workspace: string): { id: string; dir: string }[];
export declare function requiredArtifacts(workspace: string): string[];
export declare function exampleFunctionKeys(workspace: string): string[];
/** Stand-in values for every declared environment variable, by service and function key. */
export declare function offlineSecrets(workspace: string): Record<string, Record<string, Record<string, string>>>;
