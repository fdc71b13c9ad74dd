#!/usr/bin/env python3
"""Browser tests of r2p-serve's search page: one case per ctest test (tests/CMakeLists.txt).

    page_test.py --case NAME --bin-dir build/bin --source-dir . --screenshots build/screenshots

Each case indexes corpus/ plus tests/data/browser/ (a press release quoting <script> and
<img onerror> tags) into its own temporary database, starts r2p-serve on a free port and
drives headless chromium. Exit 0 passed, 1 failed, 77 skipped (no chromium, chromedriver or
python3-selenium).
"""

import json
import os
import re
import sys
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Failure, check, run, wait_for  # noqa: E402

HAGUE = "The Hague is the final link"
HAGUE_ID = "r2p-ministerial-meeting-2012/p7/q1"
SEED_TITLE = "The Responsibility to Protect: Deepening our Commitment to Mass Atrocity Prevention"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(document.domain)>"


# ------------------------------------------------------------------------------------------
# Reading and driving the page
# ------------------------------------------------------------------------------------------

def by_css(driver, selector):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, selector)


def one(driver, selector):
    found = by_css(driver, selector)
    check(found, f"nothing on the page matches {selector}")
    return found[0]


def rendered(driver):
    """The page's count of finished renders (body[data-rendered]), None before the first."""
    return driver.execute_script("return document.body.dataset.rendered || null")


def load(driver, url):
    driver.get(url)
    wait_for(f"the page at {url} to render", lambda: rendered(driver))


def then_rendered(driver, action, what):
    """Runs action and waits until the page has rendered the state it leads to."""
    before = rendered(driver)
    action()
    wait_for(what, lambda: rendered(driver) not in (None, before))


def search(driver, text):
    from selenium.webdriver.common.keys import Keys
    box = one(driver, "#q")
    box.clear()
    then_rendered(driver, lambda: box.send_keys(text + Keys.ENTER), f"the results for {text!r}")


def press(driver, *keys):
    from selenium.webdriver.common.action_chains import ActionChains
    chain = ActionChains(driver)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def rewrite_api(driver, edit):
    """From the next page load on, every JSON answer of /api/... passes through edit, the body
    of a JavaScript function (url, body) that changes body in place: statements with a shape
    the test corpus lacks (a javascript: source, a 150-letter word, ten countries)."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
(() => {
  const realFetch = window.fetch.bind(window);
  const walk = (node, visit) => {
    if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
    else if (node && typeof node === "object") {
      visit(node);
      Object.values(node).forEach((item) => walk(item, visit));
    }
  };
  const edit = (url, body) => { %s };
  window.fetch = async (url, options) => {
    const response = await realFetch(url, options);
    if (!String(url).startsWith("/api/") || !response.ok) return response;
    const body = await response.clone().json();
    edit(String(url), body, walk);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
})();""" % edit})


def sideways_overflow(driver):
    return driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def url_params(driver):
    return urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)


def status(driver):
    return one(driver, "#status").text


def passage_count(driver):
    """The number of matching passages the status line states (0 for "No passages match")."""
    text = status(driver)
    if text.startswith("No passages"):
        return 0
    match = re.search(r"([\d,]+) passages?", text)
    check(match, f"no passage count in the status line {text!r}")
    return int(match.group(1).replace(",", ""))


def result_ids(driver):
    return [item.get_attribute("data-id") for item in by_css(driver, "#results .result")]


def result_with(driver, words):
    for item in by_css(driver, "#results .result"):
        if words in one_text(item, ".snippet"):
            return item
    raise Failure(f"no result's snippet holds {words!r}; results: {result_ids(driver)}")


def one_text(element, selector):
    from selenium.webdriver.common.by import By
    found = element.find_elements(By.CSS_SELECTOR, selector)
    return found[0].get_attribute("textContent") if found else ""


def facet_counts(driver, facet):
    """{value: count} of a facet's values in the sidebar (all of them: "Show all" is clicked)."""
    more = by_css(driver, f"#facets .facet-{facet} .facet-more")
    if more and more[0].is_displayed() and more[0].get_attribute("aria-expanded") == "false":
        more[0].click()  # redraws the list only (no request)
    return driver.execute_script("""
        const counts = {};
        for (const box of document.querySelectorAll(`#facets input[data-facet="${arguments[0]}"]`)) {
          const count = box.parentElement.querySelector('.count').textContent.replace(/,/g, '');
          counts[box.dataset.value] = Number(count);
        }
        return counts;""", facet)


def choose_facet(driver, facet, value):
    box = one(driver, f'#facets input[data-facet="{facet}"][data-value="{value}"]')
    then_rendered(driver, box.click, f"the results filtered by {facet} {value}")


def checked(driver, facet, value):
    found = by_css(driver, f'#facets input[data-facet="{facet}"][data-value="{value}"]')
    return bool(found) and found[0].is_selected()


def no_alert(driver):
    from selenium.common.exceptions import NoAlertPresentException
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    raise Failure(f"a statement's text ran as script: an alert said {text!r}")


# ------------------------------------------------------------------------------------------
# Cases
# ------------------------------------------------------------------------------------------

def case_search(driver, base, _):
    """Search "impunity": the seed's Hague quote, "impunity" in <mark>, badges and chips."""
    load(driver, base + "/")
    press(driver, "/")
    check(driver.switch_to.active_element.get_attribute("id") == "q", "'/' did not focus the search box")
    search(driver, "impunity")
    check(url_params(driver).get("q") == ["impunity"], f"the URL lacks q=impunity: {driver.current_url}")
    check(passage_count(driver) > 0, f"no results for impunity: {status(driver)!r}")
    hague = result_with(driver, HAGUE)
    marks = [m.text.lower() for m in hague.find_elements("css selector", ".snippet mark")]
    check("impunity" in marks, f"'impunity' is not highlighted in the Hague quote: marks {marks}")
    check(one_text(hague, ".badge-quote") == "Quote", "the Hague quote has no Quote badge")
    check(one_text(hague, ".result-title") == SEED_TITLE, "the Hague quote's document title is missing")
    check("28 September 2012" in one_text(hague, ".doc-meta"), "the Hague quote's date is missing")
    chips = [c.text for c in hague.find_elements("css selector", ".chips .chip")]
    check("Ending impunity" in chips, f"the accountability chip is not labelled from the taxonomy: {chips}")

    # Pages and sort order, each in the URL.
    from selenium.webdriver.support.ui import Select
    load(driver, base + "/?q=atrocity&limit=4")
    first_page = result_ids(driver)
    check(len(first_page) == 4 and one(driver, "#pager").is_displayed(), "no pager for 4 of many results")
    then_rendered(driver, one(driver, "#pager a[rel=next]").click, "the second page")
    check(url_params(driver).get("offset") == ["4"], f"URL: {driver.current_url}")
    check(status(driver).startswith("5–") and not set(result_ids(driver)) & set(first_page),
          f"the second page repeats the first: {status(driver)!r}")
    then_rendered(driver, lambda: Select(one(driver, "#sort")).select_by_value("date"), "results by date")
    check(url_params(driver).get("sort") == ["date"] and "offset" not in url_params(driver),
          f"sorting should restart at the first page: {driver.current_url}")
    dates = [t.get_attribute("datetime") for t in by_css(driver, "#results .result .doc-meta time")]
    check(dates == sorted(dates, reverse=True), f"sort by date is not newest first: {dates}")


def case_facets(driver, base, _):
    """A theme drills down; a second theme is an OR and every theme keeps its count."""
    load(driver, base + "/")
    search(driver, "atrocity")
    total = passage_count(driver)
    themes = facet_counts(driver, "theme")
    kinds = facet_counts(driver, "kind")
    years = facet_counts(driver, "year")
    check(themes.get("accountability", 0) > 0 and themes.get("prevention", 0) > 0,
          f"'atrocity' should find accountability and prevention passages: {themes}")
    check(themes["accountability"] < total, f"every match is about accountability: {themes}, {total}")

    choose_facet(driver, "theme", "accountability")
    check(url_params(driver).get("theme") == ["accountability"], f"URL: {driver.current_url}")
    one_theme = passage_count(driver)
    check(one_theme == themes["accountability"],
          f"the accountability filter found {one_theme} passages, its facet said {themes['accountability']}")
    check((facet_counts(driver, "kind"), facet_counts(driver, "year")) != (kinds, years),
          f"choosing a theme changed no other facet's counts: {kinds}, {years}")
    themes_one = facet_counts(driver, "theme")
    check(themes_one == themes,
          f"disjunctive: the theme facet's counts leave out its own selection: {themes_one} != {themes}")

    choose_facet(driver, "theme", "prevention")
    check(url_params(driver).get("theme") == ["accountability", "prevention"], f"URL: {driver.current_url}")
    check(checked(driver, "theme", "accountability") and checked(driver, "theme", "prevention"),
          "both chosen themes should stay ticked")
    two_themes = passage_count(driver)
    check(one_theme < two_themes <= themes["accountability"] + themes["prevention"],
          f"two themes are an OR: {two_themes} passages after {one_theme}")
    themes_two = facet_counts(driver, "theme")
    check(themes_two == themes_one,
          f"the first theme's siblings lost their counts: {themes_two} != {themes_one}")
    check(len(by_css(driver, ".active-filters .filter-chip")) == 2, "two active-filter chips expected")

    # The country filter box folds case, accents and apostrophes (’ ‘ ʼ are ').
    countries = [["civ", "Côte d'Ivoire"], ["caf", "Central African Republic"], ["cod", "Congo (DRC)"],
                 ["gha", "Ghana"], ["ken", "Kenya"], ["mli", "Mali"], ["nga", "Nigeria"],
                 ["sen", "Senegal"], ["ssd", "South Sudan"], ["uga", "Uganda"]]
    rewrite_api(driver, "if (body.facets) body.facets.country = %s.map(([value, label]) => "
                        "({ value, label, count: 1 }));" % json.dumps(countries))
    load(driver, base + "/?q=atrocity")
    box = one(driver, "#facet-country-filter")
    for typed in ("d’ivoire", "D‘IVOIRE", "dʼivoire", "d'ivoire", "cote d"):
        box.clear()
        box.send_keys(typed)
        shown = [e.text for e in by_css(driver, ".facet-country .facet-label")]
        check(shown == ["Côte d'Ivoire"], f"the country box given {typed!r} shows {shown}")


def case_timeline(driver, base, _):
    """The timeline: one series per chosen theme; a bar filters its year, again un-filters."""
    load(driver, base + "/?q=atrocity&theme=accountability&theme=prevention")
    legend = [li.text for li in by_css(driver, "#timeline .legend li")]
    check(legend == ["Ending impunity", "Prevention"], f"the timeline's series: {legend}")
    check(by_css(driver, "#timeline rect.bar.series-0") and by_css(driver, "#timeline rect.bar.series-1"),
          "the timeline has no bars of both themes")
    before = passage_count(driver)
    bars = [g for g in by_css(driver, "#timeline g.year[role=button]")
            if (g.get_attribute("aria-label") or "").startswith("2021:")]
    check(bars, "no timeline bar for 2021")
    then_rendered(driver, bars[0].click, "the results of 2021")
    params = url_params(driver)
    check(params.get("from") == ["2021"] and params.get("to") == ["2021"], f"URL: {driver.current_url}")
    check(0 < passage_count(driver) < before, f"2021 alone should narrow {before} passages: {status(driver)!r}")
    check(checked(driver, "year", "2021"), "the year facet does not show 2021 chosen")
    selected = by_css(driver, "#timeline g.year.selected")
    check(selected, "the chosen year's bar is not marked")
    then_rendered(driver, selected[0].click, "the year filter removed")
    check("from" not in url_params(driver), f"clicking the chosen year again keeps it: {driver.current_url}")
    check(passage_count(driver) == before, "removing the year filter did not restore the results")

    # Grid lines stand at whole counts and each is labelled with the count it stands at ('impunity'
    # peaks at 3 a year: no line at 1.5 labelled "2").
    for query in ("atrocity", "impunity"):
        load(driver, f"{base}/?q={query}")
        grid = driver.execute_script("""
            const chart = document.querySelector('#timeline svg.timeline-chart');
            const labels = [...chart.querySelectorAll('text.axis-label[text-anchor=end]')];
            return [...chart.querySelectorAll('line.grid')].map((line, i) =>
              [Number(line.getAttribute('y1')), labels[i].textContent]);""")
        check(len(grid) >= 2 and all(re.fullmatch(r"\d+", label) for _, label in grid), f"grid labels: {grid}")
        (zero_y, zero), (top_y, top) = grid[0], grid[-1]
        check(zero == "0" and int(top) > 0, f"the grid should run from 0 up: {grid}")
        for y, label in grid:
            expected = zero_y + (top_y - zero_y) * int(label) / int(top)
            check(abs(y - expected) < 0.01, f"{query}: grid line {label} drawn at y={y}, its value is at {expected}: {grid}")

    # A search within one year shows that year only: no padding years read as "0 matches".
    load(driver, base + "/?q=portal")
    years = [(g.get_attribute("textContent") or "")[:4] for g in by_css(driver, "#timeline g.year")]
    check(years == ["2021"], f"the timeline of a 2021-only search shows the years {years}")

    # Seven themes and more: each series has its own colour and pattern in bars and legend.
    themes = ["prevention", "focal-points", "response", "accountability", "pillar-one", "pillar-two",
              "early-warning", "regional-arrangements"]
    load(driver, base + "/?q=atrocity&" + "&".join(f"theme={t}" for t in themes))
    looks = driver.execute_script("""
        return [...document.querySelectorAll('#timeline .legend .swatch')].map((swatch) =>
          [...swatch.querySelectorAll('rect')].map((r) => r.getAttribute('class') + ' ' +
                                                         (r.getAttribute('fill') || '')).join('|'));""")
    check(len(looks) == len(themes) and len(set(looks)) == len(themes),
          f"the legend's {len(themes)} series do not look different: {looks}")
    check(by_css(driver, "#timeline pattern#timeline-fill-1"), "no pattern for the seventh series")


def case_context(driver, base, _):
    """A passage in its context; Back restores query, filters and results; keys work."""
    load(driver, base + "/")
    search(driver, "impunity")
    choose_facet(driver, "theme", "accountability")
    ids, state_status = result_ids(driver), status(driver)
    hague = result_with(driver, HAGUE)
    link = hague.find_element("css selector", ".context-link")
    then_rendered(driver, link.click, "the Hague quote in its context")
    check(url_params(driver).get("passage") == [HAGUE_ID], f"URL: {driver.current_url}")
    check(not one(driver, "#context-view").get_attribute("hidden") and one(driver, "#context-view").is_displayed(),
          "the context view is not shown")
    check(one(driver, "#context-title").text == SEED_TITLE, "the context names another document")
    chosen = one(driver, "#context-body .context-paragraph.focus mark.quote.chosen")
    check(chosen.text.startswith(HAGUE), f"the quote is not marked inside its paragraph: {chosen.text!r}")
    focus_text = one(driver, "#context-body .context-paragraph.focus p").text
    check(focus_text.startswith("Ending impunity."), f"the quote's paragraph is not the one shown: {focus_text[:60]!r}")
    check(by_css(driver, "#context-body .context-paragraph.before")
          and by_css(driver, "#context-body .context-paragraph.after"),
          "no paragraphs before and after the passage")

    then_rendered(driver, driver.back, "the results after Back")
    check(one(driver, "#context-view").get_attribute("hidden") is not None, "Back left the context view shown")
    check(one(driver, "#q").get_attribute("value") == "impunity", "Back lost the query")
    check(checked(driver, "theme", "accountability"), "Back lost the theme filter")
    check(result_ids(driver) == ids and status(driver) == state_status,
          f"Back did not restore the results: {result_ids(driver)} != {ids}")

    # Keys: '/' search box, arrows through results, Enter opens, Escape comes back.
    from selenium.webdriver.common.keys import Keys
    press(driver, "/")
    press(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    focused = driver.switch_to.active_element.get_attribute("data-id")
    check(focused == ids[1], f"two arrow presses should reach the second result, not {focused}")
    then_rendered(driver, lambda: press(driver, Keys.ENTER), "the second result in context")
    check(url_params(driver).get("passage") == [ids[1]], f"Enter opened {driver.current_url}")
    then_rendered(driver, lambda: press(driver, Keys.ESCAPE), "the results after Escape")
    check("passage" not in url_params(driver), "Escape did not close the context view")
    check(driver.switch_to.active_element.get_attribute("data-id") == ids[1],
          "focus did not return to the result that was opened")

    # A link reproduces the page: the context view's URL opened afresh.
    load(driver, f"{base}/?q=impunity&passage={urllib.parse.quote(HAGUE_ID, safe='')}")
    check(one(driver, "#context-body mark.quote.chosen").text.startswith(HAGUE), "a context link does not reproduce")

    # A 150-letter word in a title, a passage and a snippet wraps: no sideways scrolling at 500 px.
    long_word = "Responsibilitytoprotect" * 6 + "ab"
    rewrite_api(driver, "walk(body, (o) => { for (const key of ['text', 'snippet_text', 'title', 'label']) "
                        "if (typeof o[key] === 'string') o[key] += ' %s'; });" % long_word)
    driver.set_window_size(500, 900)
    load(driver, f"{base}/?q=impunity&passage={urllib.parse.quote(HAGUE_ID, safe='')}")
    check(long_word in one(driver, "#context-body .context-paragraph.focus p").text, "the long word is not shown")
    check(sideways_overflow(driver) <= 0, f"the context view scrolls sideways by {sideways_overflow(driver)} px")
    load(driver, f"{base}/?q=impunity")
    check(long_word in one(driver, "#results .snippet").text, "the long word is not in the snippet")
    check(sideways_overflow(driver) <= 0, f"the results scroll sideways by {sideways_overflow(driver)} px")


def case_xss(driver, base, _):
    """A statement holding <script> and <img onerror> shows them as text and runs nothing."""
    load(driver, base + "/")
    search(driver, "attackers portal")
    no_alert(driver)
    item = one(driver, "#results .result")
    snippet = one_text(item, ".snippet")
    check("<script>alert(1)</script>" in snippet or "<script>" in snippet,
          f"the statement's <script> is not shown as text: {snippet!r}")
    check(driver.execute_script(
        "return document.querySelectorAll('#results script, #results img, #results [onerror]').length") == 0,
          "a statement's markup became elements in the results")
    then_rendered(driver, item.find_element("css selector", ".context-link").click, "the statement in context")
    no_alert(driver)
    text = one(driver, "#context-body .context-paragraph.focus p").get_attribute("textContent")
    check(XSS_SCRIPT in text and XSS_IMG in text, f"the context does not show the tags as text: {text!r}")
    check(driver.execute_script("return document.querySelectorAll('#context-body script, #context-body img').length") == 0,
          "a statement's markup became elements in the context view")
    # The query itself is echoed as text too.
    load(driver, base + "/?q=" + urllib.parse.quote("<img src=x onerror=alert(2)>"))
    no_alert(driver)
    check(driver.execute_script("return document.images.length") == 0, "the query became an <img> element")
    check(driver.execute_script("return document.body.textContent.includes('<img src=x onerror=alert(2)>') "
                                "|| !document.getElementById('error').hidden"),
          "the query is neither echoed as text nor reported")


def case_correction(driver, base, _):
    """'impunty' shows the results for 'impunity' at once; 'search instead' and 'Did you mean'."""
    load(driver, base + "/")
    search(driver, "impunty")
    box = one(driver, "#correction")
    check(box.is_displayed(), "no correction line for 'impunty'")
    check(box.text == "Showing results for impunity; search instead for impunty", f"correction line: {box.text!r}")
    check(passage_count(driver) > 0, "the corrected query's results are not shown")
    marks = {m.text.lower() for m in by_css(driver, "#results .snippet mark")}
    check("impunity" in marks, f"the corrected word is not highlighted: {marks}")
    then_rendered(driver, one(driver, "#correction a.original").click, "the uncorrected search")
    check(url_params(driver).get("correct") == ["off"], f"URL: {driver.current_url}")
    check(passage_count(driver) == 0, f"'impunty' itself should match nothing: {status(driver)!r}")
    check(one(driver, "#correction").text == "Did you mean impunity?", f"did-you-mean line: {one(driver, '#correction').text!r}")
    then_rendered(driver, one(driver, "#correction a.suggestion").click, "the suggestion's results")
    check(url_params(driver).get("q") == ["impunity"] and passage_count(driver) > 0, "the suggestion link failed")
    check(not one(driver, "#correction").is_displayed(), "a correction line for a word the index has")


def case_group(driver, base, _):
    """Grouping by paragraph folds the Hague quote into its paragraph and says so."""
    from selenium.webdriver.support.ui import Select
    load(driver, base + "/?q=impunity")
    ungrouped = result_ids(driver)
    check(HAGUE_ID in ungrouped and "r2p-ministerial-meeting-2012/p7" in ungrouped,
          f"the paragraph and its quote should both match: {ungrouped}")
    then_rendered(driver, lambda: Select(one(driver, "#group")).select_by_value("paragraph"), "grouped results")
    check(url_params(driver).get("group") == ["paragraph"], f"URL: {driver.current_url}")
    grouped = result_ids(driver)
    check(len(grouped) < len(ungrouped), f"grouping folded nothing: {grouped}")
    check(not ({HAGUE_ID, "r2p-ministerial-meeting-2012/p7"} <= set(grouped)),
          f"the paragraph and its own quote both fill the top: {grouped}")
    folded = [f.text for f in by_css(driver, "#results .folded")]
    check(any(re.match(r"\+1 more match in this paragraph", f) for f in folded), f"folded counts shown: {folded}")
    check("paragraph" in status(driver), f"the status does not count paragraphs: {status(driver)!r}")


def case_cite(driver, base, _):
    """Cite: the citation and CSL-JSON name speaker, role, title, date, paragraph, source."""
    load(driver, base + "/?q=impunity")
    result_with(driver, HAGUE).find_element("css selector", ".cite-button").click()
    wait_for("the Cite dialog", lambda: one(driver, "#cite-dialog").is_displayed())
    text = one(driver, "#cite-text").get_attribute("value")
    for part in ("Minister", SEED_TITLE, "28 September 2012", HAGUE_ID):
        check(part in text, f"the citation lacks {part!r}: {text!r}")
    item = json.loads(one(driver, "#cite-csl").get_attribute("value"))[0]
    # A quote of a minister the document does not name: cited as the document, no author.
    check(item["type"] == "document" and item["id"] == HAGUE_ID and item["title"] == SEED_TITLE
          and "author" not in item and "genre" not in item and "Minister" in item.get("note", ""),
          f"CSL-JSON: {item}")
    check(item["issued"] == {"date-parts": [[2012, 9, 28]]}, f"CSL-JSON date: {item.get('issued')}")
    one(driver, "#copy-text").click()
    wait_for("the copy to be confirmed", lambda: one(driver, "#cite-status").text)
    check(re.search(r"copied|selected", one(driver, "#cite-status").text),
          f"copying said {one(driver, '#cite-status').text!r}")
    one(driver, "#cite-close").click()
    wait_for("the dialog to close", lambda: not one(driver, "#cite-dialog").is_displayed())

    # A speaker and a source URL (the press release's sidecar).
    quote = [i for i in by_css(driver, "#results .result")
             if i.get_attribute("data-id") == "coalition-press-release-2021/p3/q1"]
    check(quote, "the press release's quote is not among the results")
    quote[0].find_element("css selector", ".cite-button").click()
    wait_for("the Cite dialog", lambda: one(driver, "#cite-dialog").is_displayed())
    text = one(driver, "#cite-text").get_attribute("value")
    check(text.startswith("Amara Lindqvist-Okoro (Executive Director)"), f"citation: {text!r}")
    check(text.endswith("https://example.org/press/2021/atrocity-documentation-portal"), f"citation: {text!r}")
    item = json.loads(one(driver, "#cite-csl").get_attribute("value"))[0]
    check(item.get("author") == [{"literal": "Amara Lindqvist-Okoro"}]
          and item.get("URL") == "https://example.org/press/2021/atrocity-documentation-portal"
          and item["type"] == "speech" and "genre" not in item
          and "Executive Director" in item.get("note", ""), f"CSL-JSON: {item}")
    one(driver, "#cite-close").click()

    # The press release's paragraph reporting her is the organisation's document, not her speech.
    def cite_of(passage_id):
        found = [i for i in by_css(driver, "#results .result") if i.get_attribute("data-id") == passage_id]
        check(found, f"{passage_id} is not among the results")
        found[0].find_element("css selector", ".cite-button").click()
        wait_for("the Cite dialog", lambda: one(driver, "#cite-dialog").is_displayed())
        cited = (one(driver, "#cite-text").get_attribute("value"),
                 json.loads(one(driver, "#cite-csl").get_attribute("value"))[0])
        one(driver, "#cite-close").click()
        return cited

    text, item = cite_of("coalition-press-release-2021/p3")
    check(item["type"] == "document" and "author" not in item and "genre" not in item
          and "Amara Lindqvist-Okoro (Executive Director)" in item.get("note", ""), f"CSL-JSON: {item}")
    check(text.startswith("“Coalition Condemns") and "speaker: Amara Lindqvist-Okoro" in text,
          f"citation: {text!r}")

    # Only http(s) sources are cited or linked: a javascript: URL is left out.
    rewrite_api(driver, "walk(body, (o) => { if ('source_url' in o) o.source_url = 'javascript:alert(1)'; });")
    load(driver, base + "/?q=impunity")
    text, item = cite_of("coalition-press-release-2021/p3/q1")
    check("javascript" not in text and "URL" not in item, f"a javascript: source is cited: {text!r} {item}")
    check(driver.execute_script("return document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0,
          "a javascript: source is linked")


def case_errors(driver, base, _):
    """The API's errors are shown in the page, not swallowed."""
    load(driver, base + "/?q=" + urllib.parse.quote("impunity AND"))
    box = one(driver, "#error")
    check(box.is_displayed() and "malformed query" in box.text and "400" in box.text,
          f"a malformed query's error is not shown: {box.text!r}")
    check(not by_css(driver, "#results .result"), "results are shown beside the error")
    search(driver, "impunity")
    check(not one(driver, "#error").is_displayed(), "the error stays after a good search")
    load(driver, base + "/?passage=no-such-document/p1")
    box = one(driver, "#error")
    check(box.is_displayed() and "no-such-document/p1" in box.text, f"a missing passage: {box.text!r}")
    check("404" in box.text, f"the error does not give its status: {box.text!r}")
    # An id with ".." parts names no other path of the server: it is refused, not fetched.
    load(driver, base + "/?passage=..%2F..%2Fhealthz")
    box = one(driver, "#error")
    check(box.is_displayed() and "not a passage id" in box.text, f"an id with '..' parts: {box.text!r}")
    asked = driver.execute_script("return performance.getEntriesByType('resource').map((e) => e.name)")
    check(not any("healthz" in url and "/api/passage/" not in url for url in asked),
          f"the page fetched another path for a passage: {asked}")
    load(driver, base + "/?passage=" + urllib.parse.quote("r2p-ministerial-meeting-2012/p7/../p1", safe=""))
    check("not a passage id" in one(driver, "#error").text, "an id with a '..' part inside is not refused")
    load(driver, base + "/?q=impunity&limit=5&offset=0&from=2030&to=2020")
    box = one(driver, "#error")
    check(box.is_displayed() and box.text, "a bad date range is not reported")
    check("400" in box.text, f"the error does not give its status: {box.text!r}")
    # The console errors of these failed requests are expected here.
    driver.get_log("browser")


def case_screenshots(driver, base, arguments):
    """Desktop and phone screenshots; no sideways scrolling on a phone; every control labelled."""
    folder = arguments.screenshots
    os.makedirs(folder, exist_ok=True)
    shots = []

    def shoot(name):
        path = os.path.join(folder, name)
        driver.save_screenshot(path)
        shots.append(path)

    driver.set_window_size(1280, 900)
    load(driver, base + "/?q=atrocity&theme=accountability&theme=prevention")
    shoot("page-desktop.png")
    unlabelled = driver.execute_script("""
        return [...document.querySelectorAll('input, select, textarea, button')]
          .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) &&
                         !e.getAttribute('aria-label') && !e.textContent.trim())
          .map((e) => e.outerHTML.slice(0, 80));""")
    check(not unlabelled, f"controls without a label: {unlabelled}")
    load(driver, f"{base}/?q=impunity&passage={urllib.parse.quote(HAGUE_ID, safe='')}")
    shoot("page-context.png")

    driver.set_window_size(390, 844)
    load(driver, base + "/?q=impunity")
    shoot("page-phone.png")
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check(overflow <= 0, f"the phone layout scrolls sideways by {overflow} px")
    one(driver, "#filters-toggle").click()
    wait_for("the filters to open", lambda: one(driver, "#facets").is_displayed())
    shoot("page-phone-filters.png")
    for path in shots:
        check(os.path.getsize(path) > 10000, f"{path} is (nearly) empty")
    print("screenshots: " + ", ".join(shots))


AGREED = ("We reaffirm that each State has the responsibility to protect its populations from "
          "genocide, war crimes, ethnic cleansing and crimes against humanity.")
NORWAY_DOC = "norway-general-debate-2006"
TRACE_FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trace_fixture.json")


def fake_api(driver, prefix, body):
    """From the next page load on, fetches of URLs starting with prefix answer body (JSON) with
    200: the page drawn from a known answer, whatever the library computes."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
(() => {
  const realFetch = window.fetch.bind(window);
  const prefix = %s;
  const body = %s;
  window.fetch = async (url, options) => String(url).startsWith(prefix)
    ? new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } })
    : realFetch(url, options);
})();""" % (json.dumps(prefix), json.dumps(body))})


def open_trace_from_result(driver, result):
    """Opens the result's sentence list and traces the agreed sentence; returns its number."""
    toggle = result.find_element("css selector", ".trace-toggle")
    toggle.click()
    check(toggle.get_attribute("aria-expanded") == "true", "the sentence list did not open")
    links = result.find_elements("css selector", ".sentence-picker .sentence-link")
    texts = [link.text for link in links]
    check(AGREED in texts, f"the agreed sentence is not offered for tracing: {texts}")
    number = texts.index(AGREED) + 1
    then_rendered(driver, links[number - 1].click, "the trace of the agreed sentence")
    return number


def trace_years(driver):
    return [g.get_attribute("data-year") for g in by_css(driver, "#trace-timeline g.year[role=button]")]


def check_agreed_trace(driver):
    """The trace view of the agreed sentence: three years, Norway's first, uses oldest first."""
    check(one(driver, "#trace-view").is_displayed(), "the trace view is not shown")
    check(one(driver, "#trace-sentence").text == AGREED, f"traced: {one(driver, '#trace-sentence').text!r}")
    check(trace_years(driver) == ["2006", "2009", "2014"], f"timeline years: {trace_years(driver)}")
    labels = [g.get_attribute("aria-label") for g in by_css(driver, "#trace-timeline g.year[role=button]")]
    check(labels[1].startswith("2009: 1 speaker verbatim, 1 modified"), f"2009's label: {labels[1]!r}")
    check(by_css(driver, "#trace-timeline rect.bar.verbatim") and by_css(driver, "#trace-timeline rect.bar.modified"),
          "the timeline lacks verbatim or modified bars")
    first = one(driver, "#trace-first").text
    for part in ("21 September 2006", "Norway at the General Debate, 2006", "Ingrid Sæterhaug", "Norway (NOR)"):
        check(part in first, f"the first use lacks {part!r}: {first!r}")
    dates = [t.get_attribute("datetime") for t in by_css(driver, "#trace-uses .trace-use time")]
    check(len(dates) == 4 and dates == sorted(dates), f"the uses are not listed oldest first: {dates}")
    chile = [u for u in by_css(driver, "#trace-uses .trace-use") if "chile" in u.get_attribute("data-id")]
    check(chile, "Chile's modified use is not listed")
    marks = " ".join(m.text for m in chile[0].find_elements("css selector", "mark.differ"))
    check("every" in marks and "bears" in marks and "genocide" not in marks,
          f"the words Chile changed are not the ones marked: {marks!r}")
    countries = one(driver, "#trace-countries").text
    check(all(c in countries for c in ("Norway (2006)", "Chile (2009)", "Ghana (2009)")),
          f"countries: {countries!r}")


def case_trace(driver, base, _):
    """Trace this sentence from a result: the timeline's years, the first use, Back, reload, keys."""
    load(driver, base + "/?q=reaffirm")
    ids = result_ids(driver)
    norway = [r for r in by_css(driver, "#results .result") if r.get_attribute("data-id").startswith(NORWAY_DOC)]
    check(norway, f"Norway's statement is not among the results: {ids}")
    norway_id = norway[0].get_attribute("data-id")
    number = open_trace_from_result(driver, norway[0])
    check(url_params(driver).get("trace") == [norway_id] and url_params(driver).get("sentence") == [str(number)],
          f"the trace is not in the URL: {driver.current_url}")
    check_agreed_trace(driver)

    # A year's bar moves to its first use, by key too.
    from selenium.webdriver.common.keys import Keys
    bar = [g for g in by_css(driver, "#trace-timeline g.year[role=button]") if g.get_attribute("data-year") == "2014"][0]
    bar.send_keys(Keys.ENTER)
    focused = driver.switch_to.active_element
    check(focused.get_attribute("data-year") == "2014", "Enter on 2014's bar did not reach 2014's use")

    # Reload reproduces it; Back returns to the results with the result focused.
    trace_url = driver.current_url
    load(driver, trace_url)
    check_agreed_trace(driver)
    load(driver, base + "/?q=reaffirm")
    norway = [r for r in by_css(driver, "#results .result") if r.get_attribute("data-id") == norway_id]
    open_trace_from_result(driver, norway[0])
    then_rendered(driver, driver.back, "the results after Back")
    check(one(driver, "#trace-view").get_attribute("hidden") is not None, "Back left the trace shown")
    check(result_ids(driver) == ids, f"Back did not restore the results: {result_ids(driver)} != {ids}")
    then_rendered(driver, driver.forward, "the trace after Forward")
    check_agreed_trace(driver)
    then_rendered(driver, lambda: press(driver, Keys.ESCAPE), "the results after Escape")
    check("trace" not in url_params(driver), f"Escape did not close the trace: {driver.current_url}")
    check(driver.switch_to.active_element.get_attribute("data-id") == norway_id,
          "focus did not return to the traced result")

    # The first use's document opens in its context.
    load(driver, trace_url)
    then_rendered(driver, one(driver, "#trace-first a.use-context-link").click, "the first use in context")
    check(url_params(driver).get("passage", [""])[0].startswith(NORWAY_DOC), f"URL: {driver.current_url}")
    then_rendered(driver, driver.back, "the trace after Back")
    check_agreed_trace(driver)

    # From the passage in its context too; the trace's Back link returns there.
    load(driver, base + "/?" + urllib.parse.urlencode({"passage": norway_id}))
    open_trace_from_result(driver, one(driver, "#context-body .passage-details"))
    check_agreed_trace(driver)
    check(one(driver, "#trace-back").text == "← Back to the passage", "the trace's Back link names no passage")
    then_rendered(driver, one(driver, "#trace-back").click, "the passage after the trace's Back link")
    check(one(driver, "#context-view").is_displayed() and url_params(driver).get("passage") == [norway_id],
          f"the trace's Back link did not return to the passage: {driver.current_url}")


def case_like(driver, base, arguments):
    """Similar passages: similarity shown, differing words marked, facets work, Back returns."""
    load(driver, base + "/?q=reaffirm")
    ids = result_ids(driver)
    norway = [r for r in by_css(driver, "#results .result") if r.get_attribute("data-id").startswith(NORWAY_DOC)]
    check(norway, f"Norway's statement is not among the results: {ids}")
    norway_id = norway[0].get_attribute("data-id")
    then_rendered(driver, norway[0].find_element("css selector", ".like-link").click, "the similar passages")
    check(url_params(driver).get("like") == [norway_id], f"URL: {driver.current_url}")
    check(one(driver, "#like-banner").is_displayed(), "no banner says what the results are like")
    check(AGREED in one(driver, "#like-banner").text, "the banner does not list the agreed sentence")
    figures = {r.get_attribute("data-id").split("/")[0]: one_text(r, ".like-match .similarity")
               for r in by_css(driver, "#results .result")}
    for doc in ("ghana-general-debate-2009", "chile-general-debate-2009", "philippines-interactive-dialogue-2014"):
        check(doc in figures, f"{doc} is not among the similar passages: {figures}")
    check(figures["ghana-general-debate-2009"] == "Verbatim", f"Ghana's is verbatim: {figures}")
    check(re.fullmatch(r"\d{1,2}% similar", figures["chile-general-debate-2009"]), f"Chile's figure: {figures}")
    chile = [r for r in by_css(driver, "#results .result") if r.get_attribute("data-id").startswith("chile")][0]
    marks = " ".join(m.text for m in chile.find_elements("css selector", ".like-match mark.differ"))
    check("every" in marks and "bears" in marks and "genocide" not in marks,
          f"Chile's differing words: {marks!r}")
    os.makedirs(arguments.screenshots, exist_ok=True)
    driver.save_screenshot(os.path.join(arguments.screenshots, "like-desktop.png"))

    # Facets work as usual on similar passages, and the like search stays.
    countries = facet_counts(driver, "country")
    check(countries.get("chl") == 1, f"the country facet of the similar passages: {countries}")
    choose_facet(driver, "country", "chl")
    check(url_params(driver).get("like") == [norway_id] and url_params(driver).get("country") == ["chl"],
          f"URL: {driver.current_url}")
    check([i.split("/")[0] for i in result_ids(driver)] == ["chile-general-debate-2009"],
          f"filtered by Chile: {result_ids(driver)}")
    then_rendered(driver, driver.back, "the similar passages after Back")
    then_rendered(driver, driver.back, "the results after Back")
    check("like" not in url_params(driver) and result_ids(driver) == ids,
          f"Back did not return to the results: {driver.current_url}")
    check(one(driver, "#like-banner").get_attribute("hidden") is not None, "the like banner stays")


def case_trace_layout(driver, base, arguments):
    """The trace view drawn from a fixed answer (tests/browser/trace_fixture.json): marks from
    code point offsets, a long word, the phone layout; screenshots of desktop and phone."""
    with open(TRACE_FIXTURE, encoding="utf-8") as stream:
        fixture = json.load(stream)
    long_word = "Responsibilitytoprotect" * 6
    fixture["listed"][1]["text"] = fixture["listed"][1]["text"] + " " + long_word
    fake_api(driver, "/api/trace", fixture)
    url = base + "/?" + urllib.parse.urlencode({"q": "reaffirm", "trace": fixture["first_use"]["id"], "sentence": "2"})
    folder = arguments.screenshots
    os.makedirs(folder, exist_ok=True)
    driver.set_window_size(1280, 900)
    load(driver, url)
    check_agreed_trace(driver)
    missing = [d.text for d in by_css(driver, "#trace-uses .missing del")]
    check(missing == ["each", "has"], f"the missing words: {missing}")
    driver.save_screenshot(os.path.join(folder, "trace-desktop.png"))
    driver.execute_script("document.getElementById('trace-uses').scrollIntoView()")
    driver.save_screenshot(os.path.join(folder, "trace-uses.png"))
    driver.set_window_size(390, 844)
    load(driver, url)
    check_agreed_trace(driver)
    check(sideways_overflow(driver) <= 0, f"the trace view scrolls sideways by {sideways_overflow(driver)} px")
    driver.save_screenshot(os.path.join(folder, "trace-phone.png"))
    driver.execute_script("document.getElementById('trace-timeline').scrollIntoView()")
    driver.save_screenshot(os.path.join(folder, "trace-phone-timeline.png"))
    # Every control of the trace view has a label; the years are reachable by Tab.
    unlabelled = driver.execute_script("""
        return [...document.querySelectorAll('#trace-view a, #trace-view [role=button]')]
          .filter((e) => !e.getAttribute('aria-label') && !e.textContent.trim())
          .map((e) => e.outerHTML.slice(0, 80));""")
    check(not unlabelled, f"trace controls without a label: {unlabelled}")


CASES = {
    "search": case_search,
    "facets": case_facets,
    "timeline": case_timeline,
    "context": case_context,
    "xss": case_xss,
    "correction": case_correction,
    "group": case_group,
    "cite": case_cite,
    "errors": case_errors,
    "screenshots": case_screenshots,
    "trace": case_trace,
    "like": case_like,
    "trace_layout": case_trace_layout,
}

if __name__ == "__main__":
    run(CASES)
