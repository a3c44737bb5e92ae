// The string formats a CRD schema validates (apiextensions' supportedFormats, checked by
// kube-openapi's strfmt registry). Every other format, int32/int64/float/double included, is
// stripped from the schema before validation and so checks nothing. Format names are matched
// with their dashes removed, as go-openapi normalizes them (`date-time` is `datetime`).
import { isIP } from 'node:net';

const rxUUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const rxUUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const rxUUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const rxUUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const rxHostname =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;
const rxEmail = /^(?:[^<>@\s]+@[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+>)$/;
const rxCreditCard =
  /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;
const rxISBN10 = /^(?:[0-9]{9}X|[0-9]{10})$/;
const rxISBN13 = /^(?:[0-9]{13})$/;
const rxSSN = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const rxHexColor = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const rxRGBColor = /^rgb\(\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*\)$/;
const rxMAC = /^(?:[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5}|[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){7}|[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){19}|[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4}){2}|[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4}){3}|[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4}){9})$/;
const rxDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const rxDateTime = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;
const rxGoDuration = /^[-+]?(\d*\.?\d+(ns|us|µs|μs|ms|s|m|h))+$/;
const rxScalaDuration = /^\d+\s*(ns|nanos?|nanoseconds?|us|micros?|microseconds?|ms|millis?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)$/i;
const rxBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function validDate(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

function isDate(s: string): boolean {
  const m = rxDate.exec(s);
  return m !== null && validDate(m[1], m[2], m[3]);
}

function isDateTime(s: string): boolean {
  const m = rxDateTime.exec(s);
  if (!m || !validDate(m[1], m[2], m[3])) return false;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

/** Go's net.ParseRequestURI: an absolute URI, or an absolute path. */
function isURI(s: string): boolean {
  if (s.startsWith('/')) return !/\s/.test(s);
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(s);
}

function isCIDR(s: string): boolean {
  const [ip, bits, ...rest] = s.split('/');
  if (rest.length || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  const family = isIP(ip);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}

function isISBN(s: string): boolean {
  const digits = s.replace(/[\s-]/g, '');
  return rxISBN10.test(digits) || rxISBN13.test(digits);
}

const checkers: Record<string, (s: string) => boolean> = {
  bsonobjectid: (s) => /^[0-9a-fA-F]{24}$/.test(s),
  uri: isURI,
  email: (s) => rxEmail.test(s),
  hostname: (s) => s.length <= 255 && rxHostname.test(s),
  ipv4: (s) => isIP(s) !== 0 && s.includes('.'),
  ipv6: (s) => isIP(s) !== 0 && s.includes(':'),
  cidr: isCIDR,
  mac: (s) => rxMAC.test(s),
  uuid: (s) => rxUUID.test(s),
  uuid3: (s) => rxUUID3.test(s),
  uuid4: (s) => rxUUID4.test(s),
  uuid5: (s) => rxUUID5.test(s),
  isbn: isISBN,
  isbn10: (s) => rxISBN10.test(s.replace(/[\s-]/g, '')),
  isbn13: (s) => rxISBN13.test(s.replace(/[\s-]/g, '')),
  creditcard: (s) => rxCreditCard.test(s.replace(/\D/g, '')),
  ssn: (s) => rxSSN.test(s),
  hexcolor: (s) => rxHexColor.test(s),
  rgbcolor: (s) => rxRGBColor.test(s),
  byte: (s) => s.length % 4 === 0 && rxBase64.test(s),
  password: () => true,
  date: isDate,
  duration: (s) => rxGoDuration.test(s) || rxScalaDuration.test(s) || s === '0',
  datetime: isDateTime,
};

/** The checker of a format CRDs validate, or undefined when the format is stripped. */
export function formatChecker(format: string | undefined): ((s: string) => boolean) | undefined {
  return format ? checkers[format.replaceAll('-', '')] : undefined;
}
