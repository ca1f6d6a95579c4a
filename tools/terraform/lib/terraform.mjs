// Runs terraform without a terminal, prompts or the version checkpoint, timing each call.
import { spawn } from 'node:child_process';

export class TerraformError extends Error {
  name = 'TerraformError';
}

/**
 * The environment of every terraform call: its own data dir, and the check's CLI configuration instead of the
 * user's (no credentials helpers or registry mirrors leak in; the plugin cache is the check's own).
 */
export function terraformEnv(dataDir, cliConfigFile) {
  return {
    ...process.env,
    TF_DATA_DIR: dataDir,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
}

/** @returns {Promise<{ stdout: string, ms: number }>} rejects with the command's whole output when it fails */
export function terraform(args, { cwd, env, label }) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', [...args], { cwd, env });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', (error) => reject(new TerraformError(`${label}: could not run terraform (${error.message})`)));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      const ms = performance.now() - started;
      if (code === 0) resolve({ stdout, ms });
      else
        reject(
          Object.assign(
            new TerraformError(`${label}: terraform ${args[0]} exited with ${code}\n${stdout}\n${stderr}`.trimEnd()),
            { step: args[0], ms },
          ),
        );
    });
  });
}
