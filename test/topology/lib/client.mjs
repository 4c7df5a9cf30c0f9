// HTTP through nginx, as a browser or a seed-compatible client would talk to the product.
import { randomBytes } from 'node:crypto';

let ipSeq = 0;
const runTag = randomBytes(1)[0];
/** Every address handed out, so the run can delete exactly its own Redis counters afterwards. */
export const usedIps = [];

/**
 * A client address of its own for each scenario (TEST-NET-2/3), so one scenario's limits never
 * leak into another's. nginx believes X-Forwarded-For from 127.0.0.1 (NGINX_REAL_IP_FROM), exactly
 * as it would from a load balancer in front of it.
 */
export function freshIp() {
  ipSeq += 1;
  const block = ipSeq < 200 ? '198.51.100' : '203.0.113';
  const ip = `${block}.${((runTag + ipSeq) % 250) + 1}`;
  usedIps.push(ip);
  return ip;
}

let phoneSeq = 0;
/** A distinct valid Russian mobile number per call, different from run to run. */
export function freshPhone() {
  phoneSeq += 1;
  const run = String(Date.now() % 10_000).padStart(4, '0');
  return `+7999${run.slice(0, 3)}${String(phoneSeq).padStart(4, '0')}`;
}

let requestSeq = 0;
export function newRequestId() {
  requestSeq += 1;
  return `topo-${process.pid}-${requestSeq}-${randomBytes(3).toString('hex')}`;
}

export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * One request. Resolves { status, headers, body, text, requestId }; `body` is parsed JSON when
   * the answer is JSON. Never throws on an HTTP status; throws on a network error or timeout.
   */
  async request(method, path, { ip, json, form, token, headers = {}, requestId = newRequestId(), timeoutMs = 10_000 } = {}) {
    const sent = { 'x-request-id': requestId, ...headers };
    if (ip) sent['x-forwarded-for'] = ip;
    if (token) sent.authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      sent['content-type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form !== undefined) {
      sent['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: sent, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let parsed;
    if (/json/.test(response.headers.get('content-type') ?? '')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    return { status: response.status, headers: response.headers, body: parsed, text, requestId };
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, json, options = {}) {
    return this.request('POST', path, { ...options, json });
  }
}

/** "METHOD path → status" plus the body, for assertion messages. */
export function describeResponse(what, response) {
  return `${what} → ${response.status} ${response.text.slice(0, 300)}`;
}
