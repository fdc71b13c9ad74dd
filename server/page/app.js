// The search page of r2p-serve: reads its state from the URL, asks the JSON API, draws the
// results, facets, timeline and passage context. Nothing from a statement is ever parsed as
// HTML: every text goes in through textContent or text nodes (the CSP forbids inline script
// and style; styles are set through classes).
"use strict";

(() => {
  // ---------------------------------------------------------------------------------------
  // State: everything the page shows follows from the URL's query string.
  // ---------------------------------------------------------------------------------------

  const LIST_FILTERS = ["theme", "role", "kind", "country", "speaker"];
  const FACETS = ["theme", "role", "kind", "year", "country", "speaker"];
  const FACET_TITLES = {
    theme: "Theme", role: "Speaker's role", kind: "Passage kind", year: "Year",
    country: "Country", speaker: "Speaker",
  };
  // Facets with a filter box (they can hold hundreds of names).
  const FILTERABLE = new Set(["speaker", "country"]);
  const FACET_SHOWN = 8;  // values shown before "Show all"
  const DEFAULTS = { q: "", from: "", to: "", sort: "relevance", group: "none", offset: 0,
                     limit: 10, correct: "auto", passage: "", like: "", trace: "", sentence: 0,
                     traceText: "" };
  // What leaving a trace resets (a trace is of a passage's sentence, or of a sentence's text).
  const NO_TRACE = { trace: "", sentence: 0, traceText: "" };
  const KIND_LABELS = { paragraph: "Paragraph", quote: "Quote" };
  // The timeline's series: 6 colours (style.css's .series-0 ... .series-5) times 5 fills
  // (solid, then patterns drawn over the colour) tell 30 themes apart, the taxonomy's count.
  const SERIES_COLOURS = 6;
  const SERIES_FILLS = 5;

  function emptyState() {
    const s = { ...DEFAULTS };
    for (const key of LIST_FILTERS) s[key] = [];
    return s;
  }

  function clampCount(text, fallback, max) {
    const n = Number.parseInt(text, 10);
    if (!Number.isFinite(n) || n < 0 || String(n) !== String(text).trim()) return fallback;
    return Math.min(n, max);
  }

  function stateFromUrl(search) {
    const params = new URLSearchParams(search);
    const s = emptyState();
    for (const key of LIST_FILTERS) {
      s[key] = [...new Set(params.getAll(key).filter((v) => v !== ""))];
    }
    s.q = params.get("q") || "";
    s.from = params.get("from") || "";
    s.to = params.get("to") || "";
    s.sort = params.get("sort") === "date" ? "date" : "relevance";
    const group = params.get("group");
    s.group = group === "paragraph" || group === "doc" ? group : DEFAULTS.group;
    s.offset = clampCount(params.get("offset") || "0", 0, 1000000);
    s.limit = clampCount(params.get("limit") || String(DEFAULTS.limit), DEFAULTS.limit, 100) ||
              DEFAULTS.limit;
    s.correct = params.get("correct") === "off" ? "off" : "auto";
    s.passage = params.get("passage") || "";
    s.like = params.get("like") || "";
    s.trace = params.get("trace") || "";
    s.sentence = s.trace ? clampCount(params.get("sentence") || "1", 1, 100000) || 1 : 0;
    s.traceText = s.trace ? "" : params.get("trace-text") || "";
    return s;
  }

  // The page's own URL for a state: only what differs from the defaults.
  function urlFromState(s) {
    const params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    for (const key of LIST_FILTERS) for (const v of s[key]) params.append(key, v);
    if (s.from) params.set("from", s.from);
    if (s.to) params.set("to", s.to);
    if (s.sort !== DEFAULTS.sort) params.set("sort", s.sort);
    if (s.group !== DEFAULTS.group) params.set("group", s.group);
    if (s.offset) params.set("offset", String(s.offset));
    if (s.limit !== DEFAULTS.limit) params.set("limit", String(s.limit));
    if (s.correct !== DEFAULTS.correct) params.set("correct", s.correct);
    if (s.passage) params.set("passage", s.passage);
    if (s.like) params.set("like", s.like);
    if (s.trace) {
      params.set("trace", s.trace);
      params.set("sentence", String(s.sentence || 1));
    } else if (s.traceText) {
      params.set("trace-text", s.traceText);
    }
    const text = params.toString();
    return text ? `/?${text}` : "/";
  }

  // The API's query string for the search a state shows (overrides for the timeline).
  function apiSearchUrl(s, overrides = {}) {
    const t = { ...s, ...overrides };
    const params = new URLSearchParams();
    if (t.q) params.set("q", t.q);
    for (const key of LIST_FILTERS) for (const v of t[key]) params.append(key, v);
    if (t.from) params.set("from", t.from);
    if (t.to) params.set("to", t.to);
    for (const f of t.facets || FACETS) params.append("facet", f);
    params.set("facet-mode", "disjunctive");
    params.set("sort", t.sort);
    params.set("offset", String(t.offset));
    params.set("limit", String(t.limit));
    params.set("group", t.group);
    params.set("correct", t.correct);
    if (t.like) params.set("like", t.like);
    return `/api/search?${params.toString()}`;
  }

  // ---------------------------------------------------------------------------------------
  // Small DOM helpers (text only: no innerHTML anywhere).
  // ---------------------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key in node && typeof value !== "string") node[key] = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child);
    }
    return node;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs = {}) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    return node;
  }

  // Text with [start, end) code-point ranges wrapped in <mark> (of class `markClass`, if any).
  function highlighted(text, ranges, markClass = null) {
    const fragment = document.createDocumentFragment();
    const points = Array.from(text || "");
    const sorted = (Array.isArray(ranges) ? ranges : [])
      .filter((r) => Array.isArray(r) && r.length === 2 && r[0] < r[1])
      .sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [start, end] of sorted) {
      if (start < at || start >= points.length) continue;
      if (start > at) fragment.append(points.slice(at, start).join(""));
      fragment.append(el("mark", { class: markClass, text: points.slice(start, end).join("") }));
      at = Math.min(end, points.length);
    }
    if (at < points.length) fragment.append(points.slice(at).join(""));
    return fragment;
  }

  const numberFormat = new Intl.NumberFormat("en");
  const formatCount = (n) => numberFormat.format(n);

  // "2012-09-28" -> "28 September 2012"; "2012-09" -> "September 2012".
  function formatDate(date) {
    if (!date) return "no date";
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
    if (!m) return date;
    const months = ["January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December"];
    const parts = [];
    if (m[3]) parts.push(String(Number(m[3])));
    if (m[2]) parts.push(months[Number(m[2]) - 1] || m[2]);
    parts.push(m[1]);
    return parts.join(" ");
  }

  // Case-, accent- and apostrophe-insensitive text for the facet filter boxes: "d’ivoire"
  // (curly), "dʼivoire" (modifier letter) and "d'ivoire" find the same country.
  const fold = (text) => String(text).normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02bc\uff07]/g, "'").toLowerCase();

  // A URL that may be shown, linked or cited: http(s) only (never javascript: or data:).
  const safeUrl = (url) => (typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url.trim())
                            ? url.trim() : null);

  // ---------------------------------------------------------------------------------------
  // The API.
  // ---------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  const responseCache = new Map();  // API URL -> JSON: Back shows the previous page at once
  const CACHE_SIZE = 40;

  async function getJson(url, { cache = true } = {}) {
    if (cache && responseCache.has(url)) return responseCache.get(url);
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" } });
    } catch (error) {
      throw new ApiError(`the server cannot be reached (${error.message})`, 0);
    }
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok || body === null || (body && typeof body.error === "string")) {
      const message = body && body.error ? body.error
                                         : `${response.status} ${response.statusText}`.trim();
      throw new ApiError(message, body && body.status ? body.status : response.status);
    }
    if (cache) {
      responseCache.set(url, body);
      if (responseCache.size > CACHE_SIZE) {
        responseCache.delete(responseCache.keys().next().value);
      }
    }
    return body;
  }

  function showError(what, error) {
    const box = $("error");
    box.replaceChildren(
      el("strong", { text: `${what}: ` }),
      error.message,
      error.status ? ` (HTTP ${error.status})` : "",
    );
    box.hidden = false;
  }

  function clearError() {
    $("error").hidden = true;
    $("error").replaceChildren();
  }

  // Labels of themes and roles (the taxonomy), and of countries and speakers (learnt from facets).
  const labels = { theme: new Map(), role: new Map(), country: new Map(), speaker: new Map(),
                   kind: new Map(Object.entries(KIND_LABELS)), year: new Map() };
  // A country without a name (no speakers table) is shown by its upper-case ISO code.
  const labelOf = (facet, value) => {
    const label = labels[facet]?.get(value);
    if (facet === "country" && (!label || label === value)) return String(value).toUpperCase();
    return label || value;
  };

  function learnTaxonomy(kind, entries) {
    if (Array.isArray(entries)) {
      for (const e of entries) {
        if (e && typeof e === "object" && e.id) labels[kind].set(e.id, e.label || e.id);
      }
    } else if (entries && typeof entries === "object") {
      for (const [id, value] of Object.entries(entries)) {
        labels[kind].set(id, typeof value === "string" ? value : value?.label || id);
      }
    }
  }

  const taxonomyLoaded = getJson("/api/taxonomy")
    .then((taxonomy) => {
      learnTaxonomy("theme", taxonomy.themes);
      learnTaxonomy("role", taxonomy.roles);
    })
    .catch((error) => showError("Theme and role labels could not be loaded", error));

  // ---------------------------------------------------------------------------------------
  // Navigation: every change is a new URL (pushState), so Back and links work.
  // ---------------------------------------------------------------------------------------

  let state = stateFromUrl(location.search);
  let renderToken = 0;
  let openedFrom = null;   // the result id the context view was opened from
  let scrollToResults = false;  // set by the pager

  function navigate(next, { replace = false } = {}) {
    const url = urlFromState(next);
    // Marks a context or trace view entered from another view: its Back link can then go back.
    const entry = { fromResults: viewOf(next) !== viewOf(state) && viewOf(next) !== "search" };
    if (replace) history.replaceState(entry, "", url);
    else history.pushState(entry, "", url);
    state = next;
    render();
  }

  function update(changes) {
    navigate({ ...state, passage: "", ...NO_TRACE, offset: 0, ...changes });
  }

  // Which view a state shows: a trace, a passage in context, or the search (or like) results.
  function viewOf(s) {
    if (s.trace || s.traceText) return "trace";
    return s.passage ? "context" : "search";
  }

  function toggleValue(list, value) {
    return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  }

  // A link that navigates inside the page but still works opened in a new tab.
  function pageLink(next, text, props = {}, beforeNavigate = null) {
    return el("a", {
      href: urlFromState(next),
      text,
      ...props,
      onclick: (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
            event.altKey) return;
        event.preventDefault();
        if (beforeNavigate) beforeNavigate();
        navigate(next);
      },
    });
  }

  window.addEventListener("popstate", () => {
    state = stateFromUrl(location.search);
    render();
  });

  async function render() {
    const token = ++renderToken;
    $("q").value = state.q;
    $("sort").value = state.sort;
    // Similar passages by date read as a history: oldest first (the library's like order).
    $("sort-date").textContent = state.like ? "Oldest first" : "Newest first";
    $("group").value = state.group;
    document.title = state.q ? `${state.q} – R2P statements search` : "R2P statements search";
    const view = viewOf(state);
    $("search-view").hidden = view !== "search";
    $("sidebar").hidden = view !== "search";
    $("context-view").hidden = view !== "context";
    $("trace-view").hidden = view !== "trace";
    if (view === "trace") await renderTrace(token);
    else if (view === "context") await renderContext(token);
    else await renderSearch(token);
    // Says the page shows the current URL's state (scripts and the browser tests wait on it).
    if (token === renderToken) document.body.dataset.rendered = String(token);
  }

  // ---------------------------------------------------------------------------------------
  // The search view.
  // ---------------------------------------------------------------------------------------

  async function renderSearch(token) {
    const s = state;
    $("main").setAttribute("aria-busy", "true");
    let result;
    try {
      [result] = await Promise.all([getJson(apiSearchUrl(s)), taxonomyLoaded]);
    } catch (error) {
      if (token !== renderToken) return;
      $("main").removeAttribute("aria-busy");
      showError("The search failed", error);
      $("status").textContent = "No results: the search failed.";
      $("results").replaceChildren();
      $("facets").replaceChildren();
      $("timeline").hidden = true;
      $("pager").hidden = true;
      $("correction").hidden = true;
      renderActiveFilters(s);
      renderLikeBanner(s, null);
      return;
    }
    if (token !== renderToken) return;
    $("main").removeAttribute("aria-busy");
    clearError();
    for (const [facet, values] of Object.entries(result.facets || {})) {
      for (const v of values) {
        if (v.label && facet !== "kind" && (facet !== "theme" && facet !== "role" || !labels[facet].has(v.value))) {
          labels[facet]?.set(v.value, v.label);
        }
      }
    }
    renderCorrection(s, result);
    renderStatus(s, result);
    renderActiveFilters(s);
    renderLikeBanner(s, result);
    renderResults(s, result);
    renderPager(s, result);
    renderFacets(s, result);
    if (scrollToResults) {
      scrollToResults = false;
      $("search-view").scrollIntoView({ block: "start" });
      $("results").focus({ preventScroll: true });
    }
    if (openedFrom) {
      const item = document.querySelector(`.result[data-id="${CSS.escape(openedFrom)}"]`);
      openedFrom = null;
      if (item) item.focus();
    }
    await renderTimeline(s, result, token);
  }

  function matchCount(result) {
    const m = result.matches || {};
    return { count: m.estimated ?? m.lower ?? 0, exact: m.exact !== false };
  }

  // With grouping, how many groups match ({lower, estimated, upper, exact} like matches).
  function groupCount(result) {
    const g = result.groups;
    if (g && typeof g === "object") return { count: g.estimated ?? g.lower ?? 0, exact: g.exact !== false };
    if (Number.isFinite(g)) return { count: g, exact: true };
    return null;
  }

  // Paging counts groups when results are grouped (offset and limit page through groups).
  function pagedTotal(s, result) {
    const groups = s.group !== "none" ? groupCount(result) : null;
    return groups ? groups.count : matchCount(result).count;
  }

  function renderStatus(s, result) {
    const { count, exact } = matchCount(result);
    const shown = (result.results || []).length;
    const about = (known) => (known ? "" : "about ");
    const plural = (n, noun) => `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;
    const passages = `${about(exact)}${plural(count, "passage")}`;
    const groups = s.group !== "none" ? groupCount(result) : null;
    let text;
    if (count === 0) {
      text = "No passages match.";
    } else if (shown === 0) {
      text = `${passages} match; this page is past the last one.`;
    } else {
      const range = `${formatCount(s.offset + 1)}–${formatCount(s.offset + shown)}`;
      text = groups ? `${range} of ${about(groups.exact)}${plural(groups.count, s.group === "doc" ? "document" : "paragraph")} (${passages} match)`
                    : `${range} of ${passages}`;
    }
    $("status").textContent = text;
  }

  function renderCorrection(s, result) {
    const box = $("correction");
    box.replaceChildren();
    if (result.corrected_query) {
      box.append(
        "Showing results for ",
        el("strong", { class: "corrected", text: result.corrected_query }),
        "; search instead for ",
        pageLink({ ...s, correct: "off", offset: 0, passage: "" }, s.q, { class: "original" }),
      );
      box.hidden = false;
    } else if (result.suggestion) {
      box.append(
        "Did you mean ",
        pageLink({ ...s, q: result.suggestion, correct: "auto", offset: 0, passage: "" },
                 result.suggestion, { class: "suggestion" }),
        "?",
      );
      box.hidden = false;
    } else {
      box.hidden = true;
    }
  }

  function renderActiveFilters(s) {
    const box = $("active-filters");
    box.replaceChildren();
    const chips = [];
    for (const key of LIST_FILTERS) {
      for (const value of s[key]) {
        chips.push([`${FACET_TITLES[key]}: ${labelOf(key, value)}`,
                    { [key]: s[key].filter((v) => v !== value) }]);
      }
    }
    if (s.from || s.to) {
      const range = s.from === s.to ? s.from : `${s.from || "…"}–${s.to || "…"}`;
      chips.push([`Year: ${range}`, { from: "", to: "" }]);
    }
    if (chips.length === 0) return;
    const list = el("ul", { class: "filter-chips", "aria-label": "Active filters" });
    for (const [text, change] of chips) {
      list.append(el("li", {}, el("button", {
        type: "button", class: "filter-chip", text: `${text} ×`,
        "aria-label": `Remove filter ${text}`, onclick: () => update(change),
      })));
    }
    const cleared = {};
    for (const key of LIST_FILTERS) cleared[key] = [];
    list.append(el("li", {}, el("button", {
      type: "button", class: "link-button", text: "Clear all filters",
      onclick: () => update({ ...cleared, from: "", to: "" }),
    })));
    box.append(list);
  }

  function badge(text, kind, title) {
    return el("span", { class: `badge badge-${kind}`, text, title });
  }

  function renderResults(s, result) {
    const list = $("results");
    list.replaceChildren();
    const hits = result.results || [];
    if (hits.length === 0 && matchCount(result).count === 0) {
      list.append(el("li", { class: "no-results" },
        el("p", { text: s.q ? `Nothing matches “${s.q}”${hasFilters(s) ? " with these filters" : ""}.`
                            : "Nothing matches these filters." }),
        el("p", { text: "Try fewer words, another spelling, or remove a filter." })));
      return;
    }
    for (const hit of hits) list.append(resultItem(s, hit));
  }

  function hasFilters(s) {
    return LIST_FILTERS.some((k) => s[k].length > 0) || s.from !== "" || s.to !== "";
  }

  function resultItem(s, hit) {
    const doc = hit.doc || {};
    const contextState = { ...s, passage: hit.id };
    const head = el("div", { class: "result-head" },
      badge(KIND_LABELS[hit.kind] || hit.kind, hit.kind === "quote" ? "quote" : "paragraph"),
      hit.label ? el("span", { class: "para-label", text: `¶${hit.label}`,
                               title: "Paragraph number as printed" }) : null);
    for (const role of hit.roles || []) head.append(badge(labelOf("role", role), "role", "Speaker's role"));
    if (hit.speaker) head.append(badge(hit.speaker, "speaker", "Speaker"));

    const title = el("h3", { class: "result-title" },
      pageLink(contextState, doc.title || doc.id || hit.id, { class: "result-link" }));

    const snippet = el("p", { class: "snippet" });
    if (typeof hit.snippet_text === "string") {
      snippet.append(highlighted(hit.snippet_text, hit.highlights));
    } else {
      snippet.textContent = hit.text || "";
    }
    const like = hit.like && typeof hit.like === "object" ? likeMatch(hit, hit.like) : null;
    const sentences = sentencePicker(s, hit);

    const chips = el("ul", { class: "chips", "aria-label": "Themes" });
    for (const theme of hit.themes || []) {
      const selected = s.theme.includes(theme);
      chips.append(el("li", {}, el("button", {
        type: "button", class: `chip${selected ? " chip-selected" : ""}`,
        text: labelOf("theme", theme), "aria-pressed": selected ? "true" : "false",
        title: selected ? "Remove this theme filter" : "Filter by this theme",
        onclick: () => update({ theme: toggleValue(s.theme, theme) }),
      })));
    }

    const meta = el("p", { class: "doc-meta" }, ...docMeta(doc),
                    el("span", { class: "passage-id", text: hit.id }));

    const actions = el("div", { class: "result-actions" },
      pageLink(contextState, "In context", { class: "context-link",
                                               "aria-label": `Open ${hit.id} in its context` }),
      sentences.toggle,
      s.like === hit.id ? null
        : pageLink({ ...s, like: hit.id, offset: 0, passage: "" }, "Similar passages",
                   { class: "like-link", "aria-label": `Passages with sentences like those of ${hit.id}` }),
      el("button", { type: "button", class: "cite-button", text: "Cite",
                     "aria-label": `Cite ${hit.id}`, onclick: () => openCite(hit) }));
    if (hit.folded > 0) {
      const what = s.group === "doc" ? "in this document" : "in this paragraph";
      actions.append(el("span", { class: "folded",
        text: `+${formatCount(hit.folded)} more ${hit.folded === 1 ? "match" : "matches"} ${what}` }));
    }

    return el("li", { class: `result result-${hit.kind}`, tabindex: "0", "data-id": hit.id,
                      onkeydown: (event) => {
                        if (event.key === "Enter" && event.target === event.currentTarget) {
                          event.preventDefault();
                          openedFrom = hit.id;
                          navigate(contextState);
                        }
                      } },
              // A like search's snippet is the matched sentence, which `like` shows marked.
              head, title, like || snippet, chips.childElementCount ? chips : null, meta, actions,
              sentences.panel);
  }

  // The document's date, event, place, country and symbol as spans.
  function docMeta(doc) {
    const parts = [el("time", { datetime: doc.date || null, text: formatDate(doc.date) })];
    if (doc.symbol) parts.push(el("span", { text: doc.symbol }));
    if (doc.event) parts.push(el("span", { text: doc.event }));
    if (doc.place) parts.push(el("span", { text: doc.place }));
    if (doc.country && doc.country.code) {
      parts.push(el("span", { text: doc.country.name ? `${doc.country.name} (${doc.country.code.toUpperCase()})`
                                                     : doc.country.code.toUpperCase() }));
    }
    if (safeUrl(doc.source_url)) {
      parts.push(el("a", { href: safeUrl(doc.source_url), text: "source", rel: "noopener noreferrer" }));
    }
    return parts;
  }

  function renderPager(s, result) {
    const pager = $("pager");
    pager.replaceChildren();
    const total = pagedTotal(s, result);
    const pages = Math.ceil(total / s.limit);
    const current = Math.floor(s.offset / s.limit);
    if (pages <= 1 && s.offset === 0) {
      pager.hidden = true;
      return;
    }
    const list = el("ul");
    const pageItem = (page, text, rel, label) => {
      if (page === current && !rel) {
        return el("li", {}, el("span", { class: "current", "aria-current": "page", text }));
      }
      // A new page starts at its top (the pager sits below the results).
      return el("li", {}, pageLink({ ...s, offset: page * s.limit, passage: "" }, text,
                                   { rel, "aria-label": label }, () => { scrollToResults = true; }));
    };
    if (current > 0) list.append(pageItem(current - 1, "‹ Previous", "prev", "Previous page"));
    const first = Math.max(0, Math.min(current - 3, pages - 7));
    const last = Math.min(pages - 1, first + 6);
    if (first > 0) list.append(pageItem(0, "1", null, "Page 1"));
    if (first > 1) list.append(el("li", { class: "gap", text: "…" }));
    for (let page = first; page <= last; page++) {
      list.append(pageItem(page, String(page + 1), null, `Page ${page + 1}`));
    }
    if (last < pages - 2) list.append(el("li", { class: "gap", text: "…" }));
    if (last < pages - 1) list.append(pageItem(pages - 1, String(pages), null, `Page ${pages}`));
    if (current < pages - 1) list.append(pageItem(current + 1, "Next ›", "next", "Next page"));
    pager.append(list);
    pager.hidden = false;
  }

  // ---------------------------------------------------------------------------------------
  // Facets (disjunctive: each facet's counts leave out its own selection, so choosing a
  // second theme keeps the counts of the others).
  // ---------------------------------------------------------------------------------------

  const facetExpanded = new Set();
  const facetFilterText = new Map();

  function selectedValues(s, facet) {
    if (facet === "year") return s.from && s.from === s.to ? [s.from] : [];
    return s[facet];
  }

  function renderFacets(s, result) {
    const box = $("facets");
    const focusedId = document.activeElement && box.contains(document.activeElement)
                      ? document.activeElement.id : null;
    box.replaceChildren();
    const facets = result.facets || {};
    for (const facet of FACETS) {
      let values = (facets[facet] || []).slice();
      const selected = selectedValues(s, facet);
      for (const value of selected) {
        if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
      }
      if (facet === "year") values.sort((a, b) => String(b.value).localeCompare(String(a.value)));
      if (values.length === 0) continue;
      box.append(facetSection(s, facet, values, selected));
    }
    if (!box.childElementCount) box.append(el("p", { class: "muted", text: "No filters for these results." }));
    if (focusedId && $(focusedId)) $(focusedId).focus();
  }

  function facetSection(s, facet, values, selected) {
    const headingId = `facet-${facet}-heading`;
    const section = el("section", { class: `facet facet-${facet}`, "aria-labelledby": headingId });
    section.append(el("h2", { id: headingId, text: FACET_TITLES[facet] }));
    const filterText = facetFilterText.get(facet) || "";
    const list = el("ul", { class: "facet-values" });
    const filterable = FILTERABLE.has(facet) && values.length > FACET_SHOWN;
    if (filterable) {
      const inputId = `facet-${facet}-filter`;
      section.append(
        el("label", { for: inputId, class: "visually-hidden", text: `Filter ${FACET_TITLES[facet]} values` }),
        el("input", { id: inputId, type: "search", class: "facet-filter", value: filterText,
                      placeholder: `Find a ${FACET_TITLES[facet].toLowerCase()}…`,
                      autocomplete: "off",
                      oninput: (event) => {
                        facetFilterText.set(facet, event.target.value);
                        fillFacetList(s, facet, list, values, selected, more);
                      } }));
    }
    const more = el("button", { type: "button", class: "link-button facet-more" });
    more.addEventListener("click", () => {
      if (facetExpanded.has(facet)) facetExpanded.delete(facet);
      else facetExpanded.add(facet);
      fillFacetList(s, facet, list, values, selected, more);
    });
    section.append(list, more);
    fillFacetList(s, facet, list, values, selected, more);
    return section;
  }

  function fillFacetList(s, facet, list, values, selected, more) {
    const needle = fold(facetFilterText.get(facet) || "");
    const matching = needle ? values.filter((v) => fold(v.label || labelOf(facet, v.value)).includes(needle) ||
                                                   fold(v.value).includes(needle))
                            : values;
    const expanded = facetExpanded.has(facet) || needle !== "";
    // Selected values always stay in view, whatever the cut.
    const shown = expanded ? matching
                           : matching.filter((v, i) => i < FACET_SHOWN || selected.includes(String(v.value)));
    list.replaceChildren();
    for (const v of shown) {
      const value = String(v.value);
      const id = `facet-${facet}-${idSafe(value)}`;
      const checked = selected.includes(value);
      const label = facet === "kind" || facet === "country" ? labelOf(facet, value)
                                                            : v.label || labelOf(facet, value);
      list.append(el("li", { class: checked ? "checked" : null },
        el("input", { type: "checkbox", id, checked, "data-facet": facet, "data-value": value,
                      onchange: () => chooseFacetValue(s, facet, value) }),
        el("label", { for: id },
          el("span", { class: "facet-label", text: label }),
          el("span", { class: "count", text: formatCount(v.count),
                       "aria-label": `${formatCount(v.count)} passages` }))));
    }
    if (matching.length === 0) list.append(el("li", { class: "muted", text: "No value matches." }));
    more.hidden = needle !== "" || matching.length <= FACET_SHOWN;
    more.textContent = facetExpanded.has(facet) ? "Show fewer" : `Show all ${formatCount(matching.length)}`;
    more.setAttribute("aria-expanded", facetExpanded.has(facet) ? "true" : "false");
  }

  // A value as an element id, one to one ("jan eliasson" and "jan-eliasson" stay apart), so
  // focus returns to the same box after the sidebar is redrawn.
  function idSafe(value) {
    return Array.from(value, (c) => (/[a-z0-9]/i.test(c) ? c : `_${c.codePointAt(0).toString(16)}_`)).join("");
  }

  function chooseFacetValue(s, facet, value) {
    if (facet === "year") {
      const chosen = s.from === value && s.to === value;
      update(chosen ? { from: "", to: "" } : { from: value, to: value });
    } else {
      update({ [facet]: toggleValue(s[facet], value) });
    }
  }

  // ---------------------------------------------------------------------------------------
  // Timeline: matches per year as SVG bars, one series per selected theme.
  // ---------------------------------------------------------------------------------------

  async function renderTimeline(s, result, token) {
    const box = $("timeline");
    const base = { from: "", to: "", offset: 0, limit: 0, facets: ["year"], sort: "relevance",
                   group: "none", correct: "auto" };
    // The query the results show (corrected or not) is the one to count.
    if (result.corrected_query) base.q = result.corrected_query;
    let series;
    try {
      if (s.theme.length === 0) {
        const counts = s.from || s.to ? (await getJson(apiSearchUrl(s, base))).facets?.year
                                      : result.facets?.year;
        series = [{ name: "All matches", counts: counts || [] }];
      } else {
        const answers = await Promise.all(
          s.theme.map((theme) => getJson(apiSearchUrl(s, { ...base, theme: [theme] }))));
        series = s.theme.map((theme, i) => ({ name: labelOf("theme", theme),
                                              counts: answers[i].facets?.year || [] }));
      }
    } catch (error) {
      if (token === renderToken) showError("The timeline could not be drawn", error);
      return;
    }
    if (token !== renderToken) return;
    lastTimeline = { s, series };
    drawTimeline(box, s, series);
  }

  // Redrawn when the window changes width, so its labels keep their size.
  let lastTimeline = null;
  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (lastTimeline && !$("timeline").hidden) {
        drawTimeline($("timeline"), lastTimeline.s, lastTimeline.series);
      }
      if (lastTraceTimeline && !$("trace-view").hidden) {
        drawTraceTimeline($("trace-timeline"), lastTraceTimeline);
      }
    }, 150);
  });

  // An empty year chart sized to `box` (drawn at the box's own width in pixels: text and bars
  // keep their size on a phone), with its horizontal grid lines at `ticks`, each labelled with
  // the count it stands at; and the geometry the bars are placed by.
  function yearChart(box, lo, hi, ticks, cls, ariaLabel) {
    const max = ticks[ticks.length - 1];
    const width = Math.max(260, Math.min(1200, box.clientWidth - 24 || 720));
    const height = width < 500 ? 120 : 150;
    const top = 12;
    const bottom = 22;
    const left = 36;
    const plotHeight = height - top - bottom;
    const span = hi - lo + 1;
    // At least five columns' room each: one year alone is a bar, not a block.
    const column = (width - left - 4) / Math.max(span, 5);
    const labelEvery = Math.ceil(span / Math.max(2, Math.floor((width - left) / 48)));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: cls, role: "group",
                               "aria-label": ariaLabel });
    for (const tick of ticks) {
      const y = top + plotHeight * (1 - tick / max);
      chart.append(svg("line", { x1: left, x2: width, y1: y, y2: y, class: "grid" }));
      const label = svg("text", { x: left - 4, y: y + 4, class: "axis-label", "text-anchor": "end" });
      label.textContent = formatCount(tick);
      chart.append(label);
    }
    return { chart, width, height, top, left, plotHeight, span, column, max, labelEvery };
  }

  function drawTimeline(box, s, series) {
    const years = new Set();
    for (const one of series) for (const c of one.counts) if (/^\d{4}$/.test(c.value)) years.add(Number(c.value));
    box.replaceChildren();
    if (years.size === 0) {
      box.hidden = true;
      return;
    }
    // Only the years the data spans: a year outside it would read as "0 matches".
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    const maps = series.map((one) => new Map(one.counts.map((c) => [Number(c.value), c.count])));
    const ticks = scaleTicks(Math.max(1, ...maps.flatMap((m) => [...m.values()])));
    box.hidden = false;
    const { chart, width, height, top, left, plotHeight, span, column, max, labelEvery } =
      yearChart(box, lo, hi, ticks, "timeline-chart",
                "Matches per year; activate a bar to filter by its year");
    const barWidth = Math.max(1, (column * 0.8) / series.length);
    chart.append(seriesPatterns(series.length));
    const selectedYear = s.from && s.from === s.to ? Number(s.from) : null;
    for (let year = lo; year <= hi; year++) {
      const x = left + (year - lo) * column;
      const counts = maps.map((m) => m.get(year) || 0);
      const total = counts.reduce((a, b) => a + b, 0);
      const description = series.map((one, i) => `${one.name}: ${formatCount(counts[i])}`).join(", ");
      const group = svg("g", { class: `year${year === selectedYear ? " selected" : ""}` });
      if (total > 0) {
        group.setAttribute("tabindex", "0");
        group.setAttribute("role", "button");
        group.setAttribute("aria-label", `${year}: ${description}${year === selectedYear ? " (filtering; activate to clear)" : ""}`);
        const choose = () => update(year === selectedYear ? { from: "", to: "" }
                                                          : { from: String(year), to: String(year) });
        group.addEventListener("click", choose);
        group.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            choose();
          }
        });
      }
      // A full-height target: thin bars are still easy to click.
      group.append(svg("rect", { x, y: top, width: column, height: plotHeight, class: "hit" }));
      counts.forEach((count, i) => {
        if (!count) return;
        const h = Math.max(1.5, (count / max) * plotHeight);
        const bar = { x: x + column * 0.1 + i * barWidth, y: top + plotHeight - h, width: barWidth, height: h };
        group.append(svg("rect", { ...bar, class: `bar series-${i % SERIES_COLOURS}` }));
        if (seriesFill(i)) group.append(svg("rect", { ...bar, class: "bar-pattern", fill: `url(#${seriesFill(i)})` }));
      });
      const tip = svg("title");
      tip.textContent = `${year}: ${description}`;
      group.append(tip);
      chart.append(group);
      if ((year - lo) % labelEvery === 0) {
        const label = svg("text", { x: x + column / 2, y: height - 6, class: "axis-label",
                                    "text-anchor": "middle" });
        label.textContent = String(year);
        chart.append(label);
      }
    }
    const heading = el("h2", { class: "timeline-title", text: "Matches per year" });
    const legend = el("ul", { class: "legend" });
    series.forEach((one, i) => legend.append(el("li", {}, swatch(i), one.name)));
    box.append(heading, chart, legend);
    box.hidden = false;
  }

  // Grid values: 0 and whole-number steps of 1, 2 or 5 times a power of ten, at most 5 lines,
  // the last at or above max (the chart's top).
  function scaleTicks(max) {
    let step = 0;
    for (let power = 1; !step; power *= 10) {
      step = [1, 2, 5].map((m) => m * power).find((candidate) => max / candidate <= 4) || 0;
    }
    const ticks = [];
    for (let value = 0; value < max + step; value += step) ticks.push(value);
    return ticks.length > 1 && ticks[ticks.length - 2] >= max ? ticks.slice(0, -1) : ticks;
  }

  // A series' pattern over its colour (none for the first six), cycling after 30 series.
  function seriesFill(i) {
    const fill = Math.floor(i / SERIES_COLOURS) % SERIES_FILLS;
    return fill ? `timeline-fill-${fill}` : null;
  }

  // The patterns as SVG <defs>: white strokes (stripes, cross-hatch, dots, bands) over the bar.
  function seriesPatterns(count) {
    const defs = svg("defs");
    const shapes = {
      1: [["path", { d: "M0,6 L6,0", class: "pattern-stroke" }]],
      2: [["path", { d: "M0,0 L6,6 M0,6 L6,0", class: "pattern-stroke" }]],
      3: [["circle", { cx: 3, cy: 3, r: 1.4, class: "pattern-dot" }]],
      4: [["path", { d: "M0,3 L6,3", class: "pattern-stroke" }]],
    };
    for (let fill = 1; fill < SERIES_FILLS && fill * SERIES_COLOURS < count; fill++) {
      const pattern = svg("pattern", { id: `timeline-fill-${fill}`, width: 6, height: 6,
                                       patternUnits: "userSpaceOnUse" });
      for (const [tag, attrs] of shapes[fill]) pattern.append(svg(tag, attrs));
      defs.append(pattern);
    }
    return defs;
  }

  // A legend's swatch: the series' colour and pattern, as its bars are drawn.
  function swatch(i) {
    const box = svg("svg", { class: "swatch", viewBox: "0 0 12 12", "aria-hidden": "true",
                             "data-series": i });
    box.append(svg("rect", { width: 12, height: 12, class: `series-${i % SERIES_COLOURS}` }));
    if (seriesFill(i)) box.append(svg("rect", { width: 12, height: 12, class: "bar-pattern", fill: `url(#${seriesFill(i)})` }));
    return box;
  }

  // ---------------------------------------------------------------------------------------
  // Similar passages (like=ID): passages holding a sentence like one of the passage's.
  // ---------------------------------------------------------------------------------------

  function renderLikeBanner(s, result) {
    const box = $("like-banner");
    box.replaceChildren();
    if (!s.like) {
      box.hidden = true;
      return;
    }
    const asked = el("p", { class: "like-title" },
      "Passages holding a sentence like one of ",
      pageLink({ ...s, like: "", passage: s.like, offset: 0 }, s.like, { class: "passage-id" }),
      ": similarity from 0 to 100%, words that differ ",
      el("mark", { class: "differ", text: "marked" }), ".");
    const sentences = el("ol", { class: "like-sentences", "aria-label": "Sentences searched for" });
    for (const sentence of (result && result.like_sentences) || []) {
      sentences.append(el("li", {},
        el("span", { class: "like-sentence-text", text: sentence }), " ",
        pageLink({ ...s, ...NO_TRACE, traceText: sentence, passage: "" }, "Trace",
                 { class: "trace-link", "aria-label": `Trace the sentence “${sentence}”` })));
    }
    // append() writes null as the text "null": leave the empty list out instead.
    box.append(asked, ...(sentences.childElementCount ? [sentences] : []),
      el("button", { type: "button", class: "link-button", text: "Back to all results",
                     onclick: () => update({ like: "" }) }));
    box.hidden = false;
  }

  // The similarity of a sentence match as people read it: "verbatim" or "87% similar".
  function similarityText(like) {
    if (like.verbatim) return "Verbatim";
    const similarity = Number(like.similarity);
    // Floored (0.996 is not "100%"), past float error (0.57 * 100 is 56.99999…).
    return Number.isFinite(similarity) ? `${Math.floor(similarity * 100 + 1e-9)}% similar` : "Similar";
  }

  // The matched sentence of a passage (code points [begin, end) of its text), the words that
  // differ from the asked sentence marked; like.sentence when the offsets do not fit.
  function matchedSentence(text, like) {
    const points = Array.from(text || "");
    const begin = Number(like.begin);
    const end = Number(like.end);
    if (Number.isInteger(begin) && Number.isInteger(end) && begin >= 0 && begin < end &&
        end <= points.length) {
      const ranges = (Array.isArray(like.differing) ? like.differing : [])
        .filter((r) => Array.isArray(r) && r[0] >= begin && r[1] <= end)
        .map(([b, e]) => [b - begin, e - begin]);
      return highlighted(points.slice(begin, end).join(""), ranges, "differ");
    }
    return document.createTextNode(typeof like.sentence === "string" ? like.sentence : "");
  }

  // A hit's (or a trace use's) sentence match: the figure, the sentence, the missing words.
  function likeMatch(passage, like) {
    const box = el("div", { class: "like-match" },
      el("span", { class: `similarity${like.verbatim ? " verbatim" : ""}`, text: similarityText(like),
                   title: "Sentence similarity (docs/interface.md)" }),
      el("q", { class: "like-sentence" }, matchedSentence(passage.text, like)));
    const missing = (Array.isArray(like.missing) ? like.missing : []).filter((w) => typeof w === "string");
    if (missing.length) {
      box.append(el("span", { class: "missing" }, "Without: ",
        ...missing.flatMap((word, i) => [i ? ", " : "", el("del", { text: word })])));
    }
    return box;
  }

  // ---------------------------------------------------------------------------------------
  // A passage's sentences, to pick one to trace. Split here for showing them only: the trace
  // asks for the passage's sentence by number, which the server splits as the index did.
  // ---------------------------------------------------------------------------------------

  // The index's splitting rules (lib/src/sentences/sentence_split.cpp) over the browser's
  // ICU sentence boundaries: no end after an abbreviation UN prose uses, an initial after a
  // capitalised name ("Ban K. Moon") or dotted letters ("U.N."); a lone list marker ("1.",
  // "(a)") is no sentence. The numbers of the list are then the index's sentence numbers.
  const ABBREVIATIONS = new Set(["no", "nos", "para", "paras", "art", "arts", "p", "pp", "vol", "cf",
    "fig", "ch", "chap", "sect", "sec", "op", "res", "doc", "mr", "mrs", "ms", "dr", "st", "amb",
    "prof", "gen", "gov", "rev", "approx", "annex", "corr"]);
  const MIN_TRACE_WORDS = 8;  // the index signs no shorter sentence (kMinSignatureWords)

  function endsWithAbbreviation(piece) {
    const m = /(?:^|[\s(])([A-Za-z.]+)\.$/.exec(piece);
    if (!m) return false;  // "A/RES/60/1." or "2005." ends a sentence
    const word = m[1];
    if (word.length === 1) {
      // An initial follows a capitalised name ("Ban K. Moon"); "annex I." ends a sentence.
      return /(?:^|\s)[A-Z]\S*\s*[(]?$/.test(piece.slice(0, piece.length - 2));
    }
    if (word.includes(".")) return /^[A-Za-z](?:\.[A-Za-z])+$/.test(word);
    return ABBREVIATIONS.has(word.toLowerCase());
  }

  const isListMarker = (piece) => piece.length <= 6 &&
    /^(?:\(?(?:\d+|[A-Za-z]{1,4})[.)]|\((?:\d+|[A-Za-z]{1,4})\))$/.test(piece) &&
    (piece[0] !== "(" || piece.endsWith(")"));

  function splitSentences(text) {
    const bounds = [0];
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      for (const part of new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)) {
        if (part.index > 0) bounds.push(part.index);
      }
    } else {
      for (const m of text.matchAll(/[.!?]+["'”’)\]]*\s+/g)) bounds.push(m.index + m[0].length);
    }
    bounds.push(text.length);
    const sentences = [];
    let start = 0;
    for (let i = 1; i < bounds.length; i++) {
      const piece = text.slice(start, bounds[i]).trim();
      if (i + 1 < bounds.length && endsWithAbbreviation(piece)) continue;  // joined with the next
      start = bounds[i];
      if (piece && !isListMarker(piece)) sentences.push(piece);
    }
    return sentences;
  }

  const wordCount = (text) => (text.match(/[\p{L}\p{N}]+/gu) || []).length;

  // The "Trace a sentence" button of a result and the list of sentences it opens.
  function sentencePicker(s, hit) {
    const sentences = splitSentences(hit.text || "");
    const panelId = `sentences-${idSafe(hit.id)}`;
    const panel = el("div", { class: "sentence-picker", id: panelId, hidden: true },
      el("p", { class: "picker-title", text: "Trace which sentence?" }));
    const list = el("ol", { class: "sentence-list" });
    sentences.forEach((sentence, i) => {
      // The passage (when shown in context) stays: the trace's Back returns to it.
      const traceState = { ...s, ...NO_TRACE, trace: hit.id, sentence: i + 1 };
      list.append(el("li", {}, wordCount(sentence) >= MIN_TRACE_WORDS
        ? pageLink(traceState, sentence, { class: "sentence-link",
                                           "aria-label": `Trace sentence ${i + 1}: ${sentence}` },
                   () => { openedFrom = hit.id; })
        : el("span", { class: "sentence-short", text: sentence, title: "Too short to trace" })));
    });
    panel.append(list);
    const toggle = el("button", { type: "button", class: "link-button trace-toggle", text: "Trace a sentence",
                                  "aria-expanded": "false", "aria-controls": panelId });
    toggle.addEventListener("click", () => {
      panel.hidden = !panel.hidden;
      toggle.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
      if (!panel.hidden) list.querySelector("a")?.focus();
    });
    return { toggle: sentences.length ? toggle : null, panel: sentences.length ? panel : null };
  }

  // ---------------------------------------------------------------------------------------
  // The passage in its context.
  // ---------------------------------------------------------------------------------------

  // A passage id is DOCID/pN or DOCID/pN/qM: no empty, "." or ".." part, so that it can never
  // name another path of the server; the whole id is one escaped path segment (%2F).
  function validPassageId(id) {
    const parts = id.split("/");
    return parts.length >= 2 && parts.every((part) => part !== "" && part !== "." && part !== "..");
  }

  function passageApiUrl(id) {
    return `/api/passage/${encodeURIComponent(id)}`;
  }

  async function renderContext(token) {
    const s = state;
    $("context-back").href = urlFromState({ ...s, passage: "" });
    $("context-title").textContent = "Loading…";
    $("context-meta").replaceChildren();
    $("context-body").replaceChildren();
    let context;
    try {
      if (!validPassageId(s.passage)) {
        throw new ApiError("not a passage id (DOCID/pN or DOCID/pN/qM)", 0);
      }
      [context] = await Promise.all([getJson(passageApiUrl(s.passage)), taxonomyLoaded]);
    } catch (error) {
      if (token !== renderToken) return;
      showError(`Passage ${s.passage} could not be shown`, error);
      $("context-title").textContent = "Passage not available";
      return;
    }
    if (token !== renderToken) return;
    clearError();
    const passage = context.passage || {};
    const doc = passage.doc || {};
    const paragraph = passage.kind === "quote" ? context.parent || passage : passage;
    const quotes = context.quotes || [];
    $("context-title").textContent = doc.title || doc.id || passage.id;
    $("context-meta").replaceChildren(...docMeta(doc));
    document.title = `${passage.id} – R2P statements search`;

    const body = $("context-body");
    for (const before of context.before || []) body.append(contextParagraph(before, "before"));
    // A quote is marked inside its paragraph among its siblings, itself most strongly.
    const marked = passage.kind === "quote" && !quotes.some((q) => q.id === passage.id)
                   ? [...quotes, passage] : quotes;
    const focus = contextParagraph(paragraph, "focus", marked,
                                   passage.kind === "quote" ? passage.id : null);
    body.append(focus);
    for (const after of context.after || []) body.append(contextParagraph(after, "after"));

    const sentences = sentencePicker(s, passage);
    const details = el("section", { class: "passage-details", "aria-label": "This passage" },
      el("div", { class: "result-head" },
        badge(KIND_LABELS[passage.kind] || passage.kind, passage.kind === "quote" ? "quote" : "paragraph"),
        passage.label ? el("span", { class: "para-label", text: `¶${passage.label}` }) : null,
        ...(passage.roles || []).map((r) => badge(labelOf("role", r), "role")),
        passage.speaker ? badge(passage.speaker, "speaker") : null,
        el("span", { class: "passage-id", text: passage.id })),
      el("ul", { class: "chips", "aria-label": "Themes" },
        ...(passage.themes || []).map((t) => el("li", {}, el("span", { class: "chip static", text: labelOf("theme", t) })))),
      el("div", { class: "result-actions" },
        sentences.toggle,
        pageLink({ ...s, passage: "", like: passage.id, offset: 0 }, "Similar passages",
                 { class: "like-link", "aria-label": `Passages with sentences like those of ${passage.id}` }),
        el("button", { type: "button", class: "cite-button", text: "Cite",
                       onclick: () => openCite(passage) })),
      sentences.panel);
    body.prepend(details);
    $("context-title").focus();
    focus.scrollIntoView({ block: "center" });
  }

  // The query's plain words as a pattern for the context view: each word's start, so that
  // "atrocity" also marks "atrocities" (the index stems; this is a reader's aid, not a match).
  function queryTermPattern(query) {
    const words = [];
    for (const token of query.split(/\s+/)) {
      if (token === "" || /^[-]/.test(token) || /^(AND|OR|NOT|NEAR|XOR)$/.test(token) ||
          /^[a-z]+:/i.test(token)) continue;
      for (const word of token.match(/[\p{L}\p{N}]+/gu) || []) {
        if (word.length < 3) continue;
        const stem = word.length > 5 ? word.slice(0, word.length - 2) : word;
        words.push(stem);  // letters and digits only: nothing to escape
      }
    }
    return words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})[\\p{L}\\p{N}]*`, "giu") : null;
  }

  // Text with the query's words in <mark class="term">.
  function withTerms(text, pattern) {
    const fragment = document.createDocumentFragment();
    if (!pattern) {
      fragment.append(text);
      return fragment;
    }
    let pos = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(pos, match.index), el("mark", { class: "term", text: match[0] }));
      pos = match.index + match[0].length;
    }
    fragment.append(text.slice(pos));
    return fragment;
  }

  // A paragraph of the context; its quotes marked, the chosen one (the passage) strongly.
  function contextParagraph(p, where, quotes = [], chosenQuote = null) {
    const text = p.text || "";
    const block = el("div", { class: `context-paragraph ${where}`, "data-id": p.id });
    block.append(el("span", { class: "context-label", title: p.id,
                             text: p.label ? `¶${p.label}` : (p.id || "").split("/").pop() }));
    const para = el("p", {});
    const marks = [];
    for (const quote of quotes) {
      const at = quote.text ? text.indexOf(quote.text) : -1;
      if (at >= 0) marks.push({ start: at, end: at + quote.text.length, quote });
    }
    marks.sort((a, b) => a.start - b.start);
    const terms = queryTermPattern(state.q);
    let pos = 0;
    for (const m of marks) {
      if (m.start < pos) continue;
      para.append(withTerms(text.slice(pos, m.start), terms));
      const chosen = m.quote.id === chosenQuote;
      const quoteMark = el("mark", { class: chosen ? "quote chosen" : "quote", "data-id": m.quote.id,
                                     title: m.quote.speaker ? `Quote: ${m.quote.speaker}` : "Quote" });
      quoteMark.append(withTerms(text.slice(m.start, m.end), terms));
      para.append(quoteMark);
      pos = m.end;
    }
    para.append(withTerms(text.slice(pos), terms));
    block.append(para);
    // A quote its paragraph does not hold word for word is still shown, beside it.
    for (const quote of quotes) {
      if (!marks.some((m) => m.quote === quote)) {
        block.append(el("blockquote", { class: quote.id === chosenQuote ? "quote chosen" : "quote",
                                        text: quote.text }));
      }
    }
    if (where === "focus") {
      block.setAttribute("aria-current", "true");
      block.prepend(el("span", { class: "visually-hidden", text: "The passage: " }));
    }
    return block;
  }

  // ---------------------------------------------------------------------------------------
  // The trace of a sentence (trace=ID&sentence=N, or trace-text=...): its first use, its
  // speakers per year, its countries and its uses, oldest first.
  // ---------------------------------------------------------------------------------------

  const TRACE_LIMIT = 100;  // uses listed; the counts cover them all
  let traceDocs = new Map();  // the documents of the trace shown (traceDocuments)

  function apiTraceUrl(s) {
    const params = new URLSearchParams();
    if (s.trace) {
      params.set("id", s.trace);
      params.set("sentence-number", String(s.sentence || 1));
    } else {
      params.set("sentence", s.traceText);
    }
    params.set("limit", String(TRACE_LIMIT));
    return `/api/trace?${params.toString()}`;
  }

  // The documents of a trace's uses (a use names its document by id only): doc id -> the
  // document as a search hit shows it (title, event, ...), one hit per document.
  const DOCS_PER_REQUEST = 50;  // keeps the request URI well below the server's 8 KiB

  async function traceDocuments(uses) {
    const ids = [...new Set(uses.map((use) => use.doc_id).filter((id) => typeof id === "string" && id))];
    const docs = new Map();
    const requests = [];
    for (let i = 0; i < ids.length; i += DOCS_PER_REQUEST) {
      const params = new URLSearchParams();
      const chunk = ids.slice(i, i + DOCS_PER_REQUEST);
      for (const id of chunk) params.append("doc", id);
      params.set("group", "doc");
      params.set("limit", String(chunk.length));
      requests.push(getJson(`/api/search?${params.toString()}`));
    }
    for (const answer of await Promise.all(requests)) {
      for (const hit of answer.results || []) if (hit.doc && hit.doc.id) docs.set(hit.doc.id, hit.doc);
    }
    return docs;
  }

  // A use's fields, whether the API gives them flat (doc_id, date, country) or as a hit's.
  function useFields(use) {
    const doc = use.doc && typeof use.doc === "object" ? use.doc : traceDocs.get(use.doc_id) || {};
    const country = use.country ?? doc.country ?? null;
    const code = typeof country === "string" ? country : country?.code || "";
    const named = [country, doc.country].find((c) => c && typeof c === "object" && c.name);
    const name = named?.name || labels.country.get(code) || "";
    return {
      id: String(use.id || ""),
      docId: use.doc_id || doc.id || "",
      title: doc.title || use.doc_id || doc.id || use.id || "",
      date: use.date ?? doc.date ?? null,
      speaker: use.speaker || null,
      roles: Array.isArray(use.roles) ? use.roles : Array.isArray(use.role) ? use.role : [],
      code,
      countryName: name,
      countryText: code ? (name ? `${name} (${code.toUpperCase()})` : code.toUpperCase()) : "",
    };
  }

  const plural = (n, noun, nouns = `${noun}s`) => `${formatCount(n)} ${n === 1 ? noun : nouns}`;

  async function renderTrace(token) {
    const s = state;
    const back = { ...s, ...NO_TRACE };
    $("trace-back").href = urlFromState(back);
    $("trace-back").textContent = back.passage ? "← Back to the passage" : "← Back to results";
    $("trace-title").textContent = "Loading…";
    for (const id of ["trace-sentence", "trace-summary", "trace-first", "trace-timeline",
                      "trace-countries", "trace-uses"]) $(id).replaceChildren();
    $("trace-timeline").hidden = true;
    lastTraceTimeline = null;
    let trace;
    try {
      if (s.trace && !validPassageId(s.trace)) {
        throw new ApiError("not a passage id (DOCID/pN or DOCID/pN/qM)", 0);
      }
      [trace] = await Promise.all([getJson(apiTraceUrl(s)), taxonomyLoaded]);
      if (!trace || typeof trace !== "object") throw new ApiError("the server gave no trace", 0);
    } catch (error) {
      if (token !== renderToken) return;
      showError("The sentence could not be traced", error);
      $("trace-title").textContent = "No trace";
      return;
    }
    if (token !== renderToken) return;
    const listed = (Array.isArray(trace.listed) ? trace.listed : []).filter((u) => u && typeof u === "object");
    try {
      const first = trace.first_use && typeof trace.first_use === "object" ? [trace.first_use] : [];
      traceDocs = await traceDocuments([...first, ...listed]);
    } catch {
      traceDocs = new Map();  // titles are a nicety: the uses are shown by document id
    }
    if (token !== renderToken) return;
    clearError();
    $("trace-title").textContent = "Trace of a sentence";
    document.title = `Trace: ${trace.sentence || ""} – R2P statements search`;
    $("trace-sentence").textContent = trace.sentence || "";
    const uses = Number(trace.uses) || 0;
    $("trace-summary").textContent = uses === 0 ? "No passage holds this sentence."
      : `Used ${plural(uses, "time")} by ${plural(Number(trace.speakers) || 0, "speaker")} in ` +
        `${plural(Number(trace.documents) || 0, "document")} from ` +
        `${plural(Number(trace.countries) || 0, "country", "countries")}` +
        (s.trace ? `; sentence ${s.sentence} of ${s.trace}.` : ".");

    const years = (Array.isArray(trace.years) ? trace.years : []).filter((y) => y && typeof y === "object");
    // Country names for the years' codes, learnt from the uses.
    for (const use of [trace.first_use, ...listed]) {
      if (!use || typeof use !== "object") continue;
      const f = useFields(use);
      if (f.code && f.countryName) labels.country.set(f.code, f.countryName);
    }
    renderFirstUse(s, trace.first_use);
    lastTraceTimeline = years;
    drawTraceTimeline($("trace-timeline"), years);
    renderTraceCountries(years);
    renderTraceUses(s, listed, uses);
    $("trace-title").focus();
  }

  // A link to a use's passage in its context.
  function useContextLink(s, fields, text) {
    return pageLink({ ...s, ...NO_TRACE, like: "", passage: fields.id }, text,
                    { class: "use-context-link", "aria-label": `${text}: open ${fields.id} in its context` });
  }

  function renderFirstUse(s, first) {
    const box = $("trace-first");
    if (!first || typeof first !== "object") {
      box.append(el("h3", { text: "First use" }), el("p", { class: "muted", text: "None found." }));
      return;
    }
    const f = useFields(first);
    const details = el("dl", { class: "first-use-details" },
      el("dt", { text: "Date" }), el("dd", {}, el("time", { datetime: f.date || null, text: formatDate(f.date) })),
      el("dt", { text: "Document" }), el("dd", {}, useContextLink(s, f, f.title)),
      el("dt", { text: "Speaker" }), el("dd", { text: speakerText(f) || "not known" }),
      el("dt", { text: "Country" }), el("dd", { text: f.countryText || "not known" }));
    box.append(el("h3", { text: "First use" }), details);
  }

  function speakerText(f) {
    const roles = f.roles.map((r) => labelOf("role", r));
    if (f.speaker) return roles.length ? `${f.speaker} (${roles.join(", ")})` : f.speaker;
    return roles.join(", ");
  }

  // The countries that used it, each with the first year it did.
  function renderTraceCountries(years) {
    const box = $("trace-countries");
    const first = new Map();
    for (const year of years) {
      for (const code of Array.isArray(year.countries) ? year.countries : []) {
        if (typeof code === "string" && !first.has(code)) first.set(code, year.year || "");
      }
    }
    if (first.size === 0) return;
    const list = el("ul", { class: "chips country-list", "aria-label": "Countries, by first use" });
    for (const [code, year] of first) {
      list.append(el("li", {}, el("span", { class: "chip static",
        text: `${labelOf("country", code)}${year ? ` (${year})` : ""}` })));
    }
    box.append(el("h3", { text: `Countries (${formatCount(first.size)})` }), list);
  }

  function renderTraceUses(s, listed, uses) {
    const box = $("trace-uses");
    box.append(el("h3", { text: "Uses, oldest first" }),
      el("p", { class: "muted", text: listed.length < uses
        ? `The first ${formatCount(listed.length)} of ${formatCount(uses)} uses; words that differ from the traced sentence are marked.`
        : "Words that differ from the traced sentence are marked." }));
    const list = el("ol", { class: "trace-uses-list" });
    for (const use of listed) {
      const f = useFields(use);
      const year = /^\d{4}/.test(f.date || "") ? f.date.slice(0, 4) : "";
      const head = el("p", { class: "doc-meta use-meta" },
        el("time", { datetime: f.date || null, text: formatDate(f.date) }),
        useContextLink(s, f, f.title),
        speakerText(f) ? el("span", { text: speakerText(f) }) : null,
        f.countryText ? el("span", { text: f.countryText }) : null);
      const like = use.like && typeof use.like === "object" ? likeMatch(use, use.like)
                                                            : el("p", { text: use.text || "" });
      list.append(el("li", { class: "trace-use", tabindex: "-1", "data-id": f.id, "data-year": year },
                     head, like));
    }
    box.append(list);
  }

  // Speakers per year, verbatim and modified stacked, in the search timeline's style; a
  // year's bar moves to its first listed use.
  let lastTraceTimeline = null;

  function drawTraceTimeline(box, years) {
    box.replaceChildren();
    const dated = years.filter((y) => /^\d{4}$/.test(String(y.year)));
    if (dated.length === 0) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const counts = new Map(dated.map((y) => [Number(y.year), {
      verbatim: Number(y.verbatim_speakers) || 0, modified: Number(y.modified_speakers) || 0,
      uses: Number(y.uses) || 0, countries: Array.isArray(y.countries) ? y.countries : [] }]));
    const lo = Math.min(...counts.keys());
    const hi = Math.max(...counts.keys());
    const ticks = scaleTicks(Math.max(1, ...[...counts.values()].map((c) => c.verbatim + c.modified)));
    const { chart, height, top, left, plotHeight, column, max, labelEvery } =
      yearChart(box, lo, hi, ticks, "timeline-chart trace-chart",
                "Speakers per year using the sentence verbatim or modified; activate a year to go to its uses");
    for (let year = lo; year <= hi; year++) {
      const x = left + (year - lo) * column;
      const c = counts.get(year);
      const group = svg("g", { class: "year", "data-year": year });
      group.append(svg("rect", { x, y: top, width: column, height: plotHeight, class: "hit" }));
      if (c) {
        const description = `${year}: ${plural(c.verbatim, "speaker")} verbatim, ${formatCount(c.modified)} modified; ` +
          `${plural(c.uses, "use")}${c.countries.length ? `; ${c.countries.map((code) => labelOf("country", code)).join(", ")}` : ""}`;
        group.setAttribute("tabindex", "0");
        group.setAttribute("role", "button");
        group.setAttribute("aria-label", description);
        const go = () => {
          const use = document.querySelector(`#trace-uses .trace-use[data-year="${year}"]`);
          if (use) {
            use.scrollIntoView({ block: "center" });
            use.focus({ preventScroll: true });
          }
        };
        group.addEventListener("click", go);
        group.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            go();
          }
        });
        let base = top + plotHeight;
        const barWidth = column * 0.7;
        [["verbatim", c.verbatim, 0], ["modified", c.modified, 1]].forEach(([name, count, series]) => {
          if (!count) return;
          const h = Math.max(1.5, (count / max) * plotHeight);
          base -= h;
          group.append(svg("rect", { x: x + column * 0.15, y: base, width: barWidth, height: h,
                                     class: `bar ${name} series-${series}` }));
        });
        const tip = svg("title");
        tip.textContent = description;
        group.append(tip);
      }
      chart.append(group);
      if ((year - lo) % labelEvery === 0) {
        const label = svg("text", { x: x + column / 2, y: height - 6, class: "axis-label", "text-anchor": "middle" });
        label.textContent = String(year);
        chart.append(label);
      }
    }
    const undated = years.filter((y) => !/^\d{4}$/.test(String(y.year)))
      .reduce((n, y) => n + (Number(y.uses) || 0), 0);
    const legend = el("ul", { class: "legend" },
      el("li", {}, swatch(0), "Verbatim (speakers)"),
      el("li", {}, swatch(1), "Modified (speakers)"),
      undated ? el("li", { class: "muted", text: `${plural(undated, "use")} without a date` }) : null);
    box.append(el("h3", { class: "timeline-title", text: "Speakers per year" }), chart, legend);
  }

  // ---------------------------------------------------------------------------------------
  // Cite: a plain-text citation and CSL-JSON.
  // ---------------------------------------------------------------------------------------

  // What kind of work a passage is cited as: a speech only when someone is known to have
  // delivered it (a quote with its speaker, or a statement a country's delegation gave at a
  // session, as in the UN General Debate); a press release or report quoting someone is a
  // document, and the person it reports is not its author.
  function citedAsSpeech(hit) {
    const doc = hit.doc || {};
    return (hit.kind === "quote" && Boolean(hit.speaker)) || Boolean(doc.country?.code && doc.session);
  }

  function citation(hit) {
    const doc = hit.doc || {};
    const roles = (hit.roles || []).map((r) => labelOf("role", r));
    const who = hit.speaker ? (roles.length ? `${hit.speaker} (${roles.join(", ")})` : hit.speaker)
                            : roles.join(", ");
    const speech = citedAsSpeech(hit);
    const delegation = doc.country?.code ? doc.country.name || doc.country.code.toUpperCase() : null;
    const author = hit.speaker || (speech ? delegation : null);
    const url = safeUrl(doc.source_url);
    const parts = [];
    if (speech && who) parts.push(who);
    else if (speech && author) parts.push(author);
    parts.push(`“${doc.title || doc.id || "Untitled statement"}”`);
    if (doc.symbol) parts.push(doc.symbol);
    if (doc.event) parts.push(doc.event);
    if (doc.place) parts.push(doc.place);
    parts.push(doc.date ? formatDate(doc.date) : "n.d.");
    parts.push(hit.label ? `¶${hit.label} (${hit.id})` : hit.id);
    // A document reporting someone names them after the work, not as its author.
    if (!speech && who) parts.push(`speaker: ${who}`);
    let text = `${parts.join(", ")}.`;
    if (url) text += ` ${url}`;

    const item = { id: hit.id, type: speech ? "speech" : "document", title: doc.title || doc.id || hit.id };
    if (speech && author) item.author = [{ literal: author }];
    if (doc.date) {
      const dateParts = doc.date.split("-").map(Number).filter(Number.isFinite);
      item.issued = { "date-parts": [dateParts] };
    }
    if (doc.event) item["event-title"] = doc.event;
    if (doc.place) item["event-place"] = doc.place;
    if (doc.symbol) item.number = doc.symbol;
    if (url) item.URL = url;
    item.note = [who ? `Speaker: ${who}` : null, hit.label ? `Paragraph ${hit.label}` : null,
                 `Passage ${hit.id}`, hit.kind === "quote" && hit.parent ? `quoted in ${hit.parent}` : null]
      .filter(Boolean).join("; ");
    return { text, csl: JSON.stringify([item], null, 2) };
  }

  function openCite(hit) {
    const { text, csl } = citation(hit);
    $("cite-text").value = text;
    $("cite-csl").value = csl;
    $("cite-status").textContent = "";
    const dialog = $("cite-dialog");
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    $("cite-text").scrollTop = 0;
    $("cite-csl").scrollTop = 0;
    $("copy-text").focus();
  }

  async function copy(textarea, what) {
    const status = $("cite-status");
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard API");
      await navigator.clipboard.writeText(textarea.value);
    } catch {
      // Plain http on another host has no clipboard API: copy the selection instead.
      textarea.focus();
      textarea.select();
      let copied = false;
      try {
        copied = document.execCommand("copy");
      } catch {
        copied = false;
      }
      if (!copied) {
        status.textContent = `Copying is blocked here: ${what} is selected, press Ctrl+C (⌘C).`;
        return;
      }
    }
    status.textContent = `${what} copied.`;
  }

  // ---------------------------------------------------------------------------------------
  // Controls and keys.
  // ---------------------------------------------------------------------------------------

  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    update({ q: $("q").value.trim(), correct: "auto" });
  });
  $("sort").addEventListener("change", (event) => update({ sort: event.target.value }));
  $("group").addEventListener("change", (event) => update({ group: event.target.value }));
  $("help-toggle").addEventListener("click", () => {
    const help = $("syntax-help");
    help.hidden = !help.hidden;
    $("help-toggle").setAttribute("aria-expanded", help.hidden ? "false" : "true");
  });
  $("filters-toggle").addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    $("filters-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  });
  $("context-back").addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    openedFrom = state.passage;
    // Came from the results: go back in history, so Forward works too.
    if (history.state && history.state.fromResults) history.back();
    else navigate({ ...state, passage: "" });
  });
  $("trace-back").addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    openedFrom = state.trace || null;
    if (history.state && history.state.fromResults) history.back();
    else navigate({ ...state, ...NO_TRACE });
  });
  $("home-link").addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    navigate(emptyState());
  });
  $("copy-text").addEventListener("click", () => copy($("cite-text"), "The citation"));
  $("copy-csl").addEventListener("click", () => copy($("cite-csl"), "CSL-JSON"));

  const typing = (node) => node && (node.isContentEditable ||
                                    ["INPUT", "TEXTAREA", "SELECT"].includes(node.tagName));

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "/" && !typing(document.activeElement)) {
      event.preventDefault();
      $("q").focus();
      $("q").select();
      return;
    }
    if (event.key === "Escape" && viewOf(state) !== "search" && !$("cite-dialog").open) {
      event.preventDefault();
      $(viewOf(state) === "trace" ? "trace-back" : "context-back").click();
      return;
    }
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && viewOf(state) === "search") {
      const inSearchBox = document.activeElement === $("q");
      if (typing(document.activeElement) && !(inSearchBox && event.key === "ArrowDown")) return;
      const items = [...document.querySelectorAll("#results .result")];
      if (items.length === 0) return;
      const current = items.findIndex((item) => item.contains(document.activeElement));
      let next = event.key === "ArrowDown" ? current + 1 : current - 1;
      if (current < 0) next = 0;
      if (next < 0) {
        $("q").focus();
      } else {
        items[Math.min(next, items.length - 1)].focus();
      }
      event.preventDefault();
    }
  });

  // Remember where a result was opened from, for focus on the way back.
  $("results").addEventListener("click", (event) => {
    const item = event.target.closest(".result");
    if (item && event.target.closest(".result-link, .context-link, .sentence-link")) {
      openedFrom = item.dataset.id;
    }
  });

  history.replaceState(null, "", urlFromState(state));
  render();
})();
