// allOf, anyOf, oneOf and not, as kube-openapi's schemaPropsValidator checks them: each branch is
// validated on its own; a failed anyOf/oneOf reports its composite message and the errors of the
// branch that came closest (kube-openapi picks it by match count, here by fewest errors).
import type { FieldError } from '../../api/field-errors.js';
import { compositeError } from './openapi-errors.js';
import type { CRDSchema } from './schema.js';

type Run = (branch: CRDSchema) => FieldError[];
type Add = (e: FieldError) => void;

/** The errors of the branch with the fewest, the first of equals. */
function closest(results: FieldError[][]): FieldError[] {
  return results.reduce((best, r) => (r.length < best.length ? r : best));
}

function checkAnyOf(branches: CRDSchema[], name: string, add: Add, run: Run): void {
  const results: FieldError[][] = [];
  for (const branch of branches) {
    const errs = run(branch);
    if (!errs.length) return;
    results.push(errs);
  }
  add(compositeError(name, 'must validate at least one schema (anyOf)'));
  closest(results).forEach(add);
}

function checkOneOf(branches: CRDSchema[], name: string, add: Add, run: Run): void {
  const results = branches.map(run);
  const valid = results.filter((r) => !r.length).length;
  if (valid === 1) return;
  add(compositeError(name, `must validate one and only one schema (oneOf). ${valid ? `Found ${valid} valid alternatives` : 'Found none valid'}`));
  if (!valid) closest(results).forEach(add);
}

function checkAllOf(branches: CRDSchema[], name: string, add: Add, run: Run): void {
  let valid = 0;
  for (const branch of branches) {
    const errs = run(branch);
    if (!errs.length) valid++;
    errs.forEach(add);
  }
  if (valid !== branches.length) add(compositeError(name, `must validate all the schemas (allOf)${valid ? '' : '. None validated'}`));
}

export function validateComposition(s: CRDSchema, name: string, add: Add, run: Run): void {
  if (s.anyOf?.length) checkAnyOf(s.anyOf, name, add, run);
  if (s.oneOf?.length) checkOneOf(s.oneOf, name, add, run);
  if (s.allOf?.length) checkAllOf(s.allOf, name, add, run);
  if (s.not && !run(s.not).length) add(compositeError(name, 'must not validate the schema (not)'));
}
