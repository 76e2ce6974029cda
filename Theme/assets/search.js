// The Tensor Collective: static search. Only the search page loads this script, and it fetches
// nothing until the reader focuses the box (or opens the page with ?q=). The index is written by
// Sources/Search (format: docs/search.md); its files are scripts calling __tcs(key, value), so
// they load from file:// too. Tokenising, folding and stemming mirror Sources/Search exactly.
(function () {
  "use strict";
  var CJK = "\\u1100-\\u11ff\\u3040-\\u30ff\\u3130-\\u318f\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{3ffff}";
  var WORD = new RegExp("[" + CJK + "]+|(?:(?![" + CJK + "])[\\p{L}\\p{N}\\p{M}_])+", "gu");
  var IS_CJK = new RegExp("^[" + CJK + "]", "u");
  var PAGE = 10;

  function fold(w) {
    return /^[\x00-\x7f]*$/.test(w) ? w.toLowerCase() : w.normalize("NFKD").toLowerCase()
      .replace(/(?![\u3099\u309a])\p{Mn}/gu, "").replace(/ς/g, "σ").replace(/ß/g, "ss").normalize("NFC");
  }

  function stem(w) {
    var m, r;
    if (w.length < 4 || /[^a-z]/.test(w)) return w;
    if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/ies$/.test(w)) { if (w.length > 4) w = w.slice(0, -3) + "y"; }
    else if (/[^sui]s$/.test(w)) w = w.slice(0, -1);
    if (/eed$/.test(w)) ;
    else if (/ied$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
    else if ((m = /(ing|ed)$/.exec(w)) && (r = w.slice(0, m.index)).length > 2 && /[aeiouy]/.test(r)) {
      w = /([^aeiouylsz])\1$/.test(r) ? r.slice(0, -1) : r;
    }
    return w.length > 3 && /e$/.test(w) ? w.slice(0, -1) : w;
  }

  // Query words: {w: folded word, s: its term, c: CJK bigram}.
  function words(q) {
    var out = [];
    (q.replace(/['’]/g, "").match(WORD) || []).forEach(function (raw) {
      var w = fold(raw), cs = Array.from(w), i;
      if (IS_CJK.test(raw)) {
        if (cs.length == 1) out.push({ w: w, s: w, c: 1 });
        for (i = 0; i + 1 < cs.length; i++) out.push({ w: cs[i] + cs[i + 1], s: cs[i] + cs[i + 1], c: 1 });
      } else if (cs.length <= 40) out.push({ w: w, s: stem(w) });
    });
    return out;
  }

  // True when a and b are at most one insertion, deletion, substitution or transposition apart.
  function near(a, b) {
    if (a.length < b.length) { var t = a; a = b; b = t; }
    var m = a.length, n = b.length, i = 0;
    if (m - n > 1) return false;
    while (i < n && a[i] == b[i]) i++;
    if (m > n) return a.slice(i + 1) == b.slice(i);
    return a.slice(i + 1) == b.slice(i + 1) || a[i] == b[i + 1] && a[i + 1] == b[i] && a.slice(i + 2) == b.slice(i + 2);
  }

  // Posting lists: base-32 id gaps (digits from "(" skipping "\"), each followed by a level digit.
  function decode(s, f, levels) {
    var i = 0, id = 0, v, d, c;
    while (i < s.length) {
      v = 0;
      do { c = s.charCodeAt(i++); d = c - (c > 92 ? 41 : 40); v = v * 32 + (d & 31); } while (d > 31);
      id += v;
      if (levels) { c = s.charCodeAt(i++); f(id, c - (c > 92 ? 41 : 40)); } else f(id);
    }
  }

  // The search engine over a loader: load(key) returns a promise of the value in search/<key>.js.
  function Engine(load) {
    var cache = {}, data = {}, meta;
    // A file that failed to load is not remembered: the next search asks for it again.
    function get(k) {
      return cache[k] || (cache[k] = load(k).then(function (v) { return (data[k] = v); }, function (e) {
        delete cache[k];
        throw e;
      }));
    }
    function shard(t) {
      var lo = 0, hi = meta.k.length - 1, mid;
      while (lo < hi) { mid = (lo + hi + 1) >> 1; if (meta.k[mid] <= t) lo = mid; else hi = mid - 1; }
      return lo;
    }
    function span(x, a, b) { for (; a <= b; a++) x.sh["s/" + a] = 1; }

    // The bucket of typo candidates for a word's first (d = 0) or last (d = 1) two characters.
    function bucket(w, d) {
      var cs = Array.from(w), h = d;
      (d ? [cs[cs.length - 1], cs[cs.length - 2]] : cs.slice(0, 2)).forEach(function (c) {
        h = (h * 31 + c.codePointAt(0)) % meta.vb;
      });
      return "v/" + h;
    }

    // A bucket's front-coded list: each entry is a shared-prefix length digit and the rest.
    function unpack(s, back) {
      var prev = "";
      return s ? s.split(" ").map(function (e) {
        var c = e.charCodeAt(0);
        prev = prev.slice(0, c - (c > 92 ? 41 : 40)) + e.slice(1);
        return back ? Array.from(prev).reverse().join("") : prev;
      }) : [];
    }

    // How much term t counts for query word x: exact 1, completion of the last word 0.6, typo 0.4.
    function weight(x, t) {
      return t == x.s ? 1 : x.pre && (t.indexOf(x.w) == 0 || x.ends.indexOf(t) >= 0) ? 0.6 : x.near[t] ? 0.4 : 0;
    }

    // True when term t is one edit from word x, or from x with one of the endings the stemmer removes.
    function close(t, x) {
      return near(t, x.w) || near(t, x.s) || ["e", "s", "es", "ed", "ing", t.slice(-1) + "ing", t.slice(-1) + "ed"]
        .some(function (e) { return near(t + e, x.w); });
    }

    // The first (d = 0) or last two characters of a word.
    function ends(w, d) { return (d ? Array.from(w).slice(-2) : Array.from(w).slice(0, 2)).join(""); }

    function fetch(keys) { return Promise.all(keys.map(get)); }

    // Page ids, best first, and the terms matched; filters are f/ file numbers that all must hold.
    // Common terms keep their best pages inline; the rest are fetched when too few pages match
    // every word, or when all is set (more: true tells that some were left out). A word of 5+
    // letters that matches nothing is corrected: the typo buckets of its first and last two
    // letters name the terms one edit away, whose shards are fetched next.
    function search(q, filters, all) {
      var ws = words(q).slice(0, 10);
      return get("index").then(function (m) {
        meta = m;
        var keys = filters.map(function (f) { return "f/" + f; }), r;
        ws.forEach(function (x, i) {
          x.sh = {};
          x.near = {};
          x.pre = i == ws.length - 1 && (x.c || x.w.length > 1);
          span(x, shard(x.s), shard(x.s));
          if (x.pre) {
            r = shard(x.w);
            span(x, r, Math.min(shard(x.w + "\uffff"), r + 2));
            // A word cut short while typing ("cachin") matches the stem of its likely endings.
            x.ends = ["g", "ng", "ing", "d", "ed", "s", "es"].map(function (e) { return stem(x.w + e); });
            x.ends.forEach(function (e) { span(x, shard(e), shard(e)); });
          }
          keys = keys.concat(Object.keys(x.sh));
        });
        return fetch(keys);
      }).then(function () {
        var miss = ws.filter(function (x) {
          return !x.c && meta.vb && x.w.length > 4 && !/\d/.test(x.w) && !Object.keys(x.sh).some(function (k) {
            for (var t in data[k]) if (weight(x, t)) return 1;
          });
        });
        miss.forEach(function (x) { x.vb = [bucket(x.w, 0), bucket(x.w, 1), bucket(x.s, 1)]; });
        return fetch([].concat.apply([], miss.map(function (x) { return x.vb; }))).then(function () {
          var keys = [];
          miss.forEach(function (x) {
            var n = 0;
            x.vb.forEach(function (k) {
              // A bucket holds other keys too: only terms filed under the word's own ends are compared.
              var a = ends(x.w, 0), b = ends(x.w, 1), c = ends(x.s, 1);
              unpack(data[k][0]).filter(function (t) { return t.indexOf(a) == 0; })
                .concat(unpack(data[k][1], 1).filter(function (t) { return t.slice(-b.length) == b || t.slice(-c.length) == c; }))
                .forEach(function (t) {
                  if (!x.near[t] && n < 3 && close(t, x)) { x.near[t] = 1; n += !x.sh["s/" + shard(t)]; span(x, shard(t), shard(t)); }
                });
            });
            keys = keys.concat(Object.keys(x.sh));
          });
          return fetch(keys);
        });
      }).then(function () { return rank(ws, filters, all); });
    }

    function rank(ws, filters, tails) {
      var total = {}, terms = {}, need = {}, hit = 0, allow = null, ids, full;
      filters.forEach(function (f) {
        var next = {};
        decode(data["f/" + f], function (id) { if (!allow || allow[id]) next[id] = 1; });
        allow = next;
      });
      ws.forEach(function (x) {
        var best = {}, found = 0;
        Object.keys(x.sh).forEach(function (k) {
          var s = data[k], t, f, e;
          function add(id, lv) { var v = e[0] * lv * lv * f; if (!(best[id] >= v)) best[id] = v; }
          for (t in s) {
            if (!(f = weight(x, t))) continue;
            e = s[t];
            terms[t] = found = 1;
            decode(e[1], add, 1);
            if (e.length > 2) { if (data["t/" + e[2]] != null) decode(data["t/" + e[2]], add, 1); else need["t/" + e[2]] = 1; }
          }
        });
        hit += found;
        Object.keys(best).forEach(function (id) {
          if (allow && !allow[id]) return;
          var r = total[id] || (total[id] = [0, 0]);
          r[0]++; r[1] += best[id];
        });
      });
      // Pages with every matched word; pages with some of them only when none has all.
      ids = Object.keys(total).map(Number);
      full = ids.filter(function (id) { return total[id][0] == hit; });
      if (full.length) ids = full;
      need = Object.keys(need);
      if (need.length && (full.length < PAGE || tails)) {
        return Promise.all(need.map(get)).then(function () { return rank(ws, filters, 1); });
      }
      ids.sort(function (a, b) { var x = total[a], y = total[b]; return y[0] - x[0] || y[1] - x[1] || a - b; });
      return { ids: ids, terms: terms, words: ws, more: need.length > 0 };
    }

    return {
      search: search,
      meta: function () { return get("index"); },
      page: function (id) { return get("p/" + id); }
    };
  }

  function escape(s) {
    return s.replace(/[&<>"]/g, function (c) { return "&" + { "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c] + ";"; });
  }

  // HTML for text around the first matched word (all of it if width is 0), matches in <mark>.
  function excerpt(text, r, width) {
    var re = /[\p{L}\p{N}\p{M}_'’]+/gu, hits = [], m, from = 0, to = text.length, out = "", at;
    // Words past the excerpt's window are not scanned.
    while ((m = re.exec(text)) && hits.length < 50 && !(width && hits.length && m.index > hits[0][0] + width)) {
      if (r.terms[stem(fold(m[0].replace(/['’]/g, "")))]) hits.push([m.index, m.index + m[0].length]);
    }
    r.words.forEach(function (x) {
      for (at = x.c ? text.indexOf(x.w) : -1; at >= 0 && hits.length < 50; at = text.indexOf(x.w, at + 1)) hits.push([at, at + x.w.length]);
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    if (width) {
      if (!hits.length) return "";
      from = Math.max(0, text.lastIndexOf(" ", Math.max(0, hits[0][0] - width / 4)) + 1);
      to = Math.min(text.length, from + width);
    }
    hits.forEach(function (h) {
      if (h[0] < from || h[1] > to) return;
      out += escape(text.slice(from, h[0])) + "<mark>" + escape(text.slice(h[0], h[1])) + "</mark>";
      from = h[1];
    });
    return out + escape(text.slice(from, to)) + (to < text.length ? "…" : "");
  }

  if (typeof module == "object" && module.exports) {
    module.exports = { Engine: Engine, words: words, fold: fold, stem: stem, near: near, excerpt: excerpt };
    return;
  }

  // The page: <div id="search" data-base="…/search/"> with the input, filters and results.
  var box = document.getElementById("search");
  if (!box) return;
  box.hidden = false;  // hidden without scripting: the page then says search needs JavaScript
  var input = box.querySelector("input"), list = document.getElementById("search-results");
  var selects = box.querySelectorAll("select"), status = document.getElementById("search-status");
  var more = document.getElementById("search-more"), params = new URLSearchParams(location.search);
  var waiting = {}, seq = 0, result, shown, seen, ready;
  window.__tcs = function (k, v) { if (waiting[k]) waiting[k](v); };
  // Loads search/<k>.js; a busy server or a dropped connection gets two more tries.
  function load(k, tries) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script"), done = 0;
      waiting[k] = function (v) { done = 1; delete waiting[k]; ok(v); };
      s.src = box.dataset.base + k + ".js";
      // A file that ran without handing over its data (cut short on the way) counts as not loaded.
      s.onload = function () { s.remove(); if (!done) fail(new Error("search/" + k + ".js was incomplete")); };
      s.onerror = function () { s.remove(); fail(new Error("search/" + k + ".js did not load")); };
      document.head.appendChild(s);
    }).catch(function (e) {
      if (tries >= 2) throw e;
      return new Promise(function (later) { setTimeout(later, 400 << tries); }).then(function () { return load(k, tries + 1); });
    });
  }
  var engine = Engine(function (k) { return load(k, 0); });

  // Fills the section and tag filters once, from the top-level file.
  function prepare() {
    return ready || (ready = engine.meta().catch(function (e) { ready = null; throw e; }).then(function (m) {
      [m.sec, m.tag].forEach(function (names, i) {
        var select = selects[i], offset = i ? m.sec.length : 0;
        if (!select || names.length < 2) return;
        names.forEach(function (n, j) { select.add(new Option(n[0] + " (" + n[1] + ")", offset + j, false, n[0] == params.get(select.name))); });
        select.parentNode.hidden = false;
      });
    }));
  }

  // Reads the filters, keeps the query and filters in the URL, and returns the filter numbers.
  function state() {
    var filters = [], url = new URLSearchParams();
    if (input.value) url.set("q", input.value);
    selects.forEach(function (s) {
      if (s.value) { filters.push(+s.value); url.set(s.name, s.options[s.selectedIndex].text.replace(/ \(\d+\)$/, "")); }
    });
    history.replaceState(null, "", url.toString() ? "?" + url : location.pathname);
    return filters;
  }

  function run() {
    var q = input.value, n = ++seq;
    if (!words(q).length) { state(); list.innerHTML = status.textContent = ""; more.hidden = true; return; }
    prepare().then(function () { return engine.search(q, state()); }).then(function (r) {
      if (n != seq) return;
      result = r; shown = 0; seen = {}; list.innerHTML = "";
      status.textContent = count(r.ids.length, r.more);
      show(n);
    }).catch(failed(n));
  }

  // Says so in the status line when the index files of search n did not load.
  function failed(n) {
    return function () { if (n == seq) status.textContent = box.dataset.failed; };
  }

  // "1 result", "N results" (with "+" while pages are left out), or the empty state.
  function count(n, partial) {
    if (!n && !partial) return box.dataset.none || "No results.";
    if (n == 1 && !partial) return box.dataset.result || "1 result";
    return (box.dataset.results || "{n} results").replace("{n}", n + (partial ? "+" : ""));
  }

  // Shows the next results; near the end of a list that left pages out, fetches the rest first.
  function show(n) {
    if (result.more && shown + PAGE >= result.ids.length) {
      return engine.search(input.value, state(), 1).then(function (r) { if (n == seq) { result = r; show(n); } }, failed(n));
    }
    var ids = result.ids.filter(function (id) { return !seen[id]; }).slice(0, PAGE);
    ids.forEach(function (id) { seen[id] = 1; });
    shown += ids.length;
    Promise.all(ids.map(engine.page)).then(function (pages) {
      if (n != seq) return;
      pages.forEach(function (p) {
        var li = document.createElement("li");
        li.innerHTML = '<a href="' + escape(p.u) + '">' + excerpt(p.t, result, 0) + "</a>" +
          (p.d ? ' <time datetime="' + p.d + '">' + p.d + "</time>" : "") +
          "<p>" + (excerpt(p.b, result, 220) || escape(p.e)) + "</p>";
        list.appendChild(li);
      });
      more.hidden = !result.more && shown >= result.ids.length;
    }, failed(n));
  }

  input.addEventListener("focus", prepare);
  input.addEventListener("input", run);
  selects.forEach(function (s) { s.addEventListener("change", run); });
  more.addEventListener("click", function () { show(seq); });
  document.addEventListener("keydown", function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a")), at = links.indexOf(document.activeElement);
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key == "/" && !typing) { e.preventDefault(); input.focus(); }
    else if (e.key == "Escape") { input.value = ""; run(); input.blur(); }
    else if ((e.key == "ArrowDown" || e.key == "ArrowUp") && links.length && (at >= 0 || document.activeElement == input)) {
      e.preventDefault();
      at += e.key == "ArrowDown" ? 1 : -1;
      (at < 0 ? input : links[Math.min(at, links.length - 1)]).focus();
    } else if (e.key == "Enter" && document.activeElement == input && links.length) links[0].click();
  });
  if (params.get("q")) { input.value = params.get("q"); run(); }
})();
