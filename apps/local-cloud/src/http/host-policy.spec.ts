import { checkHost, parseAllowedHosts, parseHostHeader } from './host-policy';

const loopbackOnly = { allowedHosts: [], bindHost: '127.0.0.1' };

describe('checkHost', () => {
  it.each([
    '127.0.0.1:4566',
    'localhost:4566',
    'LOCALHOST:4566',
    '[::1]:4566',
    '127.0.0.2:4566',
    'console.localhost:4566',
  ])('answers the loopback name %s on its own port', (host) => {
    expect(checkHost(host, 4566, loopbackOnly)).toEqual({ ok: true });
  });

  // A DNS-rebinding page reaches 127.0.0.1 under the attacker's own name.
  it.each([
    'rebound.example:4566',
    '127.0.0.1.nip.example:4566',
    'localhost.example:4566',
    '0.0.0.0:4566',
    '[::ffff:7f00:1]:4566',
    '10.0.0.5:4566',
  ])('refuses %s with 403, naming the setting', (host) => {
    expect(checkHost(host, 4566, loopbackOnly)).toMatchObject({
      ok: false,
      status: 403,
      code: 'LOCAL.HOST_NOT_ALLOWED',
      detail: expect.stringContaining('HARBOR_ALLOWED_HOSTS'),
    });
  });

  it.each([undefined, '', 'a b', 'localhost:99999', 'localhost:4566:1', '[::1'])(
    'refuses the malformed Host %p with 403',
    (host) => {
      expect(checkHost(host, 4566, loopbackOnly)).toMatchObject({ ok: false, status: 403 });
    },
  );

  // RFC 9110 §15.5.20: a request for another authority is misdirected, not served.
  it('answers 421 for a loopback name with another port, or none', () => {
    expect(checkHost('localhost:3000', 4566, loopbackOnly)).toMatchObject({
      ok: false,
      status: 421,
      code: 'LOCAL.MISDIRECTED_REQUEST',
    });
    expect(checkHost('localhost', 4566, loopbackOnly)).toMatchObject({ ok: false, status: 421 });
    expect(checkHost('localhost', 80, loopbackOnly)).toEqual({ ok: true });
  });

  it('answers names allowed on purpose on any port, subdomains with a leading dot', () => {
    const policy = { allowedHosts: parseAllowedHosts(' Dev.Box , .lan.example '), bindHost: '127.0.0.1' };
    expect(checkHost('dev.box:8080', 4566, policy)).toEqual({ ok: true });
    expect(checkHost('a.lan.example:4566', 4566, policy)).toEqual({ ok: true });
    expect(checkHost('lan.example:4566', 4566, policy)).toEqual({ ok: true });
    expect(checkHost('evil-lan.example:4566', 4566, policy)).toMatchObject({ ok: false, status: 403 });
    expect(checkHost('sub.dev.box:4566', 4566, policy)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers the address it was told to bind, but never a wildcard bind', () => {
    expect(checkHost('192.168.1.20:4566', 4566, { allowedHosts: [], bindHost: '192.168.1.20' })).toEqual({ ok: true });
    expect(checkHost('0.0.0.0:4566', 4566, { allowedHosts: [], bindHost: '0.0.0.0' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(checkHost('rebound.example:4566', 4566, { allowedHosts: [], bindHost: '0.0.0.0' })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('parseHostHeader', () => {
  it('splits names, IPv6 literals and ports', () => {
    expect(parseHostHeader('Example.com:80')).toEqual({ name: 'example.com', port: 80 });
    expect(parseHostHeader('[::1]:3000')).toEqual({ name: '[::1]', port: 3000 });
    expect(parseHostHeader('[::1]')).toEqual({ name: '[::1]', port: undefined });
    expect(parseHostHeader('::1')).toBeUndefined();
  });
});
