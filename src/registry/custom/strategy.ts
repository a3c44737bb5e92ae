// The rules of a custom resource's writes (apiextensions-apiserver pkg/registry/customresource
// strategy.go and validator.go): status dropped on create when /status owns it, generation on any
// change but metadata (and status), the schema's and the scale fields' validation, updates that
// must name their resourceVersion, creates refused while the CRD terminates.
import { newMethodNotSupported } from '../../api/errors.js';
import { invalid, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { finalizerWarnings, validateCustomResource, validateScale } from '../../apiextensions/structural/index.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from '../apiextensions/types.js';
import { deepEqual } from '../compare.js';
import type { ScalePaths, Strategy } from '../resource.js';

/** Everything but metadata, and status when /status owns it: what moves the generation. */
function contentChanged(obj: KubeObject, old: KubeObject, hasStatus: boolean): boolean {
  for (const field of new Set([...Object.keys(obj), ...Object.keys(old)])) {
    if (field === 'metadata' || (hasStatus && field === 'status')) continue;
    if (!deepEqual(obj[field], old[field])) return true;
  }
  return false;
}

export function strategyOf(crd: CustomResourceDefinition, version: CustomResourceDefinitionVersion, schema: Schema, terminating: () => boolean): Strategy {
  const hasStatus = Boolean(version.subresources?.status);
  const scale = scalePathsOf(version);
  // validator.go: the kind first (its errors alone), then the schema, then the scale fields (only
  // the status ones on a /status write).
  const kind = crd.status?.acceptedNames?.kind || crd.spec?.names?.kind || '';
  const validate = (obj: KubeObject, old?: KubeObject, isStatus = false): FieldError[] => {
    if (obj.kind !== kind) return [invalid('kind', obj.kind, `must be ${kind}`)];
    return [...validateCustomResource(schema, obj, old), ...(scale ? validateScale(obj, scale, isStatus) : [])];
  };
  return {
    prepareForCreate(obj) {
      if (terminating()) {
        const err = newMethodNotSupported({ group: crd.spec?.group ?? '', resource: crd.spec?.names?.plural ?? '' }, 'create');
        err.status.message = 'create not allowed while custom resource definition is terminating';
        throw err;
      }
      if (hasStatus) delete obj.status;
    },
    allowUnconditionalUpdate: false,
    generationChanged: (obj, old) => contentChanged(obj, old, hasStatus),
    validate: (obj) => validate(obj),
    validateUpdate: (obj, old) => validate(obj, old),
    validateStatusUpdate: (obj, old) => validate(obj, old, true),
    warnings: (obj, old) => finalizerWarnings(obj, old),
  };
}

/** Where the version's /scale reads and writes replicas and the selector, when it has /scale. */
export function scalePathsOf(version: CustomResourceDefinitionVersion): ScalePaths | undefined {
  const scale = version.subresources?.scale;
  return scale && { specReplicasPath: scale.specReplicasPath ?? '', statusReplicasPath: scale.statusReplicasPath ?? '', labelSelectorPath: scale.labelSelectorPath };
}
