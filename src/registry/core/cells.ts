// Cell helpers several core printers share.

/** len() of a JSON map: 0 when absent. */
export function countKeys(map: unknown): number {
  return map && typeof map === 'object' ? Object.keys(map).length : 0;
}

/** len() of a JSON list: 0 when absent. */
export function countItems(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}
