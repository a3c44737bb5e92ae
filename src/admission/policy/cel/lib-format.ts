// Kubernetes' format library (k8s.io/apiserver/pkg/cel/library/format.go, enabled from 1.31):
// named string formats (`format.dns1123Label()`, `format.named('uuid')`) whose `validate(s)` is
// optional.none for a valid string and otherwise the list of Kubernetes' messages.
import { Optional, type Environment } from '@marcbachmann/cel-js';
import { formatChecker } from '../../../apiextensions/structural/formats.js';
import { nameValidator } from '../../../validation/name-validators.js';
import { isQualifiedName, isValidLabelValue } from '../../../validation/names.js';
import { requestURIError } from './go-url.js';
import { registerNamespace } from './namespaces.js';

/** A CEL `kubernetes.NamedFormat`. */
class NamedFormat {
  readonly validate: (s: string) => string[];
  constructor(validate: (s: string) => string[]) {
    this.validate = validate;
  }
}

/** A strfmt format with the one message Kubernetes gives when a string does not match it. */
function strfmt(name: string, message: string): NamedFormat {
  const matches = formatChecker(name);
  if (!matches) throw new Error(`no strfmt checker for ${name}`);
  return new NamedFormat((s) => (matches(s) ? [] : [message]));
}

const names = (kind: 'subdomain' | 'label' | 'dns1035-label', prefix: boolean): NamedFormat => {
  const validate = nameValidator(kind);
  return new NamedFormat((s) => validate(s, prefix));
};

/** ConstantFormats: the formats `format.named` knows, each also a `format.<name>()` function. */
const FORMATS: Record<string, NamedFormat> = {
  dns1123Label: names('label', false),
  dns1123Subdomain: names('subdomain', false),
  dns1035Label: names('dns1035-label', false),
  qualifiedName: new NamedFormat(isQualifiedName),
  dns1123LabelPrefix: names('label', true),
  dns1123SubdomainPrefix: names('subdomain', true),
  dns1035LabelPrefix: names('dns1035-label', true),
  labelValue: new NamedFormat(isValidLabelValue),
  uri: new NamedFormat((s) => {
    const err = requestURIError(s);
    return err === undefined ? [] : [err];
  }),
  uuid: strfmt('uuid', 'does not match the UUID format'),
  byte: strfmt('byte', 'invalid base64'),
  date: strfmt('date', 'invalid date'),
  datetime: strfmt('datetime', 'invalid datetime'),
};

const FORMAT_TYPE = 'kubernetes.NamedFormat';

function validate(format: NamedFormat, s: string): Optional<string[]> {
  const errs = format.validate(s);
  return errs.length ? Optional.of(errs) : Optional.none();
}

export function registerFormat(env: Environment): void {
  const format = registerNamespace(env, 'format');
  env.registerType(FORMAT_TYPE, NamedFormat);
  for (const [name, value] of Object.entries(FORMATS)) env.registerFunction(`${format}.${name}(): ${FORMAT_TYPE}`, () => value);
  env
    .registerFunction(`${format}.named(string): optional<${FORMAT_TYPE}>`, (_ns: unknown, name: string) => {
      const found = Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
      return found ? Optional.of(found) : Optional.none();
    })
    .registerFunction(`${FORMAT_TYPE}.validate(string): optional<list<string>>`, validate);
}
