/* Chronicle search: the script of the search page (search/index.html).
 *
 * The index is a set of scripts written at build time (see the Go package
 * generator/searchindex): search/manifest.js calls ChronicleSearch.manifest
 * with the list of shards, days, publishers and people; each shard calls
 * ChronicleSearch.shard with its entries. Scripts, not fetch, because a page
 * opened from disk may load scripts but not fetch files. Shards load when a
 * search needs them (a search filtered by day loads that day's shard only)
 * and are indexed in the browser by MiniSearch (js/minisearch.*.js).
 *
 * The query and the filters are read from and written to the address
 * (?q=…&day=…&person=…&publisher=…), so that a search can be linked.
 * No inline code, no eval: the Content-Security-Policy allows only the
 * site's own script files.
 */
(function () {
  'use strict';

  var VERSION = 1;
  var PAGE = 50; // results shown at a time
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];
  var STOP = {};
  ('a an and are as at be but by for from has have he her his i in is it its of on or ' +
    'she that the their they this to was were with').split(' ').forEach(function (w) { STOP[w] = true; });

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var daySel = document.getElementById('search-day');
  var personSel = document.getElementById('search-person');
  var pubSel = document.getElementById('search-publisher');
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
  var docs = [];      // by document number
  var shardState = []; // undefined, 'queued', 'loading', 'loaded' or 'failed'
  var mini = null;
  var known = {};     // the query's words the index holds, as written
  var synonyms = {};  // word → the words that name the same thing
  var shown = PAGE;
  var baseTitle = document.title;

  // processTerm folds a word as the index holds it: no accents, lower
  // case; very common words and single letters (the "s" of "Putin's") are
  // not searched.
  function processTerm(term) {
    var t = term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return STOP[t] || /^\p{L}$/u.test(t) ? null : t;
  }

  function newIndex() {
    return new MiniSearch({
      idField: 'n',
      fields: ['title', 'text'],
      processTerm: processTerm,
      searchOptions: {
        boost: { title: 3 },
        combineWith: 'AND',
        // The last word may be the start of a word (results while typing);
        // long words forgive a typo.
        prefix: function (term, i, terms) { return i === terms.length - 1 && term.length > 1; },
        // A typo is forgiven only in a word the index does not hold, so a
        // word spelt right never turns into another ("sanctions" is not
        // "actions"): one letter in five to seven, two from eight.
        fuzzy: function (term) {
          if (known[term]) {
            return false;
          }
          return term.length >= 8 ? 2 : term.length >= 5 ? 1 : false;
        }
      }
    });
  }

  // ----- the index files -----

  window.ChronicleSearch = {
    manifest: function (m) {
      if (typeof MiniSearch !== 'function') {
        fail('The search library could not be loaded.');
        return;
      }
      if (!m || m.version !== VERSION) {
        fail('The search index is of an unknown version.');
        return;
      }
      manifest = m;
      (m.synonyms || []).forEach(function (group) {
        group.forEach(function (w) { synonyms[w] = group; });
      });
      mini = newIndex();
      setUp();
    },
    shard: function (n, list) {
      if (!manifest || shardState[n] === 'loaded') {
        return;
      }
      var add = [];
      list.forEach(function (a) {
        var d = {
          n: docs.length, id: a[0], title: a[1], text: a[2], time: a[3],
          day: a[3].slice(0, 10), pub: a[4], people: a[5]
        };
        docs.push(d);
        add.push(d);
      });
      mini.addAll(add);
      shardState[n] = 'loaded';
    }
  };

  // Shards load a few at a time, in the order they were asked for.
  var queue = [];
  var active = 0;
  var PARALLEL = 3;

  function request(list) {
    list.forEach(function (n) {
      if (!shardState[n]) {
        shardState[n] = 'queued';
        queue.push(n);
      }
    });
    pump();
  }

  function pump() {
    while (active < PARALLEL && queue.length) {
      loadShard(queue.shift());
    }
  }

  function loadShard(n) {
    shardState[n] = 'loading';
    active++;
    var s = document.createElement('script');
    s.src = root + manifest.shards[n].file;
    s.async = true;
    s.onload = function () {
      active--;
      if (shardState[n] !== 'loaded') {
        shardState[n] = 'failed';
      }
      pump();
      schedule();
    };
    s.onerror = function () {
      active--;
      shardState[n] = 'failed';
      pump();
      schedule();
    };
    document.head.appendChild(s);
  }

  // needed lists the shards a search with these filters must have, newest
  // first: results from the latest days show first while the rest load.
  function needed(f) {
    var out = [];
    manifest.shards.forEach(function (s, i) {
      if (!f.day || (s.from <= f.day && f.day <= s.to)) {
        out.unshift(i);
      }
    });
    return out;
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
    return n + ' ' + (n === 1 ? one : many);
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
      shown = PAGE;
      run(true);
    });
    var timer = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { shown = PAGE; run(true); }, 200);
    });
    // A reader who is about to search gets the newest shard ahead of time;
    // the others load when a search needs them.
    input.addEventListener('focus', function () { request(needed({}).slice(0, 1)); });
    [daySel, personSel, pubSel].forEach(function (sel) {
      sel.addEventListener('change', function () { shown = PAGE; run(true); });
    });
    moreBtn.addEventListener('click', function () {
      shown += PAGE;
      run(false);
    });
    run(false);
  }

  function choose(sel, value) {
    if (value && sel.querySelector('option[value="' + CSS.escape(value) + '"]')) {
      sel.value = value;
    }
  }

  function current() {
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

  var scheduled = false;
  function schedule() {
    if (!scheduled) {
      scheduled = true;
      setTimeout(function () { scheduled = false; run(false); }, 30);
    }
  }

  // ----- searching -----

  // parse splits a query into the words MiniSearch looks for and the
  // "quoted phrases" that must appear as written.
  function parse(q) {
    var phrases = [];
    var words = q.replace(/"([^"]*)"?/g, function (_, p) {
      p = p.trim();
      if (p) {
        phrases.push(fold(p));
      }
      return ' ' + p + ' ';
    });
    return { words: words.trim(), phrases: phrases };
  }

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ');
  }

  function matchesFilters(d, f, pubIndex, personIndex) {
    return (!f.day || d.day === f.day) &&
      (pubIndex < 0 || d.pub === pubIndex) &&
      (personIndex < 0 || d.people.indexOf(personIndex) >= 0);
  }

  function indexOf(list, id) {
    for (var i = 0; i < list.length; i++) {
      if (list[i][0] === id) {
        return i;
      }
    }
    return -1;
  }

  function run(userAction) {
    if (!manifest) {
      return;
    }
    var f = current();
    if (userAction) {
      writeAddress(f);
    }
    var filtered = f.day || f.person || f.publisher;
    if (!f.q && !filtered) {
      showPages([]);
      hitsEl.textContent = '';
      hitsEl.setAttribute('data-state', 'idle');
      hitsEl.setAttribute('data-total', '0');
      moreWrap.hidden = true;
      statusEl.textContent = 'Search ' + plural(manifest.entries, 'entry', 'entries') + ' from ' +
        plural(manifest.days.length, 'day', 'days') + ' by the words of their titles and text, or choose a day, a person or a publisher.';
      return;
    }
    var need = needed(f);
    request(need);
    var loaded = need.filter(function (n) { return shardState[n] === 'loaded'; }).length;
    var failed = need.filter(function (n) { return shardState[n] === 'failed'; }).length;
    var done = loaded + failed === need.length;

    var pubIndex = f.publisher ? indexOf(manifest.publishers, f.publisher) : -1;
    var personIndex = f.person ? indexOf(manifest.people, f.person) : -1;
    var parsed = parse(f.q);
    var hits = [];
    var q = query(parsed.words);
    showPages(q.terms);
    if (f.q && !q.terms.length && !parsed.phrases.length) {
      render([], f, true, loaded, failed, need.length, { why: nothingToSearch(f.q, q.common) });
      return;
    }
    if (q.terms.length) {
      var results = mini.search(q.tree, {
        filter: function (r) { return matchesFilters(docs[r.id], f, pubIndex, personIndex); }
      });
      results.forEach(function (r) {
        var d = docs[r.id];
        if (parsed.phrases.length) {
          var hay = fold(d.title + ' ' + d.text);
          for (var i = 0; i < parsed.phrases.length; i++) {
            if (hay.indexOf(parsed.phrases[i]) < 0) {
              return;
            }
          }
        }
        hits.push({ doc: d, terms: r.terms });
      });
    } else {
      docs.forEach(function (d) {
        if (matchesFilters(d, f, pubIndex, personIndex)) {
          hits.push({ doc: d, terms: [] });
        }
      });
      hits.sort(function (a, b) { return a.doc.time < b.doc.time ? -1 : a.doc.time > b.doc.time ? 1 : 0; });
    }
    render(hits, f, done, loaded, failed, need.length, { note: q.common.length ? commonNote(q.common) : '' });
  }

  // query turns the words of a search into MiniSearch's query: all words
  // must match; a word with synonyms (Kiev, Kyiv) matches any of them. It
  // also says which words are too common to be searched, and marks the
  // words the index holds, which are not fuzzed.
  function query(words) {
    var tokenize = MiniSearch.getDefault('tokenize');
    var terms = [];
    var common = [];
    tokenize(words).forEach(function (w) {
      if (!w) {
        return;
      }
      var t = processTerm(w);
      if (t === null) {
        if (STOP[fold(w)]) {
          common.push(w);
        }
        return;
      }
      terms.push(t);
    });
    known = {};
    terms.forEach(function (t) {
      (synonyms[t] || [t]).forEach(function (w) {
        known[w] = mini.search(w, { prefix: false, fuzzy: false }).length > 0;
      });
    });
    var plain = [];
    var groups = [];
    terms.forEach(function (t, i) {
      if (synonyms[t]) {
        groups.push({ combineWith: 'OR', queries: synonyms[t].slice(), prefix: i === terms.length - 1 });
      } else {
        plain.push(t);
      }
    });
    var tree = { combineWith: 'AND', queries: groups };
    if (plain.length) {
      tree.queries.unshift(plain.join(' '));
    }
    return { terms: terms, common: common, tree: tree };
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
      (manifest.pages || []).forEach(function (pg, i) {
        if (!pageWords[i]) { // the words of each page, folded, read once
          pageWords[i] = [];
          MiniSearch.getDefault('tokenize')(pg[1] + ' ' + pg[3]).forEach(function (w) {
            var t = processTerm(w);
            if (t) {
              pageWords[i].push(t);
            }
          });
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

  // ----- showing results -----

  // render shows the hits and the status line; said.why replaces the
  // status when the query has nothing to search, said.note is added to it.
  function render(hits, f, done, loaded, failed, total, said) {
    said = said || {};
    var what = f.q ? '“' + f.q + '”' : 'your choice';
    var msg;
    var allDays = false;
    if (said.why) {
      msg = said.why;
    } else if (hits.length === 0) {
      msg = done ? 'No entries match ' + what + '.' : 'Searching…';
      if (done && f.day) {
        msg = 'No entries match ' + what + ' on ' + dayLabel(f.day) + '.';
        allDays = true;
      }
    } else {
      msg = plural(hits.length, 'entry matches', 'entries match') + ' ' + what + '.';
      if (hits.length > shown) {
        msg += ' Showing the first ' + shown + '.';
      }
    }
    if (!done) {
      msg += ' Loading the index: ' + loaded + ' of ' + total + ' parts.';
    }
    if (failed) {
      msg += ' ' + plural(failed, 'part', 'parts') + ' of the index could not be loaded; results may be missing.';
    }
    statusEl.textContent = msg + (said.note || '');
    if (allDays) {
      // The day filter is why nothing was found: offer the other days.
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'search-all-days';
      b.textContent = 'Search all days';
      b.addEventListener('click', function () {
        daySel.value = '';
        shown = PAGE;
        run(true);
      });
      statusEl.appendChild(document.createTextNode(' '));
      statusEl.appendChild(b);
    }

    var list = document.createDocumentFragment();
    hits.slice(0, shown).forEach(function (h) { list.appendChild(hit(h)); });
    hitsEl.textContent = '';
    hitsEl.appendChild(list);
    hitsEl.setAttribute('data-state', done ? 'done' : 'loading');
    hitsEl.setAttribute('data-total', String(hits.length));
    moreWrap.hidden = hits.length <= shown;
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

  function hit(h) {
    var d = h.doc;
    var re = markRE(h.terms);
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
