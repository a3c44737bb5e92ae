// ValidateCustomResourceDefinitionNames: spec.names and status.acceptedNames. Plural, singular,
// short names and categories are DNS-1035 labels; kind and listKind are too once lowercased.
import { invalid, required, type FieldError } from '../../api/field-errors.js';
import { isDNS1035Label } from '../../validation/names.js';
import type { CustomResourceDefinitionNames } from './types.js';

const MIXED_CASE = 'may have mixed case, but should otherwise match: ';

function label(path: string, value: string | undefined, check: string = value ?? '', prefix = ''): FieldError[] {
  if (!value) return [];
  const errs = isDNS1035Label(check);
  return errs.length ? [invalid(path, value, prefix + errs.join(','))] : [];
}

function labels(path: string, values: string[] | undefined): FieldError[] {
  return (values ?? []).flatMap((v, i) => {
    const errs = isDNS1035Label(v);
    return errs.length ? [invalid(`${path}[${i}]`, v, errs.join(','))] : [];
  });
}

export function validateNames(names: CustomResourceDefinitionNames, path: string): FieldError[] {
  const errs = [
    ...label(`${path}.plural`, names.plural),
    ...label(`${path}.singular`, names.singular),
    ...label(`${path}.kind`, names.kind, names.kind?.toLowerCase(), MIXED_CASE),
    ...label(`${path}.listKind`, names.listKind, names.listKind?.toLowerCase(), MIXED_CASE),
    ...labels(`${path}.shortNames`, names.shortNames),
  ];
  if (names.kind && names.kind === names.listKind) errs.push(invalid(`${path}.listKind`, names.listKind, 'kind and listKind may not be the same'));
  errs.push(...labels(`${path}.categories`, names.categories));
  return errs;
}

/** spec.names: some names are required in spec, though not in status. */
export function validateSpecNames(names: CustomResourceDefinitionNames, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['plural', 'singular', 'kind', 'listKind'] as const) if (!names[key]) errs.push(required(`${path}.${key}`, ''));
  return [...errs, ...validateNames(names, path)];
}
