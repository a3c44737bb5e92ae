// The internal versions list as Go's field.Error prints it (`%#v`) in "must contain unique
// version names" and "must have exactly one version marked as storage version". Pointers print as
// made-up addresses: the real ones differ on every run.
import { goPointers, goSlice } from '../../api/go-format.js';
import type { InternalVersion } from './internal.js';
import type { CustomResourceColumnDefinition, SelectableField } from './types.js';

const PKG = 'apiextensions';

function column(c: CustomResourceColumnDefinition): string {
  const q = (s: string | undefined): string => JSON.stringify(s ?? '');
  return `${PKG}.CustomResourceColumnDefinition{Name:${q(c.name)}, Type:${q(c.type)}, Format:${q(c.format)}, Description:${q(c.description)}, Priority:${c.priority ?? 0}, JSONPath:${q(c.jsonPath)}}`;
}

function selectableField(f: SelectableField): string {
  return `${PKG}.SelectableField{JSONPath:${JSON.stringify(f.jsonPath ?? '')}}`;
}

/** `%#v` of []apiextensions.CustomResourceDefinitionVersion. */
export function goVersions(versions: readonly InternalVersion[] | undefined): string {
  const pointer = goPointers(0xc000a1c000, 0x80);
  const version = (v: InternalVersion): string =>
    `${PKG}.CustomResourceDefinitionVersion{Name:${JSON.stringify(v.name)}, Served:${v.served}, Storage:${v.storage}, Deprecated:${v.deprecated}, ` +
    `DeprecationWarning:${pointer('string', v.deprecationWarning !== undefined)}, ` +
    `Schema:${pointer(`${PKG}.CustomResourceValidation`, v.schema !== undefined)}, ` +
    `Subresources:${pointer(`${PKG}.CustomResourceSubresources`, v.subresources !== undefined)}, ` +
    `AdditionalPrinterColumns:${goSlice(`${PKG}.CustomResourceColumnDefinition`, v.additionalPrinterColumns, column)}, ` +
    `SelectableFields:${goSlice(`${PKG}.SelectableField`, v.selectableFields, selectableField)}}`;
  return goSlice(`${PKG}.CustomResourceDefinitionVersion`, versions, version);
}
