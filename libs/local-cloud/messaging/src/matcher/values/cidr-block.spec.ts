import { cidrContains, parseCidrBlock } from './cidr-block';
import { parseIpAddress } from './ip-address';

function contains(cidr: string, address: string): boolean {
  const parsed = parseCidrBlock(cidr);
  const ip = parseIpAddress(address);
  if ('problem' in parsed || ip === undefined) throw new Error(`bad input ${cidr} ${address}`);
  return cidrContains(parsed.block, ip);
}

describe('IP addresses and CIDR blocks', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.0', true],
    ['10.0.0.0/24', '10.0.0.255', true],
    ['10.0.0.0/24', '10.0.1.0', false],
    ['10.0.0.5/24', '10.0.0.200', true],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['192.168.1.7/32', '192.168.1.7', true],
    ['192.168.1.7/32', '192.168.1.8', false],
    ['2001:db8::/32', '2001:0db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::', false],
    ['::1/128', '0:0:0:0:0:0:0:1', true],
    ['::ffff:0:0/96', '::ffff:10.0.0.1', true],
    ['fe80::/10', 'FE80::1', true],
  ])('%s contains %s: %s', (cidr, address, expected) => {
    expect(contains(cidr, address)).toBe(expected);
  });

  it.each([
    '10.0.0',
    '10.0.0.0.0',
    '010.0.0.1',
    '256.0.0.1',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '12345::',
    'g::1',
    '1:2:3:4:5:6:7',
  ])('rejects the nonstandard address "%s"', (address) => {
    expect(parseIpAddress(address)).toBeUndefined();
  });

  it('accepts the full and compressed forms of the same IPv6 address as equal', () => {
    expect(parseIpAddress('2001:db8::1')).toEqual(parseIpAddress('2001:0db8:0000:0000:0000:0000:0000:0001'));
  });

  it('explains malformed blocks with AWS wording', () => {
    expect(parseCidrBlock('10.0.0.0/x')).toEqual({
      problem: '"10.0.0.0/x" is not a CIDR block: the mask bits must be an integer',
      awsReason: 'Malformed CIDR, mask bits must be an integer',
    });
    expect(parseCidrBlock('2001:db8::/129')).toMatchObject({
      problem: '"2001:db8::/129" has 129 mask bits; an IPv6 mask has at most 128',
    });
  });
});
