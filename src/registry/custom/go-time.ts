// A date cell's timestamp as metav1.Time.UnmarshalQueryParameter reads it: Go's
// time.Parse(time.RFC3339, …), which also takes a one-digit hour, a comma before the fraction
// and offsets up to 24:60.

/** Go's zero time.Time, 0001-01-01T00:00:00Z, in milliseconds since the epoch. */
export const GO_ZERO_TIME = utc(1, 1, 1, 0, 0, 0);

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or undefined where Go's parser fails. */
export function parseRFC3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const [offsetHours, offsetMinutes] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
  if (offsetHours > 24 || offsetMinutes > 60) return undefined;
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const fraction = m[7] ? Number(`0.${m[7].slice(0, 9)}`) * 1000 : 0;
  return utc(year, month, day, hour, minute, second) + fraction - offset;
}
