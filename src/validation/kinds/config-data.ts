// ValidateConfigMap and ValidateSecret: key names, the 1 MiB total, and the keys each Secret
// type requires. Immutability on update is shared with the strategies (immutable-data.ts).
import { invalid, required, tooLong, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { maxLenError, regexError } from '../names.js';
import { obj, str } from './values.js';

/** core.MaxSecretSize, the limit of ConfigMaps too. */
const MAX_SIZE = 1024 * 1024;
const KEY_MESSAGE = regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name');

/** validation.IsConfigMapKey */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) errs.push(KEY_MESSAGE);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function keyErrors(data: Record<string, unknown>, field: string): FieldError[] {
  return Object.keys(data).flatMap((key) => configMapKeyErrors(key).map((msg) => invalid(`${field}[${key}]`, key, msg)));
}

const base64Length = (value: unknown): number => Buffer.from(str(value), 'base64').length;

export function validateConfigMap(configMap: KubeObject): FieldError[] {
  const data = obj(configMap.data) ?? {};
  const binary = obj(configMap.binaryData) ?? {};
  const errs = keyErrors(data, 'data');
  for (const key of Object.keys(data)) if (Object.hasOwn(binary, key)) errs.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
  errs.push(...keyErrors(binary, 'binaryData'));
  const size = Object.values(data).reduce<number>((n, v) => n + Buffer.byteLength(str(v)), 0) + Object.values(binary).reduce<number>((n, v) => n + base64Length(v), 0);
  if (size > MAX_SIZE) errs.push(tooLong('[]', MAX_SIZE));
  return errs;
}

/** The data keys a Secret of each type must carry. */
function typeErrors(secret: KubeObject, data: Record<string, unknown>): FieldError[] {
  switch (str(secret.type)) {
    case 'kubernetes.io/service-account-token':
      return secret.metadata.annotations?.['kubernetes.io/service-account.name'] ? [] : [required('metadata.annotations[kubernetes.io/service-account.name]', '')];
    case 'kubernetes.io/dockercfg':
      return '.dockercfg' in data ? [] : [required('data[.dockercfg]', '')];
    case 'kubernetes.io/dockerconfigjson':
      return '.dockerconfigjson' in data ? [] : [required('data[.dockerconfigjson]', '')];
    case 'kubernetes.io/basic-auth':
      return 'username' in data || 'password' in data ? [] : [required('data[username]', ''), required('data[password]', '')];
    case 'kubernetes.io/ssh-auth':
      return base64Length(data['ssh-privatekey']) ? [] : [required('data[ssh-privatekey]', '')];
    case 'kubernetes.io/tls':
      return ['tls.crt', 'tls.key'].filter((k) => !(k in data)).map((k) => required(`data[${k}]`, ''));
    default:
      return [];
  }
}

export function validateSecret(secret: KubeObject): FieldError[] {
  const data = obj(secret.data) ?? {};
  const errs = keyErrors(data, 'data');
  if (Object.values(data).reduce<number>((n, v) => n + base64Length(v), 0) > MAX_SIZE) errs.push(tooLong('data', MAX_SIZE));
  errs.push(...typeErrors(secret, data));
  return errs;
}
