import assert from 'node:assert/strict';

import {
  EmConfigError,
  parseVersion,
  resolveEndpoint,
  type CcmVersion,
  type EmEndpoint,
} from '../../src/em/index.js';

type EndpointInput = Parameters<typeof resolveEndpoint>[0];

interface Resolved {
  requestUrl: string;
  queryUrl: string;
  node: string;
}

/**
 * The URL as the reference writes it (`http://HOST:80/...`), in WHATWG form: a
 * scheme's default port is not serialised, so `:80` compares equal to no port.
 */
function href(text: string): string {
  return new URL(text).href;
}

function servlet(base: string, node: string): Resolved {
  const url = href(`${base}/emservice/EMServiceServlet`);
  return { requestUrl: url, queryUrl: url, node };
}

function loginAsp(base: string, node: string): Resolved {
  return {
    requestUrl: href(`${base}/LoginService/login.asp`),
    queryUrl: href(`${base}/LoginService/query.asp`),
    node,
  };
}

function resolved(endpoint: EmEndpoint): Resolved {
  return {
    requestUrl: endpoint.requestUrl.href,
    queryUrl: endpoint.queryUrl.href,
    node: endpoint.node,
  };
}

function assertConfigError(action: () => unknown, input: string, message: string): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof EmConfigError, `expected EmConfigError, got ${String(error)}`);
    assert.deepEqual(
      { name: error.name, code: error.code, input: error.input, message: error.message },
      { name: 'EmConfigError', code: 'EM_CONFIG', input, message },
    );
    return true;
  });
}

describe('resolveEndpoint', () => {
  describe('from CallManagerHost', () => {
    const cases: { title: string; input: EndpointInput; expected: Resolved }[] = [
      {
        title: 'a host alone gets the servlet on 8080',
        input: { callManagerHost: 'cucm.invalid' },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
      {
        title: 'an IPv4 address alone gets the servlet on 8080',
        input: { callManagerHost: '192.0.2.10' },
        expected: servlet('http://192.0.2.10:8080', '192.0.2.10:8080'),
      },
      {
        title: 'host:port keeps the port',
        input: { callManagerHost: 'cucm.invalid:8081' },
        expected: servlet('http://cucm.invalid:8081', 'cucm.invalid:8081'),
      },
      {
        title: 'a port with a leading zero is read as a number',
        input: { callManagerHost: 'cucm.invalid:08080' },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
      {
        title: '[IPv6]:port keeps the port',
        input: { callManagerHost: '[2001:db8::10]:8081' },
        expected: servlet('http://[2001:db8::10]:8081', '[2001:db8::10]:8081'),
      },
      {
        title: '[IPv6] without a port gets 8080',
        input: { callManagerHost: '[2001:db8::10]' },
        expected: servlet('http://[2001:db8::10]:8080', '[2001:db8::10]:8080'),
      },
      {
        title: 'a bare IPv6 address is bracketed and gets 8080',
        input: { callManagerHost: '2001:db8::10' },
        expected: servlet('http://[2001:db8::10]:8080', '[2001:db8::10]:8080'),
      },
      {
        title: 'https://host gets the servlet on 8443',
        input: { callManagerHost: 'https://cucm.invalid' },
        expected: servlet('https://cucm.invalid:8443', 'cucm.invalid:8443'),
      },
      {
        title: 'https://host/ with a trailing slash is the same',
        input: { callManagerHost: 'https://cucm.invalid/' },
        expected: servlet('https://cucm.invalid:8443', 'cucm.invalid:8443'),
      },
      {
        title: 'https://host:port keeps the port',
        input: { callManagerHost: 'HTTPS://cucm.invalid:9443' },
        expected: servlet('https://cucm.invalid:9443', 'cucm.invalid:9443'),
      },
      {
        title: 'port 8443 without a scheme means https',
        input: { callManagerHost: 'cucm.invalid:8443' },
        expected: servlet('https://cucm.invalid:8443', 'cucm.invalid:8443'),
      },
      {
        title: 'an explicit http:// on 8443 stays http',
        input: { callManagerHost: 'http://cucm.invalid:8443' },
        expected: servlet('http://cucm.invalid:8443', 'cucm.invalid:8443'),
      },
      {
        title: 'surrounding spaces are ignored and the host is lower-cased',
        input: { callManagerHost: '  CUCM.invalid:8080 ' },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
      {
        title: 'Version other gets the servlet on 8080',
        input: { callManagerHost: 'cucm.invalid', version: 'other' },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
      {
        title: 'Version Undefined behaves as other',
        input: { callManagerHost: 'cucm.invalid', version: 'Undefined' },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
      {
        title: 'Version v333 gets login.asp on 80 and queries on query.asp',
        input: { callManagerHost: 'cucm.invalid', version: 'v333' },
        expected: loginAsp('http://cucm.invalid:80', 'cucm.invalid:80'),
      },
      {
        title: 'Version v333 keeps an explicit port',
        input: { callManagerHost: '192.0.2.10:8080', version: 'v333' },
        expected: loginAsp('http://192.0.2.10:8080', '192.0.2.10:8080'),
      },
      {
        title: 'CallManagerHost wins over Url',
        input: {
          callManagerHost: 'cucm.invalid',
          url: 'http://other.invalid:9000/custom/em',
        },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
    ];

    for (const { title, input, expected } of cases) {
      it(title, () => {
        assert.deepEqual(resolved(resolveEndpoint(input)), expected);
      });
    }
  });

  describe('from Url', () => {
    const custom = 'https://em.invalid:9443/emservice/EMServiceServlet';
    const cases: { title: string; input: EndpointInput; expected: Resolved }[] = [
      {
        title: 'Url is used when CallManagerHost is absent',
        input: { url: custom },
        expected: { requestUrl: custom, queryUrl: custom, node: 'em.invalid:9443' },
      },
      {
        title: 'Url is used when CallManagerHost is null',
        input: { callManagerHost: null, url: custom },
        expected: { requestUrl: custom, queryUrl: custom, node: 'em.invalid:9443' },
      },
      {
        title: 'Url is used when CallManagerHost is empty',
        input: { callManagerHost: '', url: custom },
        expected: { requestUrl: custom, queryUrl: custom, node: 'em.invalid:9443' },
      },
      {
        title: 'Url is used when CallManagerHost is blank',
        input: { callManagerHost: ' \t ', url: ` ${custom} ` },
        expected: { requestUrl: custom, queryUrl: custom, node: 'em.invalid:9443' },
      },
      {
        title: 'Url on login.asp queries query.asp beside it',
        input: { url: 'http://cucm.invalid/LoginService/login.asp' },
        expected: loginAsp('http://cucm.invalid:80', 'cucm.invalid:80'),
      },
      {
        title: 'Url is taken as given whatever Version says',
        input: { url: 'http://cucm.invalid:8080/emservice/EMServiceServlet', version: 'v333' },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
      {
        title: 'Url loses its fragment',
        input: { url: 'http://cucm.invalid:8080/emservice/EMServiceServlet#top' },
        expected: servlet('http://cucm.invalid:8080', 'cucm.invalid:8080'),
      },
    ];

    for (const { title, input, expected } of cases) {
      it(title, () => {
        assert.deepEqual(resolved(resolveEndpoint(input)), expected);
      });
    }
  });

  describe('refuses', () => {
    const badHost = (value: string) =>
      `CallManagerHost must be host, host:port or [IPv6]:port, got '${value}'`;
    const longHost = `${'a'.repeat(90)}/emservice`;
    const cases: { title: string; input: EndpointInput; field: string; message: string }[] = [
      ...[
        ['port 0', 'cucm.invalid:0'],
        ['port 70000', 'cucm.invalid:70000'],
        ['a colon without a port', 'cucm.invalid:'],
        ['a port that is not a number', 'cucm.invalid:http'],
        ['a path after the host', 'cucm.invalid/emservice/EMServiceServlet'],
        ['a path after https://host', 'https://cucm.invalid/emservice/EMServiceServlet'],
        ['a user name before the host', 'admin@cucm.invalid'],
        ['a query after the host', 'cucm.invalid?x=1'],
        ['a space inside the host', 'cucm invalid'],
        ['an ftp:// host', 'ftp://cucm.invalid'],
        ['[IPv6] with port 0', '[2001:db8::10]:0'],
      ].map(([what, value]) => ({
        title: `CallManagerHost with ${what}`,
        input: { callManagerHost: value, url: 'http://em.invalid:8080/em' },
        field: 'CallManagerHost',
        message: badHost(value ?? ''),
      })),
      {
        title: 'CallManagerHost too long to quote, clipped in the message',
        input: { callManagerHost: longHost },
        field: 'CallManagerHost',
        message: badHost(`${'a'.repeat(77)}...`),
      },
      {
        title: 'Url with a user name and password, without quoting them',
        input: { url: 'http://admin:secret@cucm.invalid:8080/emservice/EMServiceServlet' },
        field: 'Url',
        message: 'Url must not carry a user name or password',
      },
      {
        title: 'Url with a user name',
        input: { url: 'http://admin@cucm.invalid:8080/emservice/EMServiceServlet' },
        field: 'Url',
        message: 'Url must not carry a user name or password',
      },
      {
        title: 'Url with ftp:',
        input: { url: 'ftp://cucm.invalid/emservice/EMServiceServlet' },
        field: 'Url',
        message: "Url must use http or https, got 'ftp:'",
      },
      {
        title: 'Url that is not absolute',
        input: { url: 'cucm.invalid/emservice/EMServiceServlet' },
        field: 'Url',
        message:
          "Url must be an absolute http(s) URL, got 'cucm.invalid/emservice/EMServiceServlet'",
      },
      ...[
        ['neither is given', {}],
        ['both are null', { callManagerHost: null, url: null }],
        ['both are blank', { callManagerHost: '  ', url: ' ' }],
      ].map(([what, input]) => ({
        title: `when ${String(what)}`,
        input: input as EndpointInput,
        field: 'CallManagerHost',
        message: 'Neither CallManagerHost nor Url is set: there is no EM service to talk to',
      })),
    ];

    for (const { title, input, field, message } of cases) {
      it(title, () => {
        assertConfigError(() => resolveEndpoint(input), field, message);
      });
    }
  });
});

describe('parseVersion', () => {
  const cases: { value: string | null | undefined; expected: CcmVersion }[] = [
    { value: undefined, expected: 'Undefined' },
    { value: null, expected: 'Undefined' },
    { value: '', expected: 'Undefined' },
    { value: '  ', expected: 'Undefined' },
    { value: 'Undefined', expected: 'Undefined' },
    { value: 'undefined', expected: 'Undefined' },
    { value: 'v333', expected: 'v333' },
    { value: 'V333', expected: 'v333' },
    { value: ' v333 ', expected: 'v333' },
    { value: 'other', expected: 'other' },
    { value: 'Other', expected: 'other' },
  ];

  for (const { value, expected } of cases) {
    it(`reads ${JSON.stringify(value) ?? 'undefined'} as ${expected}`, () => {
      assert.equal(parseVersion(value), expected);
    });
  }

  for (const value of ['v5', '3.3', 'v334', 'latest']) {
    it(`refuses ${JSON.stringify(value)} naming the allowed values`, () => {
      assertConfigError(
        () => parseVersion(value),
        'Version',
        `Version must be v333, other or Undefined, got '${value}'`,
      );
    });
  }
});
