// apiextensions.k8s.io/v1: CustomResourceDefinition, the kind that declares custom resources. Its
// types, v1 shape as validation reads it (internal.ts), validation (validation.ts and the
// validate-* files it calls, the structural schema check coming from src/apiextensions/structural)
// and its declaration. Serving the custom resources themselves lives elsewhere.
import { validateStructuralSchema } from '../../apiextensions/structural/index.js';
import type { ResourceDefinition } from '../resource.js';
import { customResourceDefinitions } from './customresourcedefinitions.js';

export const apiextensionsResources: ResourceDefinition[] = [customResourceDefinitions(validateStructuralSchema)];
