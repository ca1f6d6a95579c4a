import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** The request fields the console's static files need (the local cloud's IncomingRequest has them). */
export interface ConsoleRequest {
  readonly method: string;
  readonly path: string;
}

export interface ConsoleResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

export interface StaticConsoleOptions {
  /** The Vite build's output (index.html and assets/). */
  readonly assetsDir: string;
  /**
   * True while `npm start` is (re)building the console: a missing index.html then means "wait", not "broken".
   * Default: the build's marker file (`<assetsDir>.building`) exists.
   */
  readonly isBuilding?: () => boolean;
}

/** Where the console's build lands, relative to the workspace root (git-ignored, like all of dist/). */
export const CONSOLE_BUILD_DIR = 'dist/local-cloud/console';
/** The file `npm start` keeps next to the build while it builds (tools/scripts/start-local-cloud.mjs). */
export const buildingMarkerOf = (assetsDir: string): string => `${resolve(assetsDir)}.building`;

/** Where the console is served from, next to the AWS wire protocols on the same port. */
export const CONSOLE_BASE = '/_console/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite names every asset after its content hash: a name never changes meaning, so browsers may keep it forever.
// index.html names the current ones, so it is revalidated on every load.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const problem = (status: number, title: string, detail: string): ConsoleResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  body: JSON.stringify({ type: 'about:blank', title, status, detail }),
});

// The page a browser sees while the console builds: it reloads itself until the build is there.
const BUILDING_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>Harbor local console</title></head>' +
  '<body><p>The console is building; this page reloads when it is ready.</p></body></html>';

/**
 * `GET /` answers the console's index.html and `GET /_console/<file>` its built files; anything else is not
 * ours (undefined), so POST / stays the AWS wire protocols. A path that leaves the build directory, or names a
 * file that is not there, is a 404.
 */
export function staticConsole(options: StaticConsoleOptions) {
  const root = resolve(options.assetsDir);
  const indexFile = join(root, 'index.html');
  const isBuilding = options.isBuilding ?? (() => existsSync(buildingMarkerOf(root)));

  async function serve(file: string, cacheControl: string, method: string): Promise<ConsoleResponse | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const body = method === 'HEAD' ? '' : await readFile(file);
    return {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheControl,
        'x-content-type-options': 'nosniff',
      },
      body,
    };
  }

  async function index(method: string): Promise<ConsoleResponse> {
    const page = await serve(indexFile, REVALIDATE, method);
    if (page) return page;
    if (isBuilding())
      return {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '1', 'cache-control': 'no-store' },
        body: BUILDING_PAGE,
      };
    return problem(
      503,
      'Console not built',
      `No console build in ${root}: run \`npx nx run local-cloud-console:build\` (npm start builds it when it is missing).`,
    );
  }

  return async function handleConsole(request: ConsoleRequest): Promise<ConsoleResponse | undefined> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (request.path === '/' || request.path === '/index.html' || request.path === CONSOLE_BASE)
      return index(request.method);
    if (!request.path.startsWith(CONSOLE_BASE)) return undefined;

    const notFound = problem(404, 'Not found', `The console has no file ${request.path}`);
    let relative: string;
    try {
      relative = decodeURIComponent(request.path.slice(CONSOLE_BASE.length));
    } catch {
      return notFound;
    }
    const file = resolve(root, relative);
    // Encoded `..`, backslashes and NUL bytes all end here: the file must sit inside the build directory.
    if (relative.includes('\0') || !file.startsWith(root + sep)) return notFound;
    if (relative === 'index.html') return index(request.method);
    if (!existsSync(root) && isBuilding())
      return {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' },
        body: 'console is building',
      };
    const cacheControl = relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
    return (await serve(file, cacheControl, request.method)) ?? notFound;
  };
}
