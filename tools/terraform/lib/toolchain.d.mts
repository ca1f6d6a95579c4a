export declare const REQUIRED_TERRAFORM: readonly [number, number];
export declare const PROVIDER_PATH: readonly string[];
export declare class ToolchainError extends Error {}
/** The installed Terraform version; throws ToolchainError when it is missing or too old. */
export declare function findTerraform(): string;
export declare function candidateMirrorRoots(): string[];
/** The provider mirror root (TF_PLUGIN_MIRROR, else found under roots); throws ToolchainError naming what is missing. */
export declare function findProviderMirror(env?: NodeJS.ProcessEnv, roots?: readonly string[]): string;
