// dipcli report: tooltips, the stance map's evidence, search and paging. Article text reaches
// the page only as text: this script never writes HTML from data (no innerHTML).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dipcli-data").textContent);

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // -- sentence tooltips: hover or keyboard focus ----------------------------------------------
  var tip = el("div");
  tip.id = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var current = null;

  function showTip(target) {
    current = target;
    tip.textContent = target.getAttribute("data-tip");
    tip.hidden = false;
    target.setAttribute("aria-describedby", "tip");
    var box = target.getBoundingClientRect();
    var top = window.scrollY + box.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
  }
  function hideTip() {
    if (current) { current.removeAttribute("aria-describedby"); }
    current = null;
    tip.hidden = true;
  }
  function sentenceOf(node) {
    return node && node.closest ? node.closest(".cl[data-tip]") : null;
  }
  document.addEventListener("mouseover", function (e) {
    var s = sentenceOf(e.target);
    if (s && s !== current) { showTip(s); } else if (!s && current && document.activeElement !== current) { hideTip(); }
  });
  document.addEventListener("focusin", function (e) {
    var s = sentenceOf(e.target);
    if (s) { showTip(s); } else { hideTip(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hideTip(); }
  });

  // -- stance map: a cell lists its evidence ---------------------------------------------------
  var panel = document.getElementById("evidence");
  var cells = document.querySelectorAll("#stance .cell");

  function showEvidence(cell) {
    var index = Number(cell.getAttribute("data-cell"));
    var ev = data.stance.evidence[index];
    if (!ev || !panel) { return; }
    for (var i = 0; i < cells.length; i++) { cells[i].setAttribute("aria-pressed", cells[i] === cell ? "true" : "false"); }
    panel.textContent = "";
    panel.appendChild(el("h3", null, cell.getAttribute("aria-label")));
    if (ev.total > ev.acts.length) {
      panel.appendChild(el("p", "note", "The first " + ev.acts.length + " of " + ev.total + " acts."));
    }
    var list = el("ol");
    ev.acts.forEach(function (act) {
      var item = el("li");
      var pol = act.polarity === "support" ? "sup" : "opp";
      item.appendChild(el("span", "sign-" + pol, (pol === "sup" ? "+ " : "\u2212 ") + act.polarity));
      item.appendChild(document.createTextNode(" \u00b7 " + act.speaker + " \u00b7 cue \u201c" + act.cue + "\u201d: "));
      var quote = el("q");
      if (act.span) {
        quote.appendChild(document.createTextNode(act.text.slice(0, act.span[0])));
        quote.appendChild(el("mark", "t" + pol, act.text.slice(act.span[0], act.span[1])));
        quote.appendChild(document.createTextNode(act.text.slice(act.span[1])));
      } else {
        quote.textContent = act.text;
      }
      item.appendChild(quote);
      item.appendChild(el("span", "note", " (" + act.doc + ", " + act.offsets + ") "));
      if (act.anchor) {
        var link = el("a", null, "in the text");
        link.href = "#" + act.anchor;
        item.appendChild(link);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  for (var c = 0; c < cells.length; c++) {
    cells[c].setAttribute("aria-pressed", "false");
    cells[c].addEventListener("click", function () { showEvidence(this); });
    cells[c].addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showEvidence(this); }
    });
  }

  // -- search over the claims of the texts on the page -----------------------------------------
  var query = document.getElementById("q");
  var who = document.getElementById("who");
  var count = document.getElementById("search-count");
  var results = document.getElementById("search-results");
  var claims = null;
  var MAX_RESULTS = 100;

  function search() {
    if (!claims) {
      claims = Array.prototype.map.call(document.querySelectorAll("#texts .cl[data-tip]"), function (s) {
        return { node: s, text: s.textContent, lower: s.textContent.toLowerCase(), speaker: s.getAttribute("data-s") };
      });
    }
    var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var speaker = who.value;
    results.textContent = "";
    if (!words.length && !speaker) { count.textContent = ""; return; }
    var found = claims.filter(function (c) {
      return (!speaker || c.speaker === speaker) && words.every(function (w) { return c.lower.indexOf(w) >= 0; });
    });
    count.textContent = found.length + (found.length === 1 ? " claim matches" : " claims match") +
      (found.length > MAX_RESULTS ? "; the first " + MAX_RESULTS + " are listed." : ".");
    found.slice(0, MAX_RESULTS).forEach(function (c) {
      var item = el("li");
      var name = data.speakers[Number(c.speaker)];
      item.appendChild(el("strong", null, name === undefined ? "" : name));
      item.appendChild(document.createTextNode(": "));
      var link = el("a", null, c.text);
      link.href = "#" + c.node.id;
      item.appendChild(link);
      results.appendChild(item);
    });
  }
  if (query && who) {
    query.addEventListener("input", search);
    who.addEventListener("change", search);
    document.getElementById("search-form").addEventListener("submit", function (e) { e.preventDefault(); search(); });
  }

  // -- the article list, a page at a time ------------------------------------------------------
  var rows = document.querySelectorAll("#article-list tbody tr");
  var PER_PAGE = 50;
  if (rows.length > PER_PAGE) {
    var pages = Math.ceil(rows.length / PER_PAGE);
    var page = 0;
    var pager = el("div", "pager");
    var prev = el("button", null, "Previous");
    var next = el("button", null, "Next");
    var where = el("span");
    where.setAttribute("aria-live", "polite");
    prev.type = next.type = "button";
    pager.appendChild(prev);
    pager.appendChild(where);
    pager.appendChild(next);
    var list = document.getElementById("article-list");
    list.parentNode.insertBefore(pager, list);
    var turn = function (to) {
      page = Math.max(0, Math.min(pages - 1, to));
      for (var i = 0; i < rows.length; i++) {
        rows[i].hidden = Math.floor(i / PER_PAGE) !== page;
      }
      where.textContent = "articles " + (page * PER_PAGE + 1) + "\u2013" + Math.min(rows.length, (page + 1) * PER_PAGE) +
        " of " + rows.length;
      prev.disabled = page === 0;
      next.disabled = page === pages - 1;
    };
    prev.addEventListener("click", function () { turn(page - 1); });
    next.addEventListener("click", function () { turn(page + 1); });
    turn(0);
  }

  // -- printing shows everything -----------------------------------------------------------------
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    for (var i = 0; i < rows.length; i++) { rows[i].hidden = false; }
  });
})();
