// Content negotiation against k8s.io/apiserver endpoints/handlers/negotiation and
// handlers/response.go, with the Accept headers real clients send (KUBECTL_WIRE.md §1).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentTypeOf, negotiate, negotiateObject, parseMediaRanges, type Representation } from '../../../src/server/negotiation.js';
import { statusOf } from '../registry/meta/status-of.js';

const GET = { list: false, watch: false };
const LIST = { list: true, watch: false };
const WATCH = { list: true, watch: true };

const JSON_OBJECT: Representation = { as: 'object', format: 'json' };
const YAML_OBJECT: Representation = { as: 'object', format: 'yaml' };
const TABLE_V1: Representation = { as: 'Table', version: 'v1', format: 'json' };

/** KUBECTL_WIRE.md §1: the Accept values kubectl 1.32 sends. */
const KUBECTL = {
  discovery:
    'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
  jsonOrAny: 'application/json, */*',
  table: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
  json: 'application/json',
  protobufOrJson: 'application/vnd.kubernetes.protobuf,application/json',
  protobufOrAny: 'application/vnd.kubernetes.protobuf, */*',
};

/** client-go's metadata client (k8s.io/client-go/metadata): list, and get/watch. */
const METADATA_LIST =
  'application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
const METADATA_ITEM =
  'application/vnd.kubernetes.protobuf;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

/** The media types a built-in resource's serializer offers, in 406 messages. */
const NOT_ACCEPTABLE = 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf';

describe('parseMediaRanges', () => {
  it('reads types and parameters, in the client order', () => {
    assert.deepEqual(parseMediaRanges('application/json;as=Table;v=v1;g=meta.k8s.io, application/yaml'), [
      { type: 'application/json', params: { as: 'Table', v: 'v1', g: 'meta.k8s.io' } },
      { type: 'application/yaml', params: {} },
    ]);
  });

  it('trims spaces around clauses and parameters and lower-cases the type', () => {
    assert.deepEqual(parseMediaRanges(' Application/JSON ; as = Table '), [{ type: 'application/json', params: { as: 'Table' } }]);
  });

  it('treats a missing header as */*', () => {
    assert.deepEqual(parseMediaRanges(undefined), [{ type: '*/*', params: {} }]);
    assert.deepEqual(parseMediaRanges(''), [{ type: '*/*', params: {} }]);
  });

  it('drops empty clauses', () => {
    assert.deepEqual(parseMediaRanges('application/json,,'), [{ type: 'application/json', params: {} }]);
  });
});

describe('negotiate: the Accept headers kubectl sends', () => {
  it('answers JSON to "application/json, */*" for get, list and watch', () => {
    for (const options of [GET, LIST, WATCH]) assert.deepEqual(negotiate(KUBECTL.jsonOrAny, options), JSON_OBJECT);
  });

  it('answers a v1 Table to the human-output Accept for get, list and watch', () => {
    for (const options of [GET, LIST, WATCH]) assert.deepEqual(negotiate(KUBECTL.table, options), TABLE_V1);
  });

  it('answers JSON to "application/json"', () => {
    for (const options of [GET, LIST, WATCH]) assert.deepEqual(negotiate(KUBECTL.json, options), JSON_OBJECT);
  });

  it('falls back to JSON when protobuf comes first', () => {
    for (const options of [GET, LIST, WATCH]) {
      assert.deepEqual(negotiate(KUBECTL.protobufOrJson, options), JSON_OBJECT);
      assert.deepEqual(negotiate(KUBECTL.protobufOrAny, options), JSON_OBJECT);
    }
  });

  it('answers JSON when there is no Accept header', () => {
    assert.deepEqual(negotiate(undefined, GET), JSON_OBJECT);
    assert.deepEqual(negotiate('', LIST), JSON_OBJECT);
  });

  it('answers JSON to wildcards', () => {
    assert.deepEqual(negotiate('*/*', GET), JSON_OBJECT);
    assert.deepEqual(negotiate('application/*', LIST), JSON_OBJECT);
  });
});

describe('negotiate: Table', () => {
  it('serves meta.k8s.io/v1beta1 Tables when only v1beta1 is asked for', () => {
    assert.deepEqual(negotiate('application/json;as=Table;v=v1beta1;g=meta.k8s.io', LIST), { as: 'Table', version: 'v1beta1', format: 'json' });
  });

  it('accepts the parameters in any order and with spaces', () => {
    assert.deepEqual(negotiate('application/json; g=meta.k8s.io; v=v1; as=Table', GET), TABLE_V1);
  });

  it('skips a Table clause of another group or an unknown version', () => {
    assert.deepEqual(negotiate('application/json;as=Table;v=v1;g=example.com,application/json', LIST), JSON_OBJECT);
    assert.deepEqual(negotiate('application/json;as=Table;v=v2;g=meta.k8s.io,application/json', LIST), JSON_OBJECT);
    assert.deepEqual(negotiate('application/json;as=Foo;v=v1;g=meta.k8s.io,application/json', LIST), JSON_OBJECT);
  });

  it('is 406 when a Table of another group is all the client takes', () => {
    const status = statusOf(() => negotiate('application/json;as=Table;v=v1;g=example.com', LIST));
    assert.equal(status.code, 406);
    assert.equal(status.reason, 'NotAcceptable');
  });

  // AllowsMediaTypeTransform (handlers/rest.go): a Table may be rendered as application/json or
  // application/yaml.
  it('serves a Table as YAML too', () => {
    const r = negotiate('application/yaml;as=Table;v=v1;g=meta.k8s.io', LIST);
    assert.equal(r.as, 'Table');
  });

  it('labels a YAML Table application/yaml, for get and list but not watch', () => {
    const yamlTable = 'application/yaml;as=Table;v=v1;g=meta.k8s.io';
    for (const options of [GET, LIST]) assert.deepEqual(negotiate(yamlTable, options), { as: 'Table', version: 'v1', format: 'yaml' });
    assert.equal(contentTypeOf(negotiate(yamlTable, GET)), 'application/yaml');
    assert.equal(statusOf(() => negotiate(yamlTable, WATCH)).code, 406);
  });

  it('takes a Table from a wildcard clause, rendered as JSON', () => {
    assert.deepEqual(negotiate('*/*;as=Table;v=v1;g=meta.k8s.io', LIST), TABLE_V1);
  });

  it('skips a clause with g or v but no as (a conversion to no kind)', () => {
    assert.deepEqual(negotiate('application/json;g=meta.k8s.io;v=v1,application/yaml', GET), YAML_OBJECT);
  });
});

describe('negotiate: PartialObjectMetadata (client-go metadata informers)', () => {
  it('serves a PartialObjectMetadataList to the metadata client list', () => {
    assert.deepEqual(negotiate(METADATA_LIST, LIST), { as: 'PartialObjectMetadata', version: 'v1', list: true, format: 'json' });
  });

  it('serves PartialObjectMetadata to the metadata client get and watch', () => {
    assert.deepEqual(negotiate(METADATA_ITEM, GET), { as: 'PartialObjectMetadata', version: 'v1', list: false, format: 'json' });
    assert.deepEqual(negotiate(METADATA_ITEM, WATCH), { as: 'PartialObjectMetadata', version: 'v1', list: false, format: 'json' });
  });

  it('serves v1beta1 PartialObjectMetadata', () => {
    assert.deepEqual(negotiate('application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1beta1', GET), {
      as: 'PartialObjectMetadata',
      version: 'v1beta1',
      list: false,
      format: 'json',
    });
  });

  // handlers/response.go asPartialObjectMetadata / asPartialObjectMetadataList: the transform is
  // chosen by the Accept header, and a list/item mismatch is a 406, not a fall-back.
  it('is 406 for PartialObjectMetadata on a list and PartialObjectMetadataList on an object', () => {
    const onList = statusOf(() => negotiate('application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json', LIST));
    assert.equal(onList.code, 406);
    assert.match(onList.message ?? '', /^you requested PartialObjectMetadata, but the requested object is a list/);
    const onItem = statusOf(() => negotiate('application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json', GET));
    assert.equal(onItem.code, 406);
    assert.match(onItem.message ?? '', /^you requested PartialObjectMetadataList, but the requested object is not a list/);
  });

  // The message ends with Go's %T of what storage returned: the internal type of the kind.
  it('names the internal Go type of the object in the 406', () => {
    const pom = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';
    const pomList = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
    const cases: [string, typeof GET, { apiVersion: string; kind: string }, string][] = [
      [pom, LIST, { apiVersion: 'v1', kind: 'ConfigMapList' }, 'you requested PartialObjectMetadata, but the requested object is a list (*core.ConfigMapList)'],
      [pom, LIST, { apiVersion: 'apps/v1', kind: 'DeploymentList' }, 'you requested PartialObjectMetadata, but the requested object is a list (*apps.DeploymentList)'],
      [pomList, GET, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' }, 'you requested PartialObjectMetadataList, but the requested object is not a list (*rbac.Role)'],
      [pomList, GET, { apiVersion: 'events.k8s.io/v1', kind: 'Event' }, 'you requested PartialObjectMetadataList, but the requested object is not a list (*core.Event)'],
    ];
    for (const [accept, options, served, message] of cases) {
      const status = statusOf(() => negotiate(accept, { ...options, served }));
      assert.deepEqual([status.code, status.reason, status.status, status.message], [406, 'NotAcceptable', 'Failure', message]);
    }
  });

  it('serves an earlier clause that fits before reaching the mismatched one', () => {
    assert.deepEqual(negotiate('application/json,application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1', LIST), JSON_OBJECT);
  });

  // Watch events carry single objects: PartialObjectMetadataList is skipped there, as before.
  it('skips PartialObjectMetadataList on a watch', () => {
    assert.deepEqual(negotiate(METADATA_LIST, WATCH), JSON_OBJECT);
  });

  it('serves PartialObjectMetadata(List) in YAML too', () => {
    assert.deepEqual(negotiate('application/yaml;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1', LIST), {
      as: 'PartialObjectMetadata',
      version: 'v1',
      list: true,
      format: 'yaml',
    });
  });
});

describe('negotiate: YAML', () => {
  it('serves YAML to get and list', () => {
    assert.deepEqual(negotiate('application/yaml', GET), YAML_OBJECT);
    assert.deepEqual(negotiate('application/yaml', LIST), YAML_OBJECT);
  });

  it('has no YAML watch stream', () => {
    assert.equal(statusOf(() => negotiate('application/yaml', WATCH)).code, 406);
  });
});

describe('negotiate: nothing fits', () => {
  it('is 406 NotAcceptable for unknown types and protobuf alone', () => {
    for (const accept of ['text/html', 'text/plain', 'application/vnd.kubernetes.protobuf', 'image/*']) {
      const status = statusOf(() => negotiate(accept, LIST));
      assert.equal(status.code, 406, accept);
      assert.equal(status.reason, 'NotAcceptable', accept);
      assert.equal(status.status, 'Failure', accept);
    }
  });

  // negotiation.NegotiateOutputMediaType: NewNotAcceptableError(MediaTypesForSerializer(ns)) lists
  // the serializers' media types only; the ;stream=watch variants are not among them.
  it('names the JSON, YAML and protobuf media types in the 406 message', () => {
    assert.equal(statusOf(() => negotiate('text/html', GET)).message, NOT_ACCEPTABLE);
    assert.equal(statusOf(() => negotiate('text/html', LIST)).message, NOT_ACCEPTABLE);
  });
});

describe('negotiate: clause order', () => {
  it('takes the first acceptable clause in the client order', () => {
    assert.deepEqual(negotiate('application/yaml,application/json', GET), YAML_OBJECT);
    assert.deepEqual(negotiate('text/html,application/json', GET), JSON_OBJECT);
  });

  // goautoneg.ParseAccept sorts clauses by q (highest first), then concrete types before
  // wildcards, before NegotiateMediaTypeOptions walks them.
  it('orders clauses by quality, then concrete types before wildcards', () => {
    assert.deepEqual(negotiate('application/yaml;q=0.5,application/json', GET), JSON_OBJECT);
    assert.deepEqual(negotiate('*/*,application/yaml', GET), YAML_OBJECT);
  });

  it('keeps the client order among clauses of equal rank', () => {
    assert.deepEqual(negotiate('application/yaml;q=0.5,application/json;q=0.5', GET), YAML_OBJECT);
    assert.deepEqual(negotiate('application/json;q=0.5,application/yaml;q=0.5', GET), JSON_OBJECT);
  });

  it('ranks a wildcard of higher q first, and still serves q=0 clauses', () => {
    assert.deepEqual(negotiate('application/yaml;q=0.5,*/*', GET), JSON_OBJECT);
    assert.deepEqual(negotiate('*/*;q=0.5,application/yaml', GET), YAML_OBJECT);
    assert.deepEqual(negotiate('text/html,application/yaml;q=0', GET), YAML_OBJECT);
  });

  // acceptSlice.Less puts a concrete type before a wildcard whatever their q, and sort.Sort's
  // insertion sort then leaves this concrete clause of lower q first.
  it('follows goautoneg where its ordering is not by q', () => {
    assert.deepEqual(negotiate('*/*,application/yaml;q=0.5', GET), YAML_OBJECT);
  });

  it('reads an unreadable q as 0 and a bare * as */*', () => {
    assert.deepEqual(negotiate('application/yaml;q=x,application/json', GET), JSON_OBJECT);
    assert.deepEqual(negotiate('*', GET), JSON_OBJECT);
  });

  it('orders negotiateObject clauses the same way', () => {
    assert.equal(negotiateObject('application/yaml;q=0.5,application/json'), 'json');
    assert.equal(negotiateObject('*/*,application/yaml'), 'yaml');
  });
});

describe('negotiateObject', () => {
  it('answers JSON to the discovery Accept when only the plain clause can be served', () => {
    assert.equal(negotiateObject(KUBECTL.discovery), 'json');
  });

  it('answers JSON or YAML as asked', () => {
    assert.equal(negotiateObject(undefined), 'json');
    assert.equal(negotiateObject(KUBECTL.jsonOrAny), 'json');
    assert.equal(negotiateObject(KUBECTL.protobufOrJson), 'json');
    assert.equal(negotiateObject('application/*'), 'json');
    assert.equal(negotiateObject('application/yaml'), 'yaml');
  });

  it('skips conversions (as=...) it cannot make', () => {
    assert.equal(negotiateObject(`${KUBECTL.table}`), 'json');
    assert.equal(negotiateObject('application/json;as=Table;v=v1;g=meta.k8s.io,application/yaml'), 'yaml');
  });

  it('is 406 with the three serializer media types when nothing fits', () => {
    for (const accept of ['text/html', 'application/json;as=Table;v=v1;g=meta.k8s.io', 'application/vnd.kubernetes.protobuf']) {
      const status = statusOf(() => negotiateObject(accept));
      assert.equal(status.code, 406, accept);
      assert.equal(status.reason, 'NotAcceptable', accept);
      assert.equal(status.message, NOT_ACCEPTABLE, accept);
    }
  });
});

describe('contentTypeOf', () => {
  it('names JSON and YAML objects', () => {
    assert.equal(contentTypeOf(JSON_OBJECT), 'application/json');
    assert.equal(contentTypeOf(YAML_OBJECT), 'application/yaml');
  });

  // handlers/response.go transformResponseObject writes with WriteObjectNegotiated(...,
  // listGVKInContentType=false): the Content-Type is the serializer's own media type.
  it('labels Table and PartialObjectMetadata responses as plain application/json', () => {
    assert.equal(contentTypeOf(TABLE_V1), 'application/json');
    assert.equal(contentTypeOf({ as: 'PartialObjectMetadata', version: 'v1', list: true, format: 'json' }), 'application/json');
  });
});
