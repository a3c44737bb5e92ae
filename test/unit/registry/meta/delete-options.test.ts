// DeleteOptions against k8s.io/apiserver endpoints/handlers/delete.go (the body, or when there is
// none the query) and apimachinery's ValidateDeleteOptions, reported as
// NewInvalid(meta.k8s.io DeleteOptions, "", errs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeleteOptions } from '../../../../src/registry/delete-options.js';
import { statusOf } from './status-of.js';

const PREFIX = 'DeleteOptions.meta.k8s.io "" is invalid: ';

function fromQuery(query: string): ReturnType<typeof parseDeleteOptions> {
  return parseDeleteOptions(undefined, new URLSearchParams(query));
}

describe('parseDeleteOptions: reading options', () => {
  it('gives no options for no body and no query', () => {
    assert.deepEqual(fromQuery(''), { dryRun: false });
  });

  it("reads kubectl delete's body", () => {
    assert.deepEqual(parseDeleteOptions({ propagationPolicy: 'Background' }, new URLSearchParams()), {
      dryRun: false,
      propagationPolicy: 'Background',
    });
  });

  it('reads a body with every field', () => {
    const body = {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      gracePeriodSeconds: 0,
      preconditions: { uid: 'u-1', resourceVersion: '42' },
      propagationPolicy: 'Foreground',
      dryRun: ['All'],
    };
    assert.deepEqual(parseDeleteOptions(body, new URLSearchParams()), {
      dryRun: true,
      gracePeriodSeconds: 0,
      preconditions: { uid: 'u-1', resourceVersion: '42' },
      propagationPolicy: 'Foreground',
    });
  });

  it('reads the query when there is no body', () => {
    assert.deepEqual(fromQuery('gracePeriodSeconds=30&propagationPolicy=Orphan&dryRun=All'), {
      dryRun: true,
      gracePeriodSeconds: 30,
      propagationPolicy: 'Orphan',
    });
    assert.equal(fromQuery('orphanDependents=true').orphanDependents, true);
    assert.equal(fromQuery('orphanDependents=false').orphanDependents, false);
  });

  it('keeps a negative grace period for the strategy to judge', () => {
    assert.equal(fromQuery('gracePeriodSeconds=-1').gracePeriodSeconds, -1);
  });

  // handlers/delete.go decodes the body when there is one, and only otherwise the query.
  it('ignores the query when a body is sent', () => {
    const o = parseDeleteOptions({ propagationPolicy: 'Background' }, new URLSearchParams('gracePeriodSeconds=0&propagationPolicy=Orphan'));
    assert.equal(o.gracePeriodSeconds, undefined);
    assert.equal(o.propagationPolicy, 'Background');
  });

  // runtime.Convert_Slice_string_To_Pointer_bool: any value but "0" and "false" is true.
  it('reads query booleans as apimachinery does', () => {
    assert.equal(fromQuery('orphanDependents=1').orphanDependents, true);
    assert.equal(fromQuery('orphanDependents=yes').orphanDependents, true);
  });

  it('is 400 BadRequest for a query grace period that is not an integer', () => {
    const status = statusOf(() => fromQuery('gracePeriodSeconds=abc'));
    assert.equal(status.code, 400);
    assert.equal(status.reason, 'BadRequest');
  });
});

describe('parseDeleteOptions: ValidateDeleteOptions', () => {
  it('accepts each propagation policy', () => {
    for (const policy of ['Foreground', 'Background', 'Orphan']) {
      assert.equal(parseDeleteOptions({ propagationPolicy: policy }, new URLSearchParams()).propagationPolicy, policy);
    }
  });

  it('refuses an unknown propagation policy with 422', () => {
    const status = statusOf(() => parseDeleteOptions({ propagationPolicy: 'Eventually' }, new URLSearchParams()));
    assert.equal(status.code, 422);
    assert.equal(status.reason, 'Invalid');
    assert.equal(status.details?.kind, 'DeleteOptions');
    assert.equal(status.details?.group, 'meta.k8s.io');
    assert.equal(status.details?.causes?.[0]?.field, 'propagationPolicy');
    assert.equal(status.details?.causes?.[0]?.reason, 'FieldValueNotSupported');
  });

  it('names "nil" among the supported policies', () => {
    const status = statusOf(() => parseDeleteOptions({ propagationPolicy: 'Eventually' }, new URLSearchParams()));
    assert.equal(status.message, `${PREFIX}propagationPolicy: Unsupported value: "Eventually": supported values: "Foreground", "Background", "Orphan", "nil"`);
  });

  it('refuses orphanDependents together with propagationPolicy', () => {
    const status = statusOf(() => parseDeleteOptions({ orphanDependents: true, propagationPolicy: 'Background' }, new URLSearchParams()));
    assert.equal(status.code, 422);
    assert.equal(status.message, `${PREFIX}propagationPolicy: Invalid value: "Background": orphanDependents and deletionPropagation cannot be both set`);
  });

  it('refuses orphanDependents=false together with propagationPolicy too', () => {
    assert.equal(statusOf(() => parseDeleteOptions({ orphanDependents: false, propagationPolicy: 'Orphan' }, new URLSearchParams())).code, 422);
  });

  // ValidateDryRun: every dryRun value must be "All".
  it('refuses dryRun values other than All', () => {
    const status = statusOf(() => parseDeleteOptions({ dryRun: ['Foo'] }, new URLSearchParams()));
    assert.equal(status.code, 422);
    assert.equal(status.message, `${PREFIX}dryRun: Unsupported value: []string{"Foo"}: supported values: "All"`);
  });
});
