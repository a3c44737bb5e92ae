// Undoes the escaping openapi-generator applies to descriptions it writes into JSDoc comments.
const ENTITIES: Record<string, string> = { '&#39;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&#x60;': '`', '&amp;': '&' };

export function unescapeDoc(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .join('\n')
    .replace(/\\?(&#39;|&quot;|&lt;|&gt;|&#x60;|&amp;)/g, (_, e: string) => ENTITIES[e])
    .replace(/\\(['"\\])/g, '$1')
    .replace(/\*_\//g, '*/')
    .trim();
}
