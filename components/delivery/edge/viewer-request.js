// OnAir viewer token check (cloudfront-js-2.0 subset, plain JS, < 5 KB; ADRs 006, 015, 018, 020).
// Key reads fail closed (503, retryable), revocation reads fail open.
import cf from 'cloudfront';
import crypto from 'crypto';

var kvs = cf.kvs();
var MAX_TOKEN = 2048;
var SKEW = 30;
var MAX_LIFE = 86400;
var B64 = /^[A-Za-z0-9_-]+$/;
// After the token: strict alphabet, no empty or dot-led segment, no % at all.
var PATH = /^(\/[A-Za-z0-9_~=,-][A-Za-z0-9._~=,-]*)+$/;
var PFX = /^\/out\/v1\/[a-z0-9-]+\/[a-z0-9-]+\/$/;
var ADS = /^\/v1\/(?:master|manifest|dash|session|tracking|segment)\/[^\/]+\/([^\/]+)\//;

function deny(s, why) {
  var h = { 'cache-control': { value: 'no-store' }, 'x-onair-deny': { value: why } };
  if (s === 503) h['retry-after'] = { value: '2' };
  return { statusCode: s, statusDescription: s === 401 ? 'Unauthorized' : s === 503 ? 'Service Unavailable' : 'Forbidden', headers: h };
}

function part(s) {
  if (!B64.test(s)) return null;
  try {
    var v = JSON.parse(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch (e) {
    return null;
  }
}

// Constant time in the length of the expected value.
function same(a, b) {
  var d = a.length ^ b.length;
  for (var i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
  return d === 0;
}

function hdr(req, n) {
  var h = req.headers[n];
  return h ? h.value : undefined;
}

function session(req) {
  var q = req.querystring.CMCD;
  var raw = hdr(req, 'cmcd-session');
  try {
    if (q) raw = decodeURIComponent(q.value);
  } catch (e) {
    return undefined;
  }
  var m = raw ? raw.match(/(?:^|,)sid="([^"]*)"/) : null;
  return m ? m[1] : undefined;
}

// get() rejects for a missing key and a failing store alike; exists() tells them apart.
// null: no such key. undefined: the store failed.
async function signingKey(kid) {
  try {
    return await kvs.get('k:' + kid);
  } catch (e) {}
  try {
    if (!(await kvs.exists('k:' + kid))) return null;
  } catch (e) {}
  return undefined;
}

async function revoked(k) {
  try {
    return await kvs.exists(k);
  } catch (e) {
    return false;
  }
}

function id(v, num) {
  return (typeof v === 'string' && v.length > 0 && v.length <= 128) || (num && typeof v === 'number' && isFinite(v));
}

async function handler(event) {
  var req = event.request;
  var q = req.querystring;
  var tok;
  var m = req.uri.match(/^\/tk\/([^\/]+)(\/.*)$/);
  if (m) {
    tok = m[1];
    req.uri = m[2];
  } else if (q.token) {
    tok = q.token.value;
  } else if (q['manifest.token']) {
    tok = q['manifest.token'].value;
  } else {
    var a = hdr(req, 'authorization');
    if (a && a.indexOf('Bearer ') === 0) tok = a.slice(7);
    else if (req.cookies.onair_token) tok = req.cookies.onair_token.value;
  }
  delete q.token;
  if (!PATH.test(req.uri)) return deny(403, 'path');
  // Preflights carry no credentials; the token is already out of path and query.
  if (req.method === 'OPTIONS') return req;
  if (!tok) return deny(401, 'missing');
  if (tok.length > MAX_TOKEN) return deny(401, 'oversized');

  var p = tok.split('.');
  if (p.length !== 3 || !B64.test(p[2])) return deny(401, 'malformed');
  var h = part(p[0]);
  var c = part(p[1]);
  if (!h || !c) return deny(401, 'malformed');
  if (h.alg !== 'HS256' || typeof h.kid !== 'string' || h.kid.length > 64) return deny(401, 'algorithm');
  var key = await signingKey(h.kid);
  if (key === null) return deny(401, 'unknown key');
  if (key === undefined) return deny(503, 'store');
  if (!same(crypto.createHmac('sha256', key).update(p[0] + '.' + p[1]).digest('base64url'), p[2])) return deny(401, 'signature');

  var now = Math.floor(Date.now() / 1000);
  if (typeof c.exp !== 'number' || !(c.exp > now)) return deny(401, 'expired');
  if (c.exp - now > MAX_LIFE + SKEW) return deny(401, 'lifetime');
  if (c.nbf !== undefined && (typeof c.nbf !== 'number' || c.nbf > now + SKEW)) return deny(401, 'not yet valid');
  // Every token is revocable: jti required; sid, if any, a string.
  if (!id(c.jti, true) || (c.sid !== undefined && !id(c.sid))) return deny(401, 'malformed');

  // MediaTailor paths bind to the playback configuration, the rest to a channel prefix.
  var ads = req.uri.match(ADS);
  if (ads ? c.mt !== ads[1] : typeof c.pfx !== 'string' || !PFX.test(c.pfx) || req.uri.indexOf(c.pfx) !== 0) return deny(403, 'path');
  if (c.ip !== undefined && c.ip !== event.viewer.ip) return deny(403, 'ip');
  if (c.cty !== undefined && c.cty !== hdr(req, 'cloudfront-viewer-country')) return deny(403, 'country');
  if (c.rgn !== undefined && c.rgn !== hdr(req, 'cloudfront-viewer-country-region')) return deny(403, 'region');
  if (c.sid !== undefined && c.sid !== session(req)) return deny(403, 'session');
  if (await revoked('r:' + c.jti)) return deny(403, 'revoked');
  if (c.sid !== undefined && await revoked('s:' + c.sid)) return deny(403, 'revoked');
  return req;
}
