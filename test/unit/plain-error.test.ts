// The request log's failures in plain words (issue #10): each HTTP status class and each network
// error a user meets reads as a sentence naming the host, with the code kept in brackets.
import { describe, expect, it } from 'vitest';
import { plainError } from '../../src-main/providers/http/plain-error';

const host = 'connect.squareupsandbox.com';

describe('plainError', () => {
  it.each([
    [401, /^Refused \(401\): the token is invalid, expired, revoked or lacks a permission\.$/],
    [403, /^Forbidden \(403\)/],
    [404, /other environment/],
    [409, /idempotency key/],
    [429, /^Rate limited \(429\)/],
    [502, /^connect\.squareupsandbox\.com failed to answer properly \(HTTP 502\); the outcome may be unknown\.$/],
    [418, /^connect\.squareupsandbox\.com refused the request \(HTTP 418\)\.$/],
  ])('HTTP %i', (status, expected) => {
    expect(plainError({ status, host })).toMatch(expected);
  });

  it.each([
    [
      'ECONNREFUSED',
      'connect ECONNREFUSED 127.0.0.1:9',
      `Could not connect to ${host} (connection refused). [ECONNREFUSED]`,
    ],
    [
      'ENOTFOUND',
      'getaddrinfo ENOTFOUND',
      `Could not find ${host} (name lookup failed): check the network or proxy settings. [ENOTFOUND]`,
    ],
    ['ECONNRESET', 'socket hang up', `${host} closed the connection before answering. [ECONNRESET]`],
    ['ETIMEDOUT', 'timeout of 5000ms exceeded', `No answer from ${host} in time. [ETIMEDOUT]`],
    [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'self-signed certificate',
      `The secure connection to ${host} failed (certificate or TLS problem). [DEPTH_ZERO_SELF_SIGNED_CERT]`,
    ],
    [
      'ERR_BAD_RESPONSE',
      'maxContentLength size of 1048576 exceeded',
      `The answer from ${host} was larger than the app accepts. [ERR_BAD_RESPONSE]`,
    ],
  ])('%s', (code, message, expected) => {
    expect(plainError({ status: null, code, message, host })).toBe(expected);
  });

  it('an unknown failure without a code keeps a short message', () => {
    expect(plainError({ status: null, message: 'x'.repeat(500), host })).toBe(
      `The request to ${host} failed: ${'x'.repeat(120)}.`,
    );
  });
});
