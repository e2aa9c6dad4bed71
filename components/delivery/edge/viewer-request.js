// OnAir viewer-request token check (cloudfront-js-2.0; ES5.1 subset, no TypeScript, keep < 5 KB).
// JWT HS256 from the path (/tk/<jwt>/...), ?token= (or ?manifest.token= for MediaTailor), the
// onair_token cookie (ad playback) or a bearer header. Key by kid from the KeyValueStore
// ("k:<kid>"), revoked ids "r:<jti>" / "s:<sid>".
// 401: missing, malformed, badly signed, expired or not yet valid. 403: valid but revoked or bound
// elsewhere (path prefix or MediaTailor config, IP, country, region, playback session).
import cf from 'cloudfront';
import crypto from 'crypto';

var kvs = cf.kvs();
var MAX_TOKEN = 2048;
var SKEW = 30;
var B64URL = /^[A-Za-z0-9_-]+$/;

function deny(status, reason) {
    return {
        statusCode: status,
        statusDescription: status === 401 ? 'Unauthorized' : 'Forbidden',
        headers: { 'cache-control': { value: 'no-store' }, 'x-onair-deny': { value: reason } }
    };
}

function part(s) {
    if (!B64URL.test(s)) return null;
    try {
        var v = JSON.parse(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;
    } catch (e) {
        return null;
    }
}

// Constant time in the length of the expected value.
function same(expected, given) {
    var diff = expected.length ^ given.length;
    for (var i = 0; i < expected.length; i++) {
        diff |= expected.charCodeAt(i) ^ given.charCodeAt(i % (given.length || 1));
    }
    return diff === 0;
}

function header(req, name) {
    var h = req.headers[name];
    return h ? h.value : undefined;
}

function cmcdSession(req) {
    var q = req.querystring.CMCD;
    var raw = q ? decodeURIComponent(q.value) : header(req, 'cmcd-session');
    var m = raw ? raw.match(/(?:^|,)sid="([^"]*)"/) : null;
    return m ? m[1] : undefined;
}

async function handler(event) {
    var req = event.request;
    // CORS preflights carry no credentials and their answers no content.
    if (req.method === 'OPTIONS') return req;
    var tok;
    var m = req.uri.match(/^\/tk\/([^\/]+)(\/.*)$/);
    if (m) {
        tok = m[1];
        req.uri = m[2];
    } else if (req.querystring.token) {
        tok = req.querystring.token.value;
    } else if (req.querystring['manifest.token']) {
        // Ad session start: MediaTailor copies manifest.* onto every URL it writes, as ?token=.
        tok = req.querystring['manifest.token'].value;
    } else if (req.cookies.onair_token) {
        tok = req.cookies.onair_token.value;
    } else {
        var auth = header(req, 'authorization');
        if (auth && auth.indexOf('Bearer ') === 0) tok = auth.slice(7);
    }
    delete req.querystring.token;
    if (!tok) return deny(401, 'missing');
    if (tok.length > MAX_TOKEN) return deny(401, 'oversized');

    var p = tok.split('.');
    if (p.length !== 3 || !B64URL.test(p[2])) return deny(401, 'malformed');
    var h = part(p[0]);
    var c = part(p[1]);
    if (!h || !c) return deny(401, 'malformed');
    if (h.alg !== 'HS256' || typeof h.kid !== 'string' || h.kid.length > 64) return deny(401, 'algorithm');

    var key;
    try {
        key = await kvs.get('k:' + h.kid);
    } catch (e) {
        return deny(401, 'unknown key');
    }
    var sig = crypto.createHmac('sha256', key).update(p[0] + '.' + p[1]).digest('base64url');
    if (!same(sig, p[2])) return deny(401, 'signature');

    var now = Math.floor(Date.now() / 1000);
    if (typeof c.exp !== 'number' || c.exp <= now) return deny(401, 'expired');
    if (c.nbf !== undefined && (typeof c.nbf !== 'number' || c.nbf > now + SKEW)) return deny(401, 'not yet valid');

    // Dot segments could climb out of the prefix ("/a/../b"), so they never pass.
    if (/\/\.\.?(\/|$)|%2e/i.test(req.uri)) return deny(403, 'path');
    // Personalised (MediaTailor) manifests are bound by the playback configuration they name.
    var ads = req.uri.match(/^\/v1\/(?:master|manifest|dash|session)\/[^\/]+\/([^\/]+)\//);
    if (ads ? c.mt !== ads[1] : typeof c.pfx !== 'string' || req.uri.indexOf(c.pfx) !== 0) return deny(403, 'path');
    if (c.ip !== undefined && c.ip !== event.viewer.ip) return deny(403, 'ip');
    if (c.cty !== undefined && c.cty !== header(req, 'cloudfront-viewer-country')) return deny(403, 'country');
    if (c.rgn !== undefined && c.rgn !== header(req, 'cloudfront-viewer-country-region')) return deny(403, 'region');
    if (c.sid !== undefined && c.sid !== cmcdSession(req)) return deny(403, 'session');

    if (typeof c.jti === 'string' && await kvs.exists('r:' + c.jti)) return deny(403, 'revoked');
    if (typeof c.sid === 'string' && await kvs.exists('s:' + c.sid)) return deny(403, 'revoked');
    return req;
}
