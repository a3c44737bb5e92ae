// ListOptions from a query string against apimachinery's parameter codec (runtime/conversion.go)
// and ValidateListOptions (apis/meta/internalversion/validation), as handlers/get.go reports
// them: NewInvalid(meta.k8s.io ListOptions, "", errs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseListOptions, parseResourceVersion, type ListOptions } from '../../../../src/registry/list-options.js';
import { statusOf } from './status-of.js';

function list(query: string): ListOptions {
  return parseListOptions(new URLSearchParams(query), false);
}

function invalidMessage(query: string, watchFromPath = false): string {
  const status = statusOf(() => parseListOptions(new URLSearchParams(query), watchFromPath));
  assert.equal(status.code, 422, query);
  assert.equal(status.reason, 'Invalid', query);
  return status.message ?? '';
}

const PREFIX = 'ListOptions.meta.k8s.io "" is invalid: ';

describe('parseListOptions: reading the query', () => {
  it('gives empty options for an empty query', () => {
    assert.deepEqual(list(''), {
      labelSelector: '',
      fieldSelector: '',
      limit: 0,
      continueToken: '',
      resourceVersion: '',
      resourceVersionMatch: '',
      watch: false,
      allowWatchBookmarks: false,
      sendInitialEvents: undefined,
      timeoutSeconds: undefined,
    });
  });

  it("reads kubectl's list query", () => {
    const o = list('fieldSelector=status.phase%3DPending&labelSelector=app%3Dx&limit=500&continue=abc');
    assert.equal(o.fieldSelector, 'status.phase=Pending');
    assert.equal(o.labelSelector, 'app=x');
    assert.equal(o.limit, 500);
    assert.equal(o.continueToken, 'abc');
  });

  it("reads an informer's watch query", () => {
    const o = list('allowWatchBookmarks=true&resourceVersion=1042&timeoutSeconds=411&watch=true');
    assert.equal(o.watch, true);
    assert.equal(o.allowWatchBookmarks, true);
    assert.equal(o.resourceVersion, '1042');
    assert.equal(o.timeoutSeconds, 411);
  });

  it('makes a /watch/ path a watch whatever the query says', () => {
    assert.equal(parseListOptions(new URLSearchParams(''), true).watch, true);
    assert.equal(parseListOptions(new URLSearchParams('watch=false'), true).watch, true);
  });

  it('reads watch=1 and watch=0', () => {
    assert.equal(list('watch=1').watch, true);
    assert.equal(list('watch=0').watch, false);
    assert.equal(list('watch=false').watch, false);
  });

  // runtime.Convert_Slice_string_To_bool: only "0" and "false" (any case) are false.
  it('reads booleans as apimachinery does', () => {
    assert.equal(list('watch=TRUE').watch, true);
    assert.equal(list('watch=yes').watch, true);
    assert.equal(list('watch=').watch, true);
    assert.equal(list('watch=FALSE').watch, false);
    assert.equal(list('allowWatchBookmarks=yes&watch=1').allowWatchBookmarks, true);
  });

  it('treats a negative limit as no limit', () => {
    assert.equal(list('limit=-5').limit, 0);
  });

  it('is 400 BadRequest for a limit or timeout that is not an integer', () => {
    for (const query of ['limit=abc', 'limit=1.5', 'timeoutSeconds=10s']) {
      const status = statusOf(() => list(query));
      assert.equal(status.code, 400, query);
      assert.equal(status.reason, 'BadRequest', query);
    }
  });

  it('keeps sendInitialEvents=false apart from an absent one', () => {
    assert.equal(parseListOptions(new URLSearchParams('sendInitialEvents=false&resourceVersionMatch=NotOlderThan'), true).sendInitialEvents, false);
    assert.equal(parseListOptions(new URLSearchParams(''), true).sendInitialEvents, undefined);
  });
});

describe('parseListOptions: ValidateListOptions for a list', () => {
  it('accepts the resourceVersion semantics kubectl and informers use', () => {
    assert.equal(list('resourceVersion=0').resourceVersion, '0');
    assert.equal(list('resourceVersion=5&resourceVersionMatch=Exact').resourceVersionMatch, 'Exact');
    assert.equal(list('resourceVersion=0&resourceVersionMatch=NotOlderThan').resourceVersionMatch, 'NotOlderThan');
  });

  const single: [string, string][] = [
    ['resourceVersionMatch=NotOlderThan', 'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided'],
    ['resourceVersion=5&resourceVersionMatch=NotOlderThan&continue=abc', 'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided'],
    ['resourceVersion=5&resourceVersionMatch=Foo', 'resourceVersionMatch: Unsupported value: "Foo": supported values: "Exact", "NotOlderThan", ""'],
    ['resourceVersion=0&resourceVersionMatch=Exact', 'resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"'],
    ['sendInitialEvents=true', 'sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list'],
    ['sendInitialEvents=false', 'sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list'],
  ];
  for (const [query, error] of single) {
    it(`refuses ${query}`, () => assert.equal(invalidMessage(query), PREFIX + error));
  }

  it('lists every problem, in validation order', () => {
    assert.equal(
      invalidMessage('resourceVersionMatch=Foo&continue=abc'),
      PREFIX +
        '[resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided, ' +
        'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided, ' +
        'resourceVersionMatch: Unsupported value: "Foo": supported values: "Exact", "NotOlderThan", ""]',
    );
  });

  it('reports sendInitialEvents after the resourceVersionMatch problems', () => {
    assert.equal(
      invalidMessage('resourceVersionMatch=Exact&sendInitialEvents=true'),
      PREFIX +
        '[resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided, ' +
        'sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list]',
    );
  });

  it('carries one cause per problem, with the field and the error body', () => {
    const status = statusOf(() => list('resourceVersionMatch=NotOlderThan'));
    assert.equal(status.details?.group, 'meta.k8s.io');
    assert.equal(status.details?.kind, 'ListOptions');
    assert.deepEqual(status.details?.causes, [
      { reason: 'FieldValueForbidden', message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided', field: 'resourceVersionMatch' },
    ]);
  });

  // metav1.StatusDetails.Name is `json:"name,omitempty"`: NewInvalid(..., "", errs) has no name.
  it('leaves details.name out when the name is empty', () => {
    const status = statusOf(() => list('resourceVersionMatch=NotOlderThan'));
    assert.equal(Object.hasOwn(status.details ?? {}, 'name'), false);
  });
});

describe('parseListOptions: ValidateListOptions for a watch', () => {
  function watch(query: string): ListOptions {
    return parseListOptions(new URLSearchParams(`watch=1&${query}`), false);
  }

  it('accepts a streaming list (sendInitialEvents with NotOlderThan)', () => {
    const o = watch('sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true');
    assert.equal(o.sendInitialEvents, true);
    assert.equal(o.resourceVersionMatch, 'NotOlderThan');
  });

  it('accepts a plain watch from a resourceVersion', () => {
    assert.equal(watch('resourceVersion=12').resourceVersion, '12');
  });

  const single: [string, string][] = [
    ['sendInitialEvents=true', 'resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'],
    ['resourceVersionMatch=NotOlderThan', 'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'],
  ];
  for (const [query, error] of single) {
    it(`refuses ${query}`, () => assert.equal(invalidMessage(`watch=true&${query}`), PREFIX + error));
  }

  it('refuses Exact with sendInitialEvents, twice over', () => {
    assert.equal(
      invalidMessage('watch=true&sendInitialEvents=true&resourceVersionMatch=Exact&resourceVersion=5'),
      PREFIX +
        '[resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, ' +
        'resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]',
    );
  });

  it('refuses resourceVersionMatch with continue on a watch', () => {
    assert.equal(
      invalidMessage('sendInitialEvents=true&resourceVersionMatch=NotOlderThan&continue=abc', true),
      PREFIX + 'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided',
    );
  });
});

describe('parseResourceVersion', () => {
  it('reads "" and "0" as any revision', () => {
    assert.equal(parseResourceVersion(''), undefined);
    assert.equal(parseResourceVersion('0'), undefined);
  });

  it('reads a decimal revision', () => {
    assert.equal(parseResourceVersion('1042'), 1042);
  });

  it('is 400 BadRequest for anything else', () => {
    for (const rv of ['abc', '-1', '1.5', ' 5']) {
      const status = statusOf(() => parseResourceVersion(rv));
      assert.equal(status.code, 400, rv);
      assert.equal(status.reason, 'BadRequest', rv);
    }
  });
});
