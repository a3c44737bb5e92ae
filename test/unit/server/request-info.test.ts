// parseRequestInfo against k8s.io/apiserver pkg/endpoints/request/requestinfo.go and the cases of
// its requestinfo_test.go (TestGetAPIRequestInfo, TestGetNonAPIRequestInfo, TestSelectorParsing).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRequestInfo, RequestInfoError, type RequestInfo } from '../../../src/server/request-info.js';
import { withRequestInfo } from '../../../src/server/filters/request-info.js';

function parse(method: string, url: string): RequestInfo {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  return parseRequestInfo(method, path, new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
}

type Expected = Pick<RequestInfo, 'verb' | 'apiPrefix' | 'apiGroup' | 'apiVersion' | 'namespace' | 'resource' | 'subresource' | 'name' | 'parts'>;

function resource(
  verb: string,
  apiPrefix: string,
  apiGroup: string,
  apiVersion: string,
  namespace: string,
  res: string,
  subresource: string,
  name: string,
  parts: string[],
): Expected {
  return { verb: verb as RequestInfo['verb'], apiPrefix, apiGroup, apiVersion, namespace, resource: res, subresource, name, parts };
}

function assertResource(method: string, url: string, want: Expected): void {
  const info = parse(method, url);
  assert.equal(info.isResourceRequest, true, `${method} ${url}: isResourceRequest`);
  const got: Expected = {
    verb: info.verb,
    apiPrefix: info.apiPrefix,
    apiGroup: info.apiGroup,
    apiVersion: info.apiVersion,
    namespace: info.namespace,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
    parts: info.parts,
  };
  assert.deepEqual(got, want, `${method} ${url}`);
}

describe('parseRequestInfo: resource paths (requestinfo_test.go TestGetAPIRequestInfo)', () => {
  const cases: [string, string, Expected][] = [
    ['GET', '/api/v1/namespaces', resource('list', 'api', '', 'v1', '', 'namespaces', '', '', ['namespaces'])],
    ['GET', '/api/v1/namespaces/other', resource('get', 'api', '', 'v1', 'other', 'namespaces', '', 'other', ['namespaces', 'other'])],
    ['GET', '/api/v1/namespaces/other/pods', resource('list', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/namespaces/other/pods/foo', resource('get', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo'])],
    ['HEAD', '/api/v1/namespaces/other/pods/foo', resource('get', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo'])],
    ['GET', '/api/v1/pods', resource('list', 'api', '', 'v1', '', 'pods', '', '', ['pods'])],
    ['HEAD', '/api/v1/pods', resource('list', 'api', '', 'v1', '', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/pods/', resource('list', 'api', '', 'v1', '', 'pods', '', '', ['pods'])],
  ];
  for (const [method, url, want] of cases) it(`${method} ${url}`, () => assertResource(method, url, want));
});

describe('parseRequestInfo: list or watch', () => {
  const cases: [string, string, Expected][] = [
    ['GET', '/api/v1/watch/pods', resource('watch', 'api', '', 'v1', '', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/pods?watch=true', resource('watch', 'api', '', 'v1', '', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/pods?watch=false', resource('list', 'api', '', 'v1', '', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/watch/namespaces/other/pods', resource('watch', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/namespaces/other/pods?watch=1', resource('watch', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/namespaces/other/pods?watch=0', resource('list', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/namespaces/other/pods?watch=FALSE', resource('list', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['GET', '/api/v1/namespaces/other/pods?watch=false&watch=true', resource('list', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    // A named GET stays a get even with ?watch=true: only collection GETs become list or watch.
    ['GET', '/api/v1/namespaces/other/pods/foo?watch=true', resource('get', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo'])],
    ['GET', '/apis/apps/v1/watch/namespaces/default/deployments/web', resource('watch', 'apis', 'apps', 'v1', 'default', 'deployments', '', 'web', ['deployments', 'web'])],
  ];
  for (const [method, url, want] of cases) it(`${method} ${url}`, () => assertResource(method, url, want));

  it('marks only the /watch/ path form as a legacy watch', () => {
    assert.equal(parse('GET', '/api/v1/watch/namespaces/other/pods').legacyWatch, true);
    assert.equal(parse('GET', '/api/v1/watch/pods').legacyWatch, true);
    assert.equal(parse('GET', '/api/v1/namespaces/other/pods?watch=true').legacyWatch, false);
    assert.equal(parse('GET', '/api/v1/namespaces/other/pods').legacyWatch, false);
  });

  // requestinfo.go: "Any query value that is not 0 or false is considered true" (case-insensitive),
  // as apimachinery's Convert_Slice_string_To_bool decodes ListOptions.Watch.
  it('treats any watch value but 0 and false (any case) as a watch', () => {
    for (const value of ['TRUE', 'True', 'yes', '']) {
      assert.equal(parse('GET', `/api/v1/namespaces/other/pods?watch=${value}`).verb, 'watch', `watch=${value}`);
    }
  });
});

describe('parseRequestInfo: subresources and namespace subresources', () => {
  const cases: [string, string, Expected][] = [
    ['GET', '/api/v1/namespaces/other/pods/foo/status', resource('get', 'api', '', 'v1', 'other', 'pods', 'status', 'foo', ['pods', 'foo', 'status'])],
    ['GET', '/api/v1/namespaces/other/pods/foo/proxy/subpath', resource('get', 'api', '', 'v1', 'other', 'pods', 'proxy', 'foo', ['pods', 'foo', 'proxy', 'subpath'])],
    ['PUT', '/api/v1/namespaces/other/finalize', resource('update', 'api', '', 'v1', 'other', 'namespaces', 'finalize', 'other', ['namespaces', 'other', 'finalize'])],
    ['PUT', '/api/v1/namespaces/other/status', resource('update', 'api', '', 'v1', 'other', 'namespaces', 'status', 'other', ['namespaces', 'other', 'status'])],
    ['GET', '/api/v1/namespaces/other/status', resource('get', 'api', '', 'v1', 'other', 'namespaces', 'status', 'other', ['namespaces', 'other', 'status'])],
    ['PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', resource('patch', 'apis', 'apps', 'v1', 'default', 'deployments', 'scale', 'web', ['deployments', 'web', 'scale'])],
    ['POST', '/api/v1/namespaces/default/pods/web/binding', resource('create', 'api', '', 'v1', 'default', 'pods', 'binding', 'web', ['pods', 'web', 'binding'])],
    ['PUT', '/api/v1/nodes/node-1/status', resource('update', 'api', '', 'v1', '', 'nodes', 'status', 'node-1', ['nodes', 'node-1', 'status'])],
  ];
  for (const [method, url, want] of cases) it(`${method} ${url}`, () => assertResource(method, url, want));
});

describe('parseRequestInfo: verbs from methods', () => {
  const cases: [string, string, Expected][] = [
    ['PATCH', '/api/v1/namespaces/other/pods/foo', resource('patch', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo'])],
    ['DELETE', '/api/v1/namespaces/other/pods/foo', resource('delete', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo'])],
    ['POST', '/api/v1/namespaces/other/pods', resource('create', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['PUT', '/api/v1/namespaces/other/pods/foo', resource('update', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo'])],
    ['DELETE', '/api/v1/nodes', resource('deletecollection', 'api', '', 'v1', '', 'nodes', '', '', ['nodes'])],
    ['DELETE', '/api/v1/namespaces', resource('deletecollection', 'api', '', 'v1', '', 'namespaces', '', '', ['namespaces'])],
    ['DELETE', '/api/v1/namespaces/other/pods', resource('deletecollection', 'api', '', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['DELETE', '/apis/extensions/v1/namespaces/other/pods', resource('deletecollection', 'apis', 'extensions', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['POST', '/apis/extensions/v1/namespaces/other/pods', resource('create', 'apis', 'extensions', 'v1', 'other', 'pods', '', '', ['pods'])],
    ['POST', '/apis/extensions/v1beta3/namespaces/other/pods', resource('create', 'apis', 'extensions', 'v1beta3', 'other', 'pods', '', '', ['pods'])],
    ['DELETE', '/apis/group/version/resource?fieldSelector=foo%3Dbar&labelSelector=baz%3Dqux', resource('deletecollection', 'apis', 'group', 'version', '', 'resource', '', '', ['resource'])],
  ];
  for (const [method, url, want] of cases) it(`${method} ${url}`, () => assertResource(method, url, want));

  // requestinfo.go: methods other than GET/HEAD/POST/PUT/PATCH/DELETE on a resource path give a
  // resource request with an empty verb.
  it('keeps OPTIONS on a resource path a resource request with an empty verb', () => {
    const info = parse('OPTIONS', '/api/v1/namespaces/other/pods');
    assert.equal(info.isResourceRequest, true);
    assert.equal(info.verb, '');
    assert.equal(info.resource, 'pods');
  });
});

describe('parseRequestInfo: the deprecated /proxy/ special verb', () => {
  const cases: [string, string, Expected][] = [
    ['GET', '/api/v1/proxy/namespaces/other/pods/foo', resource('proxy', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo'])],
    [
      'GET',
      '/api/v1/proxy/namespaces/other/pods/foo/subpath/not/a/subresource',
      resource('proxy', 'api', '', 'v1', 'other', 'pods', '', 'foo', ['pods', 'foo', 'subpath', 'not', 'a', 'subresource']),
    ],
  ];
  for (const [method, url, want] of cases) it(`${method} ${url}`, () => assertResource(method, url, want));

  it('takes the verb from the path whatever the method, and /watch/ keeps subresources', () => {
    assertResource('POST', '/api/v1/proxy/nodes/n1', resource('proxy', 'api', '', 'v1', '', 'nodes', '', 'n1', ['nodes', 'n1']));
    assertResource('GET', '/api/v1/watch/namespaces/other/pods/foo/status', resource('watch', 'api', '', 'v1', 'other', 'pods', 'status', 'foo', ['pods', 'foo', 'status']));
    assert.equal(parse('GET', '/api/v1/proxy/nodes/n1').legacyWatch, false);
  });

  it('fails, as NewRequestInfo does, for a special verb with nothing after it', () => {
    for (const url of ['/api/v1/watch', '/api/v1/proxy/', '/apis/apps/v1/watch']) {
      assert.throws(() => parse('GET', url), RequestInfoError, url);
    }
  });
});

describe('withRequestInfo', () => {
  function run(url: string): { status: number; headers: Record<string, unknown>; body: string; reached: boolean } {
    const res = {
      statusCode: 200,
      headers: {} as Record<string, unknown>,
      body: '',
      setHeader(name: string, value: unknown): void {
        this.headers[name.toLowerCase()] = value;
      },
      end(body: string): void {
        this.body = body;
      },
    };
    let reached = false;
    void withRequestInfo(() => {
      reached = true;
    })({ method: 'GET', url } as IncomingMessage, res as unknown as ServerResponse);
    return { status: res.statusCode, headers: res.headers, body: res.body, reached };
  }

  it('answers a URL NewRequestInfo cannot parse with responsewriters.InternalError', () => {
    const got = run('/api/v1/watch?a=1&b=<x>');
    assert.equal(got.reached, false);
    assert.equal(got.status, 500);
    assert.equal(got.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(
      got.body,
      'Internal Server Error: "/api/v1/watch?a=1&amp;b=&lt;x&gt;": failed to create RequestInfo: unable to determine kind and namespace from url, /api/v1/watch?a=1&amp;b=&lt;x&gt;\n',
    );
  });

  it('passes a parsed request on', () => assert.equal(run('/api/v1/watch/pods').reached, true));
});

describe('parseRequestInfo: non-resource paths (TestGetNonAPIRequestInfo)', () => {
  const resourcePaths = [
    '/api/version/resource',
    '/apis/group/version/resource/name/subresource',
    '/api/version/resource/name/subresource',
    '/apis/batch/v1/job',
    '/apis/batch/v1/job/foo',
    '/apis/batch/v1/job/foo/scale',
  ];
  for (const url of resourcePaths) it(`${url} is a resource request`, () => assert.equal(parse('GET', url).isResourceRequest, true));

  const nonResourcePaths = [
    '/not-api/version/resource',
    '/apis/extensions/v1beta1',
    '/apis/extensions/v1beta1/',
    '/api/version',
    '/api',
    '/',
    '',
    '/apis',
    '/apis/apps',
    '/apis/apps/v1',
    '/api/v1',
    '/api/v1/',
    '/apis/version/resource',
    '/healthz',
    '/version',
    '/openapi/v3/apis/apps/v1',
  ];
  for (const url of nonResourcePaths) {
    it(`GET ${JSON.stringify(url)} is a non-resource request with verb get`, () => {
      const info = parse('GET', url);
      assert.equal(info.isResourceRequest, false);
      assert.equal(info.verb, 'get');
      assert.equal(info.path, url);
      assert.equal(info.resource, '');
      assert.equal(info.name, '');
      assert.equal(info.namespace, '');
    });
  }

  it('gives a non-resource request the lower-cased HTTP method as its verb', () => {
    assert.equal(parse('POST', '/healthz').verb, 'post');
    assert.equal(parse('PUT', '/not-api/version/resource').verb, 'put');
    assert.equal(parse('HEAD', '/version').verb, 'head');
  });

  it('gives discovery paths the lower-cased HTTP method too', () => {
    assert.equal(parse('POST', '/api/v1').verb, 'post');
    assert.equal(parse('POST', '/apis/apps/v1').verb, 'post');
    assert.equal(parse('DELETE', '/apis/apps/v1').verb, 'delete');
  });
});

describe('parseRequestInfo: fieldSelector metadata.name names a list or watch (TestSelectorParsing)', () => {
  it('leaves the name empty for other selectors, invalid selectors and legacy watch paths', () => {
    const cases: [string, string, string][] = [
      ['/apis/group/version/resource', 'list', ''],
      ['/apis/group/version/resource?fieldSelector=foo%3Dbar&labelSelector=baz%3Dqux', 'list', ''],
      ['/apis/group/version/resource?fieldSelector=metadata.name%3Dname1%2Cfoo', 'list', ''],
      ['/apis/group/version/resource?fieldSelector=metadata.name%3Dname1%2Cfoo&watch=true', 'watch', ''],
      ['/apis/group/version/resource?fieldSelector=metadata.name%3Dname1%2Cfoo&watch=false', 'list', ''],
      ['/apis/group/version/watch/resource?fieldSelector=metadata.name%3Dfoo', 'watch', ''],
      ['/apis/group/version/watch/resource/name?fieldSelector=metadata.name%3Dfoo', 'watch', 'name'],
      ['/apis/group/version/resource/name?fieldSelector=foo%3Dbar', 'get', 'name'],
    ];
    for (const [url, verb, name] of cases) {
      const info = parse('GET', url);
      assert.equal(info.verb, verb, url);
      assert.equal(info.name, name, url);
    }
  });

  it('takes the name of an exact metadata.name selector', () => {
    const cases: [string, string, string][] = [
      ['/apis/group/version/resource?fieldSelector=metadata.name%3Dname1', 'list', 'name1'],
      ['/apis/group/version/resource?watch=true&fieldSelector=metadata.name%3Dname1', 'watch', 'name1'],
      ['/apis/group/version/resource?fieldSelector=metadata.name%3D%3Dname1', 'list', 'name1'],
      ['/apis/group/version/resource?fieldSelector=metadata.name%3Dfoo&fieldSelector=metadata.name%3Dbar', 'list', 'foo'],
      ['/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dx&watch=1', 'watch', 'x'],
    ];
    for (const [url, verb, name] of cases) {
      const info = parse('GET', url);
      assert.equal(info.verb, verb, url);
      assert.equal(info.name, name, url);
    }
  });

  it('takes the name from any exact term of a selector that parses', () => {
    const cases: [string, string][] = [
      ['fieldSelector=spec.nodeName%3Dn1%2Cmetadata.name%3Dx', 'x'],
      ['fieldSelector=metadata.name%3Db%2Cmetadata.name%3Da', 'a'],
      ['fieldSelector=metadata.name%3Dx&limit=%2B5&timeoutSeconds=-1&labelSelector=app%3Dweb', 'x'],
      ['fieldSelector=metadata.name%21%3Dx', ''],
      ['fieldSelector=metadata.namespace%3Dx', ''],
    ];
    for (const [query, name] of cases) assert.equal(parse('GET', `/api/v1/namespaces/default/configmaps?${query}`).name, name, query);
  });

  it('gives no name when the query does not decode as ListOptions (requestinfo.go logs and lists)', () => {
    for (const bad of ['limit=abc', 'limit=', 'timeoutSeconds=9223372036854775808', 'labelSelector=a%20in%20(']) {
      const info = parse('GET', `/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dx&${bad}`);
      assert.deepEqual([info.verb, info.name], ['list', ''], bad);
    }
    // An invalid escape sequence (\q) fails fields.ParseSelector.
    assert.equal(parse('GET', '/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dx%5Cq').name, '');
    const watch = parse('GET', '/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dx&limit=abc&watch=true');
    assert.deepEqual([watch.verb, watch.name], ['watch', '']);
  });

  it('names only a list or watch: deletecollection and named requests keep theirs', () => {
    const del = parse('DELETE', '/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dx');
    assert.deepEqual([del.verb, del.name], ['deletecollection', '']);
    assert.equal(parse('GET', '/api/v1/namespaces/default/configmaps/y?fieldSelector=metadata.name%3Dx').name, 'y');
  });

  it('ignores a metadata.name that is not a valid path segment', () => {
    assert.equal(parse('GET', '/apis/group/version/resource?fieldSelector=metadata.name%3D..').name, '');
  });
});

describe('parseRequestInfo: path segments', () => {
  it('decodes percent-encoded segments as Go decodes URL.Path', () => {
    assert.equal(parse('GET', '/api/v1/namespaces/default/configmaps/a%3Ab').name, 'a:b');
  });

  it('keeps the request path as given', () => {
    assert.equal(parse('GET', '/api/v1/namespaces/default/pods/x').path, '/api/v1/namespaces/default/pods/x');
  });
});
