/* Chronicle search: the script of the search page (search/index.html).
 *
 * The index is a set of scripts written at build time (see the Go package
 * generator/searchindex), routed by term: search/manifest.js calls
 * ChronicleSearch.manifest with the days, publishers, people and the first
 * term of each lexicon part; a lexicon part (ChronicleSearch.lexicon) lists
 * its terms with the posting file of each; a posting file
 * (ChronicleSearch.postings) holds the documents of its terms with their
 * impacts, scored at build time (BM25, titles weighing three times the
 * text); a document's file (ChronicleSearch.doc) holds what a result shows.
 * A search loads only the parts its words lead to, then the documents it
 * shows, 20 at a time. Scripts, not fetch, because a page opened from disk
 * may load scripts but not fetch files.
 *
 * Words are looked up in MiniSearch's SearchableMap (js/searchablemap.*.js):
 * the last word by prefix too, and a word the index does not hold within an
 * edit distance, so that a typo is forgiven while a word spelt right never
 * turns into another.
 *
 * The query and the filters are read from and written to the address
 * (?q=…&day=…&person=…&publisher=…), so that a search can be linked.
 * No inline code, no eval: the Content-Security-Policy allows only the
 * site's own script files.
 */
(function () {
  'use strict';

  var VERSION = 2;
  var PAGE = 20;        // results shown at a time
  var COMPLETIONS = 5;  // words a prefix or a typo may stand for, the most frequent first
  var PREFIX_PARTS = 2; // lexicon parts a prefix is looked up in
  var CHECK = 100;      // entries checked for a phrase before the reader is asked
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];
  var ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var DIGIT = {};
  for (var k = 0; k < ALPHABET.length; k++) {
    DIGIT[ALPHABET.charAt(k)] = k;
  }
  // SearchableMap's own build names its global MiniSearch.
  var SearchableMap = window.MiniSearch;

  var form = document.getElementById('search-form');
  var input = form.elements.q;
  var daySel = form.elements.day;
  var personSel = form.elements.person;
  var pubSel = form.elements.publisher;
  var filters = document.getElementById('search-filters');
  var statusEl = document.getElementById('search-status');
  var hitsEl = document.getElementById('search-hits');
  var moreWrap = document.getElementById('search-more-wrap');
  var moreBtn = document.getElementById('search-more');
  var nojs = document.getElementById('search-nojs');
  var pagesEl = document.getElementById('search-pages');
  var pageList = document.getElementById('search-page-list');

  // The site's root, relative to this page, from this script's own address
  // (<root>js/search.<hash>.js): links stay relative, from disk and online.
  var me = document.currentScript;
  var root = (me && me.getAttribute('src') || '').replace(/js\/[^\/]*$/, '');

  var manifest = null;
  var STOP = {};
  var synonyms = {};  // word → the words that name the same thing
  var dayStart = {};  // date → the number of its first document
  var baseTitle = document.title;
  var firstShown = false;

  // ----- the index files -----

  var data = { l: [], p: [], d: [] }; // lexicon parts, posting files, documents, by number
  var lexMaps = [];                    // lexicon part → its SearchableMap
  var loads = {};                      // 'l3' → a promise of whether it arrived
  var failures = 0;

  window.ChronicleSearch = {
    manifest: function (m) {
      if (typeof SearchableMap !== 'function') {
        fail('The search library could not be loaded.');
        return;
      }
      if (!m || m.version !== VERSION) {
        fail('The search index is of an unknown version.');
        return;
      }
      manifest = m;
      m.stop.forEach(function (w) { STOP[w] = true; });
      m.synonyms.forEach(function (group) {
        group.forEach(function (w) { synonyms[w] = group; });
      });
      // The days with entries, [date, entries], and the first document of each.
      var days = [];
      var n = 0;
      var from = m.days.from.split('-');
      m.days.counts.forEach(function (count, i) {
        if (count) {
          var date = new Date(Date.UTC(Number(from[0]), Number(from[1]) - 1, Number(from[2]) + i)).toISOString().slice(0, 10);
          days.push([date, count]);
          dayStart[date] = n;
        }
        n += count;
      });
      m.days = days;
      setUp();
    },
    lexicon: function (i, rows) { data.l[i] = rows; },
    postings: function (j, codes) { data.p[j] = codes; },
    doc: function (n, a) {
      data.d[n] = { n: n, id: a[0], title: a[1], text: a[2], time: a[3], pub: a[4] };
    }
  };

  // load adds the script of one file of the index (kind 'l', 'p' or 'd',
  // and its number) once, and promises whether its data arrived.
  function load(kind, n) {
    var key = kind + n;
    if (!loads[key]) {
      loads[key] = new Promise(function (resolve) {
        var s = document.createElement('script');
        s.src = root + manifest.dir + '/' + key + '.js';
        s.async = true;
        s.onload = function () {
          var ok = data[kind][n] !== undefined;
          failures += ok ? 0 : 1;
          resolve(ok);
        };
        s.onerror = function () {
          failures++;
          resolve(false);
        };
        document.head.appendChild(s);
      });
    }
    return loads[key];
  }

  function loadAll(kind, list) {
    return Promise.all(list.map(function (n) { return load(kind, n); }));
  }

  // compare orders strings by code point, as the index sorts its terms.
  function compare(a, b) {
    var i = 0;
    while (i < a.length && i < b.length) {
      var x = a.codePointAt(i);
      var y = b.codePointAt(i);
      if (x !== y) {
        return x < y ? -1 : 1;
      }
      i += x > 0xffff ? 2 : 1;
    }
    if (i >= a.length) {
      return i >= b.length ? 0 : -1;
    }
    return 1;
  }

  // partOf is the lexicon part a term would be in.
  function partOf(term) {
    var lo = 0;
    var hi = manifest.lexicon.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (compare(manifest.lexicon[mid], term) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  // lexMap is a loaded lexicon part as a SearchableMap: term → [term, df, file].
  function lexMap(i) {
    if (!lexMaps[i]) {
      lexMaps[i] = SearchableMap.from((data.l[i] || []).map(function (r) { return [r[0], r]; }));
    }
    return lexMaps[i];
  }

  function lookUp(term) {
    return manifest.lexicon.length ? lexMap(partOf(term)).get(term) : undefined;
  }

  // ----- postings -----

  // impactValue is the score an impact level stands for.
  function impactValue(q) {
    return Math.expm1(q / 63 * Math.log1p(manifest.impactTop));
  }

  // readNumber reads a number written five bits a character from code at
  // pos; it returns [number, next position].
  function readNumber(code, pos) {
    var n = 0;
    var shift = 1;
    for (;;) {
      var c = DIGIT[code.charAt(pos++)];
      if (c < 32) {
        return [n + c * shift, pos];
      }
      n += (c - 32) * shift;
      shift *= 32;
    }
  }

  // eachPosting calls f(doc, impact level) for each document of a term's
  // postings, in order of the code (see generator/searchindex/codes.go).
  function eachPosting(code, f) {
    var kind = code.charAt(0);
    if (kind === 'L' || kind === 'M') {
      eachListed(code, 1, code.length, kind === 'L', f);
      return;
    }
    var floor = DIGIT[code.charAt(1)];
    var bar = code.indexOf('|');
    for (var i = 2; i < bar; i++) {
      var bits = DIGIT[code.charAt(i)];
      for (var b = 0; bits; b++, bits >>= 1) {
        if (bits & 1) {
          f((i - 2) * 6 + b, floor);
        }
      }
    }
    eachListed(code, bar + 1, code.length, true, f);
  }

  function eachListed(code, pos, end, withImpact, f) {
    var doc = -1;
    while (pos < end) {
      var r = readNumber(code, pos);
      doc += r[0] + 1;
      pos = r[1];
      var q = 0;
      if (withImpact) {
        q = DIGIT[code.charAt(pos++)];
      }
      f(doc, q);
    }
  }

  function codeOf(entry) {
    var file = data.p[entry[2]];
    return file ? file[entry[0]] : undefined;
  }

  // scoresOf is, for one word of a query, each document's score: the best
  // of its terms' impacts, times the term's weight (a prefix or a typo
  // weighs less than the word itself); -1 where none of them is.
  function scoresOf(alternatives) {
    var scores = new Float32Array(manifest.entries).fill(-1);
    alternatives.forEach(function (alt) {
      var code = codeOf(alt.entry);
      if (code) {
        eachPosting(code, function (doc, q) {
          scores[doc] = Math.max(scores[doc], alt.weight * impactValue(q));
        });
      }
    });
    return scores;
  }

  // membersOf marks the documents of a filter term.
  function membersOf(entry) {
    var set = new Uint8Array(manifest.entries);
    var code = entry && codeOf(entry);
    if (code) {
      eachPosting(code, function (doc) { set[doc] = 1; });
    }
    return set;
  }

  // ----- the form -----

  function option(sel, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    sel.appendChild(o);
    return o;
  }

  function dayLabel(date) {
    var p = date.split('-');
    return Number(p[2]) + ' ' + MONTHS[Number(p[1]) - 1] + ' ' + p[0];
  }

  function plural(n, one, many) {
    return n.toLocaleString('en-GB') + ' ' + (n === 1 ? one : many);
  }

  function setUp() {
    var group = null;
    var month = '';
    manifest.days.forEach(function (d) {
      if (d[0].slice(0, 7) !== month) {
        month = d[0].slice(0, 7);
        group = document.createElement('optgroup');
        group.label = MONTHS[Number(month.slice(5, 7)) - 1] + ' ' + month.slice(0, 4);
        daySel.appendChild(group);
      }
      option(group, d[0], dayLabel(d[0]) + ' (' + d[1] + ')');
    });
    manifest.people.forEach(function (p) { option(personSel, p[0], p[1] + ' (' + p[2] + ')'); });
    manifest.publishers.forEach(function (p) { option(pubSel, p[0], p[1] + ' (' + p[2] + ')'); });

    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    choose(daySel, params.get('day'));
    choose(personSel, params.get('person'));
    choose(pubSel, params.get('publisher'));

    filters.hidden = false;
    nojs.hidden = true;

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      run(true);
    });
    var timer = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(true); }, 200);
    });
    [daySel, personSel, pubSel].forEach(function (sel) {
      sel.addEventListener('change', function () { run(true); });
    });
    moreBtn.addEventListener('click', function () {
      if (current) {
        current.shown += PAGE;
        show(current);
      }
    });
    run(false);
  }

  function choose(sel, value) {
    if (value && sel.querySelector('option[value="' + CSS.escape(value) + '"]')) {
      sel.value = value;
    }
  }

  function chosen() {
    return { q: input.value.trim(), day: daySel.value, person: personSel.value, publisher: pubSel.value };
  }

  // writeAddress puts the search in the address bar, so it can be linked.
  function writeAddress(f) {
    var p = new URLSearchParams();
    ['q', 'day', 'person', 'publisher'].forEach(function (k) {
      if (f[k]) {
        p.set(k, f[k]);
      }
    });
    var qs = p.toString();
    try {
      history.replaceState(null, '', qs ? '?' + qs : location.pathname);
    } catch (e) {
      // Some browsers refuse to change the address of a page on disk.
    }
    document.title = f.q ? f.q + ' – ' + baseTitle : baseTitle;
  }

  // ----- the query -----

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // words splits text as the index does: at spaces and punctuation, folded;
  // very common words and single letters (the "s" of "Putin's") are left
  // out, and the very common ones said.
  function words(text, common) {
    var out = [];
    text.split(/[\s\p{Z}\p{P}]+/u).forEach(function (w) {
      if (!w) {
        return;
      }
      var t = fold(w);
      if (STOP[t]) {
        if (common) {
          common.push(w);
        }
      } else if (!/^\p{L}$/u.test(t)) {
        out.push(t);
      }
    });
    return out;
  }

  // parse splits a query into its words and the "quoted phrases" that must
  // appear as written (their words are words of the query too).
  function parse(q) {
    var phrases = [];
    var common = [];
    var text = q.replace(/"([^"]*)"?/g, function (_, p) {
      p = p.trim();
      if (p) {
        phrases.push(fold(p).replace(/\s+/g, ' '));
      }
      return ' ' + p + ' ';
    });
    var ws = words(text, common);
    var seen = {};
    ws = ws.filter(function (w) { return seen[w] ? false : (seen[w] = true); });
    return { words: ws, phrases: phrases, common: common };
  }

  // candidates lists the lexicon parts a word leads to: its own, its
  // synonyms', and for the last word (read as the start of a word from its
  // third letter) the parts its prefix spans, two at most.
  function partsFor(word, last) {
    var parts = (synonyms[word] || [word]).map(partOf);
    if (last && word.length >= 3) {
      var i = partOf(word);
      for (var n = 1; n < PREFIX_PARTS && i + n < manifest.lexicon.length &&
        manifest.lexicon[i + n].indexOf(word) === 0; n++) {
        parts.push(i + n);
      }
    }
    return parts;
  }

  // alternativesOf lists the terms a word of the query stands for, each
  // with its weight: the word and its synonyms; for the last word, up to
  // five words it is the start of; and for a word the index does not hold,
  // up to five words one typo away (two from eight letters).
  function alternativesOf(word, last) {
    var out = [];
    var seen = {};
    function add(entry, weight) {
      if (entry && !seen[entry[0]]) {
        seen[entry[0]] = true;
        out.push({ entry: entry, weight: weight });
      }
    }
    (synonyms[word] || [word]).forEach(function (w) { add(lookUp(w), 1); });
    var known = out.length > 0;
    var more = [];
    if (last && word.length >= 3) {
      partsFor(word, true).forEach(function (i) {
        lexMap(i).atPrefix(word).forEach(function (term, entry) {
          if (term !== word) {
            more.push({ entry: entry, distance: 0 });
          }
        });
      });
    }
    var distance = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (!known && distance) {
      lexMap(partOf(word)).fuzzyGet(word, distance).forEach(function (v) {
        more.push({ entry: v[0], distance: v[1] });
      });
    }
    more.sort(function (a, b) { return a.distance - b.distance || b.entry[1] - a.entry[1]; });
    more.slice(0, COMPLETIONS).forEach(function (m) { add(m.entry, 0.5); });
    return out;
  }

  // ----- searching -----

  var current = null; // the search shown: its filters, results and how many are shown
  var generation = 0;

  function run(userAction) {
    if (!manifest) {
      return;
    }
    var f = chosen();
    if (userAction) {
      writeAddress(f);
    }
    var gen = ++generation;
    current = null;
    if (!f.q && !f.day && !f.person && !f.publisher) {
      showPages([]);
      hitsEl.textContent = '';
      hitsEl.setAttribute('data-state', 'idle');
      hitsEl.setAttribute('data-total', '0');
      moreWrap.hidden = true;
      statusEl.textContent = 'Search ' + plural(manifest.entries, 'entry', 'entries') + ' from ' +
        plural(manifest.days.length, 'day', 'days') + ' by the words of their titles and text, or choose a day, a person or a publisher.';
      return;
    }
    var parsed = parse(f.q);
    showPages(parsed.words);
    if (f.q && !parsed.words.length) {
      finish({ f: f, hits: [], unchecked: [], shown: PAGE, why: nothingToSearch(f.q, parsed.common) });
      return;
    }
    hitsEl.setAttribute('data-state', 'loading');
    statusEl.textContent = 'Searching…';

    // The filters are terms too: "pub:<id>", "person:<id>".
    var filterTerms = [];
    if (f.publisher) {
      filterTerms.push('pub:' + f.publisher);
    }
    if (f.person) {
      filterTerms.push('person:' + f.person);
    }
    var parts = [];
    parsed.words.forEach(function (w, i) {
      parts = parts.concat(partsFor(w, i === parsed.words.length - 1));
    });
    filterTerms.forEach(function (t) { parts.push(partOf(t)); });
    loadAll('l', unique(parts)).then(function () {
      if (gen !== generation) {
        return null;
      }
      var groups = parsed.words.map(function (w, i) { return alternativesOf(w, i === parsed.words.length - 1); });
      var filterEntries = filterTerms.map(lookUp);
      var files = [];
      groups.forEach(function (g) { g.forEach(function (a) { files.push(a.entry[2]); }); });
      filterEntries.forEach(function (e) {
        if (e) {
          files.push(e[2]);
        }
      });
      return loadAll('p', unique(files)).then(function () {
        return { groups: groups, filterEntries: filterEntries };
      });
    }).then(function (plan) {
      if (!plan || gen !== generation) {
        return;
      }
      var hits = match(f, parsed, plan.groups, plan.filterEntries);
      var terms = [];
      plan.groups.forEach(function (g) { g.forEach(function (a) { terms.push(a.entry[0]); }); });
      var s = {
        f: f, gen: gen, shown: PAGE, terms: terms, phrases: parsed.phrases,
        note: parsed.common.length ? commonNote(parsed.common) : ''
      };
      if (parsed.phrases.length) {
        s.hits = [];
        s.unchecked = hits;
      } else {
        s.hits = hits;
        s.unchecked = [];
      }
      current = s;
      show(s);
    });
  }

  function unique(list) {
    var seen = {};
    return list.filter(function (x) { return seen[x] ? false : (seen[x] = true); });
  }

  // match lists the documents that hold every word of the query (one of
  // its terms) and pass the filters: ranked by their summed impacts, the
  // newest first among equals; with no words, in time order.
  function match(f, parsed, groups, filterEntries) {
    var lo = 0;
    var hi = manifest.entries;
    if (f.day) {
      lo = dayStart[f.day] === undefined ? 0 : dayStart[f.day];
      hi = dayStart[f.day] === undefined ? 0 : lo + dayCount(f.day);
    }
    var sets = filterEntries.map(membersOf);
    var passes = function (doc) {
      for (var i = 0; i < sets.length; i++) {
        if (!sets[i][doc]) {
          return false;
        }
      }
      return true;
    };
    var hits = [];
    if (!groups.length) {
      for (var d = lo; d < hi; d++) {
        if (passes(d)) {
          hits.push({ n: d, score: 0 });
        }
      }
      return hits;
    }
    if (groups.some(function (g) { return !g.length; })) {
      return hits;
    }
    var scores = groups.map(scoresOf);
    for (var doc = lo; doc < hi; doc++) {
      var sum = 0;
      var all = true;
      for (var i = 0; i < scores.length; i++) {
        if (scores[i][doc] < 0) {
          all = false;
          break;
        }
        sum += scores[i][doc];
      }
      if (all && passes(doc)) {
        hits.push({ n: doc, score: sum });
      }
    }
    hits.sort(function (a, b) { return b.score - a.score || b.n - a.n; });
    return hits;
  }

  function dayCount(date) {
    for (var i = 0; i < manifest.days.length; i++) {
      if (manifest.days[i][0] === date) {
        return manifest.days[i][1];
      }
    }
    return 0;
  }

  // hasPhrases says whether a document holds each phrase as written (in
  // any case, without accents).
  function hasPhrases(doc, phrases) {
    var hay = fold(doc.title + ' ' + doc.text).replace(/\s+/g, ' ');
    return phrases.every(function (p) { return hay.indexOf(p) >= 0; });
  }

  // show loads the documents of the results to be shown, checking the
  // phrases of the query in them as they come, and shows them.
  function show(s) {
    var need = s.hits.slice(0, s.shown).map(function (h) { return h.n; });
    var check = [];
    if (s.hits.length < s.shown && s.unchecked.length) {
      check = s.unchecked.slice(0, Math.max(s.shown - s.hits.length, PAGE)).map(function (h) { return h.n; });
    }
    var asked = s.shown;
    hitsEl.setAttribute('data-state', 'loading');
    loadAll('d', need.concat(check)).then(function () {
      // A newer search, or a later ask for more, shows instead.
      if (s.gen !== generation || asked !== s.shown) {
        return;
      }
      var checked = s.unchecked.splice(0, check.length);
      checked.forEach(function (h) {
        if (data.d[h.n] && hasPhrases(data.d[h.n], s.phrases)) {
          s.hits.push(h);
        }
      });
      // A phrase found in few of the entries that hold its words is
      // checked a hundred entries at a time, and the reader asked for more.
      s.checked = (s.checked || 0) + check.length;
      if (s.hits.length < s.shown && s.unchecked.length && s.checked < CHECK) {
        show(s);
        return;
      }
      s.checked = 0;
      finish(s);
    });
  }

  // ----- showing results -----

  // finish shows a search's results and its status line; s.why replaces
  // the status when the query has nothing to search, s.note is added to it.
  function finish(s) {
    var f = s.f;
    var total = s.hits.length;
    // A query with its own quote marks is shown as typed.
    var what = !f.q ? 'your choice' : /["“”]/.test(f.q) ? f.q : '“' + f.q + '”';
    var msg;
    var allDays = false;
    if (s.why) {
      msg = s.why;
    } else if (total === 0 && !s.unchecked.length) {
      msg = 'No entries match ' + what + '.';
      if (f.day) {
        msg = 'No entries match ' + what + ' on ' + dayLabel(f.day) + '.';
        allDays = true;
      }
    } else if (s.unchecked.length) {
      msg = plural(total, 'entry matches', 'entries match') + ' ' + what + ' so far; ' +
        plural(s.unchecked.length, 'more entry holds', 'more entries hold') + ' its words, to be checked as you ask for more.';
    } else {
      msg = plural(total, 'entry matches', 'entries match') + ' ' + what + '.';
      if (total > s.shown) {
        msg += ' Showing the first ' + s.shown + '.';
      }
    }
    if (failures) {
      msg += ' ' + plural(failures, 'part', 'parts') + ' of the index could not be loaded; results may be missing.';
    }
    statusEl.textContent = msg + (s.note || '');
    if (allDays) {
      // The day filter is why nothing was found: offer the other days.
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'search-all-days';
      b.textContent = 'Search all days';
      b.addEventListener('click', function () {
        daySel.value = '';
        run(true);
      });
      statusEl.appendChild(document.createTextNode(' '));
      statusEl.appendChild(b);
    }

    var re = markRE(s.terms || []);
    var list = document.createDocumentFragment();
    s.hits.slice(0, s.shown).forEach(function (h) {
      if (data.d[h.n]) {
        list.appendChild(hit(data.d[h.n], re));
      }
    });
    hitsEl.textContent = '';
    hitsEl.appendChild(list);
    hitsEl.setAttribute('data-state', 'done');
    hitsEl.setAttribute('data-total', String(total));
    moreWrap.hidden = total <= s.shown && !s.unchecked.length;
    if (!firstShown) {
      // When the first results showed, for the search benchmark
      // (internal/searchbench).
      firstShown = true;
      if (window.performance && performance.mark) {
        performance.mark('chronicle-search-first-results');
      }
    }
  }

  // KINDS names the other pages a search finds, as the list shows them.
  var pageWords = []; // by page of manifest.pages
  var KINDS = { person: 'Person', term: 'Glossary', thread: 'Thread', note: 'Editors’ note' };

  // showPages lists, apart from the entries, the people, glossary terms,
  // threads and notes whose name (or other names, role, keywords) has
  // every word of the search, or a word that names the same thing; each
  // word may be the start of one, as for entries.
  function showPages(terms) {
    pageList.textContent = '';
    var found = [];
    if (terms.length) {
      manifest.pages.forEach(function (pg, i) {
        if (!pageWords[i]) { // the words of each page, folded, read once
          pageWords[i] = words(pg[1] + ' ' + pg[3]);
        }
        var all = terms.every(function (t) {
          return (synonyms[t] || [t]).some(function (s) {
            return pageWords[i].some(function (w) { return w.indexOf(s) === 0; });
          });
        });
        if (all) {
          found.push(pg);
        }
      });
    }
    found.slice(0, 20).forEach(function (pg) {
      var li = document.createElement('li');
      li.setAttribute('data-kind', pg[0]);
      var a = document.createElement('a');
      a.href = root + pg[2];
      a.textContent = pg[1];
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      var kind = document.createElement('span');
      kind.className = 'meta';
      kind.textContent = KINDS[pg[0]] || pg[0];
      li.appendChild(kind);
      pageList.appendChild(li);
    });
    pagesEl.hidden = found.length === 0;
  }

  // nothingToSearch says why a search with no searchable word finds
  // nothing, rather than listing everything.
  function nothingToSearch(q, common) {
    if (common.length) {
      return '“' + common.join(' ') + '” ' + (common.length === 1 ? 'is too common a word' : 'are too common words') +
        ' to be searched: add a word that says more.';
    }
    if (/^["“”'\s]*$/.test(q)) {
      return 'A quote mark alone finds nothing: put a phrase between two of them, as in "Nord Stream".';
    }
    return 'Nothing to search for in “' + q + '”: type a word.';
  }

  function commonNote(common) {
    return ' Very common words (' + common.join(', ') + ') are not searched.';
  }

  function markRE(terms) {
    var words = terms.filter(function (t) { return t; }).map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    });
    if (!words.length) {
      return null;
    }
    words.sort(function (a, b) { return b.length - a.length; });
    return new RegExp('(^|[^\\p{L}\\p{N}])(' + words.join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
  }

  // appendMarked adds text to el with the matches of re in <mark>; matches
  // apart only by spaces share one mark ("Nord Stream").
  function appendMarked(el, text, re) {
    var spans = [];
    if (re) {
      re.lastIndex = 0;
      var m;
      while ((m = re.exec(text)) !== null) {
        var start = m.index + m[1].length;
        var end = start + m[2].length;
        var last = spans[spans.length - 1];
        if (last && /^\s*$/.test(text.slice(last[1], start))) {
          last[1] = end;
        } else {
          spans.push([start, end]);
        }
        re.lastIndex = end;
      }
    }
    var pos = 0;
    spans.forEach(function (sp) {
      el.appendChild(document.createTextNode(text.slice(pos, sp[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(sp[0], sp[1]);
      el.appendChild(mark);
      pos = sp[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  // snippet is about 240 characters of text around the first match.
  function snippet(text, re) {
    var max = 240;
    if (text.length <= max) {
      return text;
    }
    var at = 0;
    if (re) {
      re.lastIndex = 0;
      var m = re.exec(text);
      if (m) {
        at = m.index + m[1].length;
      }
    }
    var start = Math.max(0, at - 80);
    if (start > 0) {
      var sp = text.indexOf(' ', start);
      start = sp >= 0 && sp < at ? sp + 1 : start;
    }
    var end = Math.min(text.length, start + max);
    if (end < text.length) {
      var back = text.lastIndexOf(' ', end);
      end = back > at ? back : end;
    }
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  function when(time) {
    return dayLabel(time.slice(0, 10)) + ', ' + time.slice(11, 16) + ' UTC';
  }

  function hit(d, re) {
    var li = document.createElement('li');
    li.className = 'search-hit';
    li.setAttribute('data-entry', d.id);
    li.setAttribute('data-publisher', manifest.publishers[d.pub][0]);

    var h2 = document.createElement('h2');
    h2.className = 'hit-title';
    var a = document.createElement('a');
    a.href = root + 'entries/' + d.id + '.html';
    appendMarked(a, d.title, re);
    h2.appendChild(a);
    li.appendChild(h2);

    var meta = document.createElement('p');
    meta.className = 'hit-meta';
    var t = document.createElement('time');
    t.dateTime = d.time + 'Z';
    t.textContent = when(d.time);
    meta.appendChild(t);
    meta.appendChild(document.createTextNode(' · ' + manifest.publishers[d.pub][1]));
    li.appendChild(meta);

    if (d.text) {
      var p = document.createElement('p');
      p.className = 'hit-snippet';
      appendMarked(p, snippet(d.text, re), re);
      li.appendChild(p);
    }
    return li;
  }

  function fail(msg) {
    statusEl.textContent = msg + ' Browse the days, people and threads instead.';
  }

  // A page whose index never arrived says so instead of waiting for ever.
  window.addEventListener('load', function () {
    if (!manifest) {
      fail('The search index could not be loaded.');
    }
  });
})();
