// Kubernetes' URL library (k8s.io/apiserver/pkg/cel/library/urls.go): url(), isURL() and the
// parts of a parsed URL.
import type { Environment } from '@marcbachmann/cel-js';

/** A parsed absolute URL (Go's url.ParseRequestURI). */
export class KubeURL {
  readonly url: URL;
  constructor(url: URL) {
    this.url = url;
  }
}

function parse(text: string): URL | undefined {
  if (!URL.canParse(text)) return undefined;
  return new URL(text);
}

function url(text: string): KubeURL {
  const parsed = parse(text);
  if (!parsed) throw new Error(`URL parse error during conversion from string: parse "${text}": invalid URI for request`);
  return new KubeURL(parsed);
}

function query(u: KubeURL): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of u.url.searchParams) (out[k] ??= []).push(v);
  return out;
}

export function registerURL(env: Environment): void {
  env
    .registerType('URL', KubeURL)
    .registerFunction('url(string): URL', url)
    .registerFunction('isURL(string): bool', (s: string) => parse(s) !== undefined)
    .registerFunction('URL.getScheme(): string', (u: KubeURL) => u.url.protocol.replace(/:$/, ''))
    .registerFunction('URL.getHost(): string', (u: KubeURL) => u.url.host)
    .registerFunction('URL.getHostname(): string', (u: KubeURL) => u.url.hostname.replace(/^\[(.*)\]$/, '$1'))
    .registerFunction('URL.getPort(): string', (u: KubeURL) => u.url.port)
    .registerFunction('URL.getEscapedPath(): string', (u: KubeURL) => u.url.pathname)
    .registerFunction('URL.getQuery(): map<string, list<string>>', query);
}
