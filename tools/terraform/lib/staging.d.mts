export declare const OFFLINE_OVERRIDE_FILE: string;
/** Copies infra/ and every apps/<service>/api into stagingDir (emptied first), without local Terraform state. */
export declare function stageWorkspace(workspace: string, stagingDir: string): void;
/** Writes the offline provider (and, for a root with a backend, a local backend) override into rootDir. */
export declare function writeOfflineOverrides(rootDir: string, options: { hasBackend: boolean }): void;
/** Writes the CLI configuration every terraform call uses; answers its path. */
export declare function writeCliConfig(path: string, pluginCacheDir: string): string;
/** A minimal deployment package, only hashed by Terraform; answers its path. */
export declare function writePlaceholderZip(path: string): string;
