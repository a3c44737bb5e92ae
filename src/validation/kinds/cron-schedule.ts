// cron.ParseStandard of robfig/cron v3, as far as its errors go: what CronJob validation reports
// for a bad spec.schedule.

interface Bounds {
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS: readonly Bounds[] = [{ min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS }, { min: 0, max: 6, names: DAYS }];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

class CronError extends Error {}

function parseInt(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new CronError(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${text}`);
  return n;
}

function intOrName(text: string, bounds: Bounds): number {
  const named = bounds.names?.indexOf(text.toLowerCase()) ?? -1;
  return named > 0 || (named === 0 && bounds.names === DAYS) ? named : parseInt(text);
}

function checkRange(expr: string, bounds: Bounds): void {
  const [range, ...steps] = expr.split('/');
  const lowHigh = range.split('-');
  let start: number;
  let end: number;
  if (lowHigh[0] === '*' || lowHigh[0] === '?') {
    [start, end] = [bounds.min, bounds.max];
  } else {
    start = intOrName(lowHigh[0], bounds);
    if (lowHigh.length > 2) throw new CronError(`too many hyphens: ${expr}`);
    end = lowHigh.length === 2 ? intOrName(lowHigh[1], bounds) : start;
  }
  if (steps.length > 1) throw new CronError(`too many slashes: ${expr}`);
  const step = steps.length ? parseInt(steps[0]) : 1;
  if (steps.length && lowHigh.length === 1) end = bounds.max;
  if (start < bounds.min) throw new CronError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new CronError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
}

function checkSchedule(schedule: string): void {
  let spec = schedule.trim();
  if (/^(CRON_)?TZ=/.test(spec)) spec = spec.slice(spec.indexOf(' ') + 1).trim();
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec) || spec.startsWith('@every ')) return;
    throw new CronError(`unrecognized descriptor: ${spec}`);
  }
  const fields = spec.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  fields.forEach((field, i) => field.split(',').forEach((expr) => checkRange(expr, FIELDS[i])));
}

/** The parser's error text, or undefined for a valid schedule. */
export function cronScheduleError(schedule: string): string | undefined {
  try {
    checkSchedule(schedule);
    return undefined;
  } catch (err) {
    if (err instanceof CronError) return err.message;
    throw err;
  }
}
