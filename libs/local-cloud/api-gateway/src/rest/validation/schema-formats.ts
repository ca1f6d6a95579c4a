import { isIPv4, isIPv6 } from 'node:net';
import { schemaMessages } from './schema-messages';

/** Formats the validator checks; any other `format` (int32, binary, password...) is ignored, as by API Gateway. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,12})?([Zz]|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const HOSTNAME =
  /^(?=.{1,255}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const validDateTime = (value: string): boolean => {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [month, day, hour, minute, second] = [match[2], match[3], match[4], match[5], match[6]].map(Number);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    !Number.isNaN(Date.parse(value))
  );
};

const validUri = (value: string): boolean => {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
};

export type FormatCheck = (value: string) => string | undefined;

export const FORMAT_CHECKS: Readonly<Record<string, FormatCheck>> = {
  'date-time': (value) => (validDateTime(value) ? undefined : schemaMessages.dateTime(value)),
  uuid: (value) => (UUID.test(value) ? undefined : schemaMessages.uuid(value)),
  email: (value) => (EMAIL.test(value) ? undefined : schemaMessages.email(value)),
  ipv4: (value) => (isIPv4(value) ? undefined : `string ${JSON.stringify(value)} is not a valid IPv4 address`),
  ipv6: (value) => (isIPv6(value) ? undefined : `string ${JSON.stringify(value)} is not a valid IPv6 address`),
  hostname: (value) => (HOSTNAME.test(value) ? undefined : `string ${JSON.stringify(value)} is not a valid hostname`),
  uri: (value) => (validUri(value) ? undefined : `string ${JSON.stringify(value)} is not a valid URI`),
};
