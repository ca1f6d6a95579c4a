import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticConsole } from './static-console';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-build-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(dir, '..', 'outside-console.txt'), { force: true });
});

function build(): void {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset but inside the build');
  writeFileSync(join(dir, '..', 'outside-console.txt'), 'OUTSIDE-SECRET');
}

const get = (path: string, isBuilding = () => false) =>
  staticConsole({ assetsDir: dir, isBuilding })({ method: 'GET', path });

describe('staticConsole', () => {
  it('answers GET / with index.html, revalidated on every load', async () => {
    build();
    const response = await get('/');
    expect(response).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
    });
    expect(String(response!.body)).toContain('<title>console</title>');
    expect((await get('/_console/'))!.body).toEqual(response!.body);
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    build();
    expect(await get('/_console/assets/index-abc123.js')).toMatchObject({
      status: 200,
      headers: {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
      },
    });
    expect(await get('/_console/assets/index-abc123.css')).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/css; charset=utf-8' },
    });
  });

  it('answers a HEAD without a body', async () => {
    build();
    const response = await staticConsole({ assetsDir: dir })({
      method: 'HEAD',
      path: '/_console/assets/index-abc123.js',
    });
    expect(response).toMatchObject({ status: 200, body: '' });
  });

  it.each([
    '/_console/assets/missing.js',
    '/_console/../outside-console.txt',
    '/_console/..%2foutside-console.txt',
    '/_console/%2e%2e/outside-console.txt',
    '/_console/assets%00.js',
    '/_console/%E0%A4%A',
  ])('answers 404 problem+json for %s, never a file outside the build', async (path) => {
    build();
    const response = await get(path);
    expect(response).toMatchObject({ status: 404, headers: { 'content-type': 'application/problem+json' } });
    expect(String(response!.body)).not.toContain('OUTSIDE-SECRET');
  });

  it('leaves POST / and other paths to the AWS endpoint', async () => {
    build();
    const handle = staticConsole({ assetsDir: dir });
    expect(await handle({ method: 'POST', path: '/' })).toBeUndefined();
    expect(await handle({ method: 'GET', path: '/_local/routes' })).toBeUndefined();
  });

  it('says the console is building while npm start builds it, and how to build it otherwise', async () => {
    const building = await get('/', () => true);
    expect(building).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    expect(String(building!.body)).toContain('console is building');
    const missing = await get('/');
    expect(missing).toMatchObject({ status: 503, headers: { 'content-type': 'application/problem+json' } });
    expect(String(missing!.body)).toContain('local-cloud-console:build');
  });
});
