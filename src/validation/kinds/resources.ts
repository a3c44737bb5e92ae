// ValidateResourceRequirements for containers: standard resource names, non-negative quantities,
// and requests within limits (equal for resources that cannot be overcommitted).
import { invalid, required, type FieldError } from '../../api/field-errors.js';
import { parseQuantity } from '../../registry/core/quantity.js';
import { NEGATIVE } from './common.js';
import { obj, str, type Obj } from './values.js';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function quantityText(value: unknown): string {
  return typeof value === 'number' ? String(value) : str(value);
}

function isStandardName(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-');
}

/** helper.IsOvercommitAllowed: native compute resources other than hugepages. */
function overcommitAllowed(name: string): boolean {
  return (!name.includes('/') || name.startsWith('kubernetes.io/')) && !name.startsWith('hugepages-');
}

function nameAndValue(name: string, value: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!name.includes('/') && !isStandardName(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  const nanos = parseQuantity(quantityText(value));
  if (nanos !== undefined && nanos < 0n) errs.push(invalid(path, quantityText(value), NEGATIVE));
  return errs;
}

function requestWithinLimit(name: string, request: unknown, limits: Obj, path: string): FieldError[] {
  const limit = limits[name];
  if (limit === undefined) return overcommitAllowed(name) ? [] : [required(`${path}.limits`, 'Limit must be set for non overcommitable resources')];
  const req = parseQuantity(quantityText(request)) ?? 0n;
  const lim = parseQuantity(quantityText(limit)) ?? 0n;
  if (req !== lim && !overcommitAllowed(name)) {
    return [invalid(`${path}.requests`, quantityText(request), `must be equal to ${name} limit of ${quantityText(limit)}`)];
  }
  if (req > lim) return [invalid(`${path}.requests`, quantityText(request), `must be less than or equal to ${name} limit of ${quantityText(limit)}`)];
  return [];
}

export function validateResources(resources: unknown, path: string): FieldError[] {
  const res = obj(resources) ?? {};
  const limits = obj(res.limits) ?? {};
  const requests = obj(res.requests) ?? {};
  const errs: FieldError[] = [];
  for (const [name, value] of Object.entries(limits)) errs.push(...nameAndValue(name, value, `${path}.limits[${name}]`));
  for (const [name, value] of Object.entries(requests)) {
    errs.push(...nameAndValue(name, value, `${path}.requests[${name}]`), ...requestWithinLimit(name, value, limits, path));
  }
  return errs;
}
