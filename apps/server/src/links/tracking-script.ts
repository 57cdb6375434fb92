import { createHash } from 'node:crypto';

/**
 * The tracking script served at `/t.js`, included by a customer's site:
 *
 * ```html
 * <script src="https://warmpath.example.com/t.js" data-window-days="90" async></script>
 * ```
 *
 * It takes the link code from the landing URL's `wp_ref` parameter (which wins, as the latest click) or from its own
 * first-party cookie, keeps it in a `wp_ref` cookie on the customer's domain for the attribution window (set only
 * when the code came from the URL, so page views do not stretch the window), fills empty `<input name="wp_ref">`
 * fields (on load and again when a form is submitted), and exposes
 * `window.warmpath.convert({ email?, company?, type?, properties?, id? })`, which POSTs the conversion to
 * `/t/conversions` on the script's own origin without credentials. Calls queued before the script loaded
 * (`window.warmpath = window.warmpath || []; warmpath.push(['convert', {...}])`) are replayed.
 *
 * Plain ES2017 with no dependencies, written to run unchanged in any current browser; its behaviour is tested by
 * running this text against a minimal window/document stand-in.
 */
export const TRACKING_SCRIPT = `/*! Warmpath tracking script */
(function (window, document) {
  'use strict';
  if (window.warmpath && window.warmpath.version) return;
  var PARAM = 'wp_ref';
  var CODE = /^[A-Za-z0-9_-]{1,64}$/;
  var queued = Array.isArray(window.warmpath) ? window.warmpath : [];
  var script = document.currentScript;
  var base = (script && script.src) || window.location.href;
  var endpoint = new URL('/t/conversions', base).href;
  var days = Number(script && script.getAttribute ? script.getAttribute('data-window-days') : NaN);
  if (!(days >= 1 && days <= 730)) days = 90;

  function valid(value) {
    return typeof value === 'string' && CODE.test(value) ? value : null;
  }
  function fromUrl() {
    try {
      return valid(new URL(window.location.href).searchParams.get(PARAM));
    } catch (error) {
      return null;
    }
  }
  function fromCookie() {
    var pairs = document.cookie ? document.cookie.split(';') : [];
    for (var i = 0; i < pairs.length; i++) {
      var pair = pairs[i].trim();
      if (pair.indexOf(PARAM + '=') === 0) return valid(pair.slice(PARAM.length + 1));
    }
    return null;
  }

  var ref = fromUrl();
  if (ref) {
    document.cookie = PARAM + '=' + ref + '; Path=/; Max-Age=' + days * 86400 + '; SameSite=Lax' +
      (window.location.protocol === 'https:' ? '; Secure' : '');
  } else {
    ref = fromCookie();
  }

  function fillForms(root) {
    if (!ref) return 0;
    var inputs = (root && root.querySelectorAll ? root : document).querySelectorAll('input[name="' + PARAM + '"]');
    var filled = 0;
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].value) {
        inputs[i].value = ref;
        filled++;
      }
    }
    return filled;
  }

  function newId() {
    var crypto = window.crypto;
    if (crypto && crypto.randomUUID) return crypto.randomUUID();
    var id = '';
    for (var i = 0; i < 32; i++) id += Math.floor(Math.random() * 16).toString(16);
    return id;
  }

  function convert(details) {
    details = details || {};
    var id = typeof details.id === 'string' ? details.id : newId();
    if (!ref) return Promise.resolve({ sent: false, reason: 'no-ref', id: id });
    if (typeof window.fetch !== 'function') return Promise.resolve({ sent: false, reason: 'no-fetch', id: id });
    var body = { id: id, ref: ref, page: window.location.origin + window.location.pathname };
    if (details.type) body.type = details.type;
    if (details.email) body.email = details.email;
    if (details.company) body.company = details.company;
    if (details.properties) body.properties = details.properties;
    return window
      .fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        mode: 'cors',
        keepalive: true,
      })
      .then(
        function (response) {
          return { sent: response.ok, status: response.status, id: id };
        },
        function () {
          return { sent: false, reason: 'network', id: id };
        },
      );
  }

  window.warmpath = {
    version: 1,
    ref: function () {
      return ref;
    },
    fillForms: fillForms,
    convert: convert,
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      fillForms();
    });
  } else {
    fillForms();
  }
  document.addEventListener(
    'submit',
    function (event) {
      fillForms(event.target);
    },
    true,
  );
  for (var q = 0; q < queued.length; q++) {
    if (queued[q] && queued[q][0] === 'convert') convert(queued[q][1]);
  }
})(window, document);
`;

/** Strong validator of the script's current text, for conditional requests. */
export const TRACKING_SCRIPT_ETAG = `"${createHash('sha256').update(TRACKING_SCRIPT).digest('base64url').slice(0, 27)}"`;
