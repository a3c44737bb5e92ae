// k8s.io/apiserver pkg/util/webhook's validation of a webhook's client config, which the CRD
// conversion webhook and the admission webhook configurations share: ValidateWebhookURL,
// ValidateWebhookService and ValidateCABundle (client-go's reading of CA data).
import { X509Certificate } from 'node:crypto';
import { invalid, required, type FieldError } from '../api/field-errors.js';
import { goBytes } from '../api/go-format.js';
import { isDNS1123Subdomain } from './names.js';

const FORM = '; desired format: https://host[/path]';

interface ParsedURL {
  scheme: string;
  user?: string;
  host: string;
  rawQuery: string;
  fragment: string;
}

/** The parts of Go's url.Parse that the checks read; a string on Go's parse errors. */
function parseURL(raw: string): ParsedURL | string {
  if (/[\x00-\x1f\x7f]/.test(raw)) return `parse ${JSON.stringify(raw)}: net/url: invalid control character in URL`;
  if (raw.startsWith(':')) return `parse ${JSON.stringify(raw)}: missing protocol scheme`;
  const hashAt = raw.indexOf('#');
  const fragment = hashAt < 0 ? '' : raw.slice(hashAt + 1);
  let rest = hashAt < 0 ? raw : raw.slice(0, hashAt);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest)?.[1] ?? '';
  if (scheme) rest = rest.slice(scheme.length + 1);
  const queryAt = rest.indexOf('?');
  const rawQuery = queryAt < 0 ? '' : rest.slice(queryAt + 1);
  if (queryAt >= 0) rest = rest.slice(0, queryAt);
  if (!rest.startsWith('//')) return { scheme: scheme.toLowerCase(), host: '', rawQuery, fragment };
  const authority = rest.slice(2).split('/')[0];
  const at = authority.lastIndexOf('@');
  return { scheme: scheme.toLowerCase(), user: at < 0 ? undefined : authority.slice(0, at), host: authority.slice(at + 1), rawQuery, fragment };
}

export function validateWebhookURL(path: string, raw: string): FieldError[] {
  const u = parseURL(raw);
  if (typeof u === 'string') return [required(path, `url must be a valid URL: ${u}${FORM}`)];
  const errs: FieldError[] = [];
  if (u.scheme !== 'https') errs.push(invalid(path, u.scheme, `'https' is the only allowed URL scheme${FORM}`));
  if (!u.host) errs.push(invalid(path, u.host, `host must be specified${FORM}`));
  if (u.user !== undefined) errs.push(invalid(path, u.user, 'user information is not permitted in the URL'));
  if (u.fragment) errs.push(invalid(path, u.fragment, 'fragments are not permitted in the URL'));
  if (u.rawQuery) errs.push(invalid(path, u.rawQuery, 'query parameters are not permitted in the URL'));
  return errs;
}

function servicePath(path: string, urlPath: string): FieldError[] {
  if (urlPath === '/' || !urlPath) return [];
  if (urlPath === '//') return [invalid(path, urlPath, 'segment[0] may not be empty')];
  const errs = urlPath.startsWith('/') ? [] : [invalid(path, urlPath, "must start with a '/'")];
  const steps = urlPath.slice(1).replace(/\/$/, '').split('/');
  steps.forEach((step, i) => {
    if (!step) errs.push(invalid(path, urlPath, `segment[${i}] may not be empty`));
    else for (const msg of isDNS1123Subdomain(step)) errs.push(invalid(path, urlPath, `segment[${i}]: ${msg}`));
  });
  return errs;
}

/**
 * ValidateWebhookService(fldPath, namespace, name, path, port). Its callers (CRD conversion and
 * admission webhooks alike) pass the service's name as `namespace` and its namespace as `name`,
 * so the messages are crossed.
 */
export function validateWebhookService(path: string, namespace: string, name: string, urlPath: string | undefined, port: number): FieldError[] {
  const errs: FieldError[] = [];
  if (!name) errs.push(required(`${path}.name`, 'service name is required'));
  if (!namespace) errs.push(required(`${path}.namespace`, 'service namespace is required'));
  if (!Number.isInteger(port) || port < 1 || port > 65535) errs.push(invalid(`${path}.port`, port, 'port is not valid: must be between 1 and 65535, inclusive'));
  return urlPath === undefined ? errs : [...errs, ...servicePath(`${path}.path`, urlPath)];
}

const PEM_BLOCKS = /-----BEGIN ([^-\r\n]*)-----\r?\n([\s\S]*?)-----END \1-----/g;

function parses(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why client-go cannot build a root pool from the bundle (createErrorParsingCAData), or undefined
 * when one certificate loads. Blocks with headers or of other types are skipped.
 */
function caDataError(data: string): string | undefined {
  const blocks = [...data.matchAll(PEM_BLOCKS)];
  const certs = blocks.filter((b) => b[1] === 'CERTIFICATE' && !b[2].includes(':')).map((b) => b[0]);
  if (certs.some(parses)) return undefined;
  if (certs.length) return 'failed to parse certificate: x509: malformed certificate';
  const last = blocks.at(-1);
  const rest = last ? data.slice((last.index ?? 0) + last[0].length) : data;
  return rest ? 'unable to parse bytes as PEM block' : 'no valid certificate authority data seen';
}

/** ValidateCABundle: the bundle must hold a certificate client-go can load. */
export function validateCABundle(path: string, caBundle: string): FieldError[] {
  const bytes = Buffer.from(caBundle, 'base64');
  const problem = caDataError(bytes.toString('latin1'));
  if (!problem) return [];
  return [{ type: 'FieldValueInvalid', field: path, rendered: goBytes(bytes), detail: `unable to load root certificates: ${problem}` }];
}
