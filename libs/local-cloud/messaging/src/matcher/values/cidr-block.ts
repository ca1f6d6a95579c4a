import { ADDRESS_BITS, type IpAddress, parseIpAddress } from './ip-address';

/** A network as `cidr` takes it: `10.0.0.0/24`, `2001:db8::/32`. Host bits are ignored, as AWS masks them. */
export interface CidrBlock {
  readonly family: 4 | 6;
  readonly prefixBits: number;
  readonly network: bigint;
}

export type CidrParseResult = { readonly block: CidrBlock } | { readonly problem: string; readonly awsReason: string };

export function parseCidrBlock(text: string): CidrParseResult {
  const parts = text.split('/');
  if (parts.length !== 2) {
    return {
      problem: `"${text}" is not a CIDR block: exactly one "/" is required`,
      awsReason: "Malformed CIDR, one '/' required",
    };
  }
  const [addressText = '', bitsText = ''] = parts;
  if (!/^\d+$/.test(bitsText)) {
    return {
      problem: `"${text}" is not a CIDR block: the mask bits must be an integer`,
      awsReason: 'Malformed CIDR, mask bits must be an integer',
    };
  }
  const address = parseIpAddress(addressText);
  if (address === undefined) {
    return {
      problem: `"${addressText}" is not a standard IPv4 or IPv6 address`,
      awsReason: `Nonstandard IP address: ${addressText}`,
    };
  }
  const prefixBits = Number(bitsText);
  const width = ADDRESS_BITS[address.family];
  if (prefixBits > width) {
    return {
      problem: `"${text}" has ${prefixBits} mask bits; an IPv${address.family} mask has at most ${width}`,
      awsReason: `Malformed CIDR, mask bits must be between 0 and ${width}`,
    };
  }
  return { block: { family: address.family, prefixBits, network: networkOf(address, prefixBits) } };
}

export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  return address.family === block.family && networkOf(address, block.prefixBits) === block.network;
}

function networkOf(address: IpAddress, prefixBits: number): bigint {
  const hostBits = BigInt(ADDRESS_BITS[address.family] - prefixBits);
  return address.value >> hostBits;
}
