// Duplicate keys in a JSON body, which JSON.parse silently collapses (the last one wins) but
// kube-apiserver's strict decoder reports (`duplicate field "spec.replicas"`). A structural scan
// of text JSON.parse has already accepted: it tracks paths, builds no values.

/** Paths of the keys that appear twice in one object, as `spec.containers[0].name`. */
export function duplicateFields(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') return object(path);
    if (c === '[') return array(path);
    if (c === '"') {
      readString();
      return;
    }
    while (i < text.length && !',]} \n\r\t'.includes(text[i])) i++;
  };
  const object = (path: string): void => {
    const keys = new Set<string>();
    i++;
    skipSpace();
    if (text[i] === '}') return void i++;
    for (;;) {
      skipSpace();
      const key = readString();
      const child = path ? `${path}.${key}` : key;
      if (keys.has(key)) found.push(child);
      keys.add(key);
      skipSpace();
      i++; // ':'
      value(child);
      skipSpace();
      if (text[i++] === '}') return;
    }
  };
  const array = (path: string): void => {
    i++;
    skipSpace();
    if (text[i] === ']') return void i++;
    for (let index = 0; ; index++) {
      value(`${path}[${index}]`);
      skipSpace();
      if (text[i++] === ']') return;
    }
  };
  value('');
  return found;
}
