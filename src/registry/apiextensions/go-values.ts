// Values as Go's field.Error prints those it has no simple form for (`%#v`): the internal versions
// list of "must have exactly one version marked as storage version", and a caBundle's bytes.
// Pointers print as addresses in Go; these are made up, as the real ones differ on every run.
import type { InternalVersion } from './internal.js';
import type { CustomResourceColumnDefinition, SelectableField } from './types.js';

const PKG = 'apiextensions';

function slice<T>(type: string, items: readonly T[] | undefined, render: (item: T) => string): string {
  if (!items) return `[]${type}(nil)`;
  return `[]${type}{${items.map(render).join(', ')}}`;
}

function column(c: CustomResourceColumnDefinition): string {
  const q = (s: string | undefined): string => JSON.stringify(s ?? '');
  return `${PKG}.CustomResourceColumnDefinition{Name:${q(c.name)}, Type:${q(c.type)}, Format:${q(c.format)}, Description:${q(c.description)}, Priority:${c.priority ?? 0}, JSONPath:${q(c.jsonPath)}}`;
}

function selectableField(f: SelectableField): string {
  return `${PKG}.SelectableField{JSONPath:${JSON.stringify(f.jsonPath ?? '')}}`;
}

/** `%#v` of []apiextensions.CustomResourceDefinitionVersion. */
export function goVersions(versions: readonly InternalVersion[] | undefined): string {
  let address = 0xc000a1c000;
  const pointer = (type: string, present: boolean): string => {
    if (!present) return `(*${type})(nil)`;
    address += 0x80;
    return `(*${type})(0x${address.toString(16)})`;
  };
  const version = (v: InternalVersion): string =>
    `${PKG}.CustomResourceDefinitionVersion{Name:${JSON.stringify(v.name)}, Served:${v.served}, Storage:${v.storage}, Deprecated:${v.deprecated}, ` +
    `DeprecationWarning:${pointer('string', v.deprecationWarning !== undefined)}, ` +
    `Schema:${pointer(`${PKG}.CustomResourceValidation`, v.schema !== undefined)}, ` +
    `Subresources:${pointer(`${PKG}.CustomResourceSubresources`, v.subresources !== undefined)}, ` +
    `AdditionalPrinterColumns:${slice(`${PKG}.CustomResourceColumnDefinition`, v.additionalPrinterColumns, column)}, ` +
    `SelectableFields:${slice(`${PKG}.SelectableField`, v.selectableFields, selectableField)}}`;
  return slice(`${PKG}.CustomResourceDefinitionVersion`, versions, version);
}

/** `%#v` of a []byte: `[]byte{0x2d, 0x2d}`. */
export function goBytes(bytes: Uint8Array): string {
  return `[]byte{${Array.from(bytes, (b) => `0x${b.toString(16)}`).join(', ')}}`;
}

/** `%#v` of a []string, telling nil from empty. */
export function goStrings(values: readonly string[] | undefined): string {
  return slice('string', values, (s) => JSON.stringify(s));
}
