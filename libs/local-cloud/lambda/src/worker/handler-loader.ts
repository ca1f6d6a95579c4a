import Module from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InvokeError } from '../invoker';
import { describeReason, toInvokeError } from './invoke-error';
import type { WorkerBootData } from './worker-protocol';

export type LambdaHandler = (event: unknown, context: unknown, callback?: unknown) => unknown;

export type LoadedHandler =
  { readonly ok: true; readonly handler: LambdaHandler } | { readonly ok: false; readonly error: InvokeError };

// Node's CommonJS loader, used as `require` uses it, so the bundle's inline source map maps stack traces back.
interface CompilableModule {
  filename: string;
  paths: string[];
  exports: unknown;
  _compile(code: string, filename: string): void;
}
interface ModuleLoader {
  new (id: string): CompilableModule;
  _nodeModulePaths(directory: string): string[];
}

function compileBundle(boot: WorkerBootData): unknown {
  const Loader = Module as unknown as ModuleLoader;
  const module = new Loader(boot.bundleFile);
  module.filename = boot.bundleFile;
  module.paths = Loader._nodeModulePaths(dirname(boot.bundleFile));
  module._compile(boot.bundleCode, boot.bundleFile);
  return module.exports;
}

const MISSING_MODULE_CODES = new Set(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']);

const isMissingModule = (error: unknown): boolean =>
  error instanceof Error && MISSING_MODULE_CODES.has((error as NodeJS.ErrnoException).code ?? '');

/**
 * An ES module bundle is imported from the file it was written to, as Lambda imports an `.mjs` handler: its
 * packages load as ES modules (ESM-only ones included) and its top level may await. Each environment is a worker
 * with its own module cache, so a new environment imports the new code.
 */
const importBundle = async (boot: WorkerBootData): Promise<unknown> =>
  (await import(pathToFileURL(boot.bundleFile).href)) as unknown;

/** Loads the handler as the Node.js runtime's init phase does, with its error types. */
export async function loadHandler(boot: WorkerBootData): Promise<LoadedHandler> {
  let exported: unknown;
  try {
    exported = boot.format === 'esm' ? await importBundle(boot) : compileBundle(boot);
  } catch (error) {
    if (isMissingModule(error))
      return { ok: false, error: { errorType: 'Runtime.ImportModuleError', errorMessage: describeReason(error) } };
    return { ok: false, error: toInvokeError(error) };
  }
  const handler = (exported as Record<string, unknown> | null)?.[boot.handlerExport];
  if (typeof handler !== 'function') {
    return {
      ok: false,
      error: {
        errorType: 'Runtime.HandlerNotFound',
        errorMessage: `index.${boot.handlerExport} is undefined or not exported`,
      },
    };
  }
  return { ok: true, handler: handler as LambdaHandler };
}
