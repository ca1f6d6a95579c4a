export declare class TerraformError extends Error {}
/** The environment of every terraform call: its own data dir and CLI configuration, no prompts or checkpoint. */
export declare function terraformEnv(dataDir: string, cliConfigFile: string): NodeJS.ProcessEnv;
/** Runs terraform; rejects with its whole output when it fails. */
export declare function terraform(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; label: string },
): Promise<{ stdout: string; ms: number }>;
