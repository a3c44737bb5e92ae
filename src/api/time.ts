// Timestamps as metav1.Time serializes them.

let lastSecond = NaN;
let lastText = '';

/** RFC 3339 at second precision. Every write stamps one or more; writes within a second share the text. */
export function rfc3339(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    lastSecond = second;
  }
  return lastText;
}
