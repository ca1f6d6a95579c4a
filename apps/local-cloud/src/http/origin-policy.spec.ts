import { checkOrigin } from './origin-policy';

const hosts = { allowedHosts: [], bindHost: '127.0.0.1' };

describe('checkOrigin (the AWS endpoint answers only its own pages and non-browser clients)', () => {
  it('answers clients that send no Origin (SDKs, the CLI, curl) and the console page itself', () => {
    expect(checkOrigin({}, 'POST', 4566, hosts)).toEqual({ ok: true });
    expect(
      checkOrigin({ origin: 'http://127.0.0.1:4566', 'sec-fetch-site': 'same-origin' }, 'POST', 4566, hosts),
    ).toEqual({ ok: true });
    expect(checkOrigin({ origin: 'http://localhost:4566' }, 'PUT', 4566, hosts)).toEqual({ ok: true });
  });

  it.each([
    'https://attacker.example',
    'null',
    'http://localhost:5173',
    'https://127.0.0.1:4566',
    'http://rebound.example:4566',
    'not a url',
  ])('refuses a request sent by the page at %s', (origin) => {
    expect(checkOrigin({ origin }, 'POST', 4566, hosts)).toMatchObject({
      ok: false,
      detail: expect.stringContaining(origin),
    });
  });

  // Browsers send no Origin on a cross-site <img>/<script> GET, but they do send Sec-Fetch-Site.
  it('refuses cross-site and same-site fetches without an Origin, but not a navigation to the console', () => {
    expect(
      checkOrigin({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }, 'GET', 4566, hosts),
    ).toMatchObject({ ok: false });
    expect(checkOrigin({ 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' }, 'GET', 4566, hosts)).toMatchObject({
      ok: false,
    });
    expect(
      checkOrigin({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }, 'POST', 4566, hosts),
    ).toMatchObject({ ok: false });
    expect(checkOrigin({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }, 'GET', 4566, hosts)).toEqual({
      ok: true,
    });
  });
});
