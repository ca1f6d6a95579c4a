import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Folders of build output, caches and data: never part of a scratch copy. */
const LOCAL_OUTPUT = /^(dist|tmp|coverage|\.nx|\.data)\//;

export interface ScratchWorkspace {
  readonly root: string;
  /** Runs a command in the scratch workspace; rejects with its output when it fails. */
  run(command: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv }): Promise<string>;
  remove(): void;
}

/** Nx in a scratch copy: no daemon, no cloud, no terminal UI, and a cache of its own. */
export function nxEnv(root: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_CACHE_DIRECTORY: join(root, '.nx', 'cache'),
    NX_WORKSPACE_DATA_DIRECTORY: join(root, '.nx', 'workspace-data'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Inherited from the Jest run that starts it, these would make the scratch run's own Jest think it is a child.
    JEST_WORKER_ID: undefined,
    NODE_ENV: undefined,
  };
}

/**
 * A copy of the workspace's source (tracked files and new ones not ignored, as `git ls-files` lists them; no
 * build output or caches) in a temporary folder, sharing node_modules through a symlink.
 */
export function createScratchWorkspace(workspaceRoot: string): ScratchWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'harbor-scratch-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: workspaceRoot,
    maxBuffer: 64 * 1024 * 1024,
  })
    .toString('utf8')
    .split('\0')
    .filter((file) => file && !LOCAL_OUTPUT.test(file));
  for (const file of listed) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    try {
      cpSync(join(workspaceRoot, file), join(root, file));
    } catch (error) {
      // A tracked file deleted in the working tree is not part of the workspace as it stands.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'), 'dir');

  const run = (command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(command, [...args], {
        cwd: root,
        env: { ...nxEnv(root), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const output: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        const text = Buffer.concat(output).toString('utf8');
        if (code === 0) resolve(text);
        else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${text.slice(-20_000)}`));
      });
    });
  return { root, run, remove: () => rmSync(root, { recursive: true, force: true }) };
}
