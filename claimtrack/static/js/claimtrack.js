// Behaviour shared by every page. Kept in a static file so the Content-Security-Policy
// can forbid inline script. Everything here is an enhancement: the pages work without it.
(function () {
  "use strict";

  // htmx requests carry the CSRF token in a header; forms carry it as a field.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRFToken"] = meta.content;
    }
  });

  // --- Messages for requests that failed without a form to show them in -------------

  var FAILURES = {
    400: "The page has expired. Reload it and try again; what you typed is still in the form.",
    403: "You do not have permission to do that.",
    404: "That item no longer exists. Reload the page.",
    413: "That file is too large to upload."
  };

  function notify(text) {
    var box = document.getElementById("notices");
    if (!box) {
      return;
    }
    var p = document.createElement("p");
    p.className = "flash flash-error";
    p.textContent = text;
    box.replaceChildren(p);
  }

  // A live region that stays in the page, so a message in a swapped fragment is read
  // out even when the fragment's own role="status" element is brand new.
  function announce(text) {
    var box = document.getElementById("announce");
    if (box) {
      box.textContent = "";
      window.setTimeout(function () { box.textContent = text.replace(/\s+/g, " ").trim(); }, 50);
    }
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    notify(FAILURES[status] || "Something went wrong (error " + status + "). Reload the page and try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    notify("The server could not be reached. Nothing was lost: what you typed is still in the form.");
  });
  document.addEventListener("htmx:beforeRequest", function () {
    var box = document.getElementById("notices");
    if (box) {
      box.replaceChildren();
    }
  });

  // --- Article page: the selected claim, j/k navigation --------------------------------

  function articleBody() {
    return document.getElementById("article-body");
  }

  function openPanel() {
    return document.querySelector("#claim-panel .claim-panel");
  }

  function markSelected(scroll) {
    var body = articleBody();
    if (!body) {
      return;
    }
    var panel = openPanel();
    var id = panel ? panel.getAttribute("data-claim-id") : null;
    body.querySelectorAll("a.claim-mark.is-selected").forEach(function (a) {
      a.classList.remove("is-selected");
      a.removeAttribute("aria-current");
    });
    var pieces = id ? body.querySelectorAll('a.claim-mark[data-claim-id="' + id + '"]') : [];
    pieces.forEach(function (piece) {
      piece.classList.add("is-selected");
      piece.setAttribute("aria-current", "true");
    });
    var mark = pieces.length ? pieces[0] : null;
    if (mark) {
      if (scroll) {
        var box = mark.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) {
          mark.scrollIntoView({ block: "center" });
        }
      }
    }
  }

  // j/k in the queue: move a highlighted row through every list on the page; the row's
  // link takes focus, so Enter opens the claim as it does for any focused link.
  function moveInQueue(event, forward) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".queue-list .queue-item"));
    if (!items.length) {
      return;
    }
    var at = items.findIndex(function (item) { return item.classList.contains("current"); });
    var next = at < 0 ? (forward ? 0 : items.length - 1) : Math.min(Math.max(at + (forward ? 1 : -1), 0), items.length - 1);
    items.forEach(function (item) { item.classList.remove("current"); });
    var item = items[next];
    item.classList.add("current");
    var link = item.querySelector("a.queue-claim");
    if (link) {
      link.focus();
      item.scrollIntoView({ block: "nearest" });
    }
    event.preventDefault();
  }

  function isTyping(target) {
    return target && target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      return;
    }
    if (event.key !== "j" && event.key !== "k") {
      return;
    }
    var forward = event.key === "j";
    var body = articleBody();
    if (!body) {
      moveInQueue(event, forward);
      return;
    }
    var link = null;
    var panel = openPanel();
    if (panel) {
      link = panel.querySelector('[data-claim-nav="' + (forward ? "next" : "prev") + '"]');
    } else {
      var marks = body.querySelectorAll("a.claim-mark");
      link = marks.length ? marks[forward ? 0 : marks.length - 1] : null;
    }
    if (link) {
      event.preventDefault();
      link.click();
    }
  });

  var narrow = window.matchMedia("(max-width: 900px)");

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    var verb = event.detail.requestConfig ? event.detail.requestConfig.verb : "get";
    if (target && target.id === "claim-panel" && verb === "get") {
      var heading = target.querySelector("h2[tabindex]");
      if (heading) {
        heading.focus({ preventScroll: !narrow.matches });
        if (narrow.matches) {
          target.scrollIntoView({ block: "start" });
        }
      }
      markSelected(true);
      return;
    }
    if (verb !== "get") {
      // After an outerHTML swap the event's target is the element that was replaced;
      // look in the one now in the page.
      var live = target && target.isConnected ? target : document.querySelector("#claim-panel .claim-panel");
      var panel = live && live.closest ? live.closest(".claim-panel") || live : null;
      var problem = panel && panel.querySelector && panel.querySelector(".conflict, .form-error, [aria-invalid]");
      // The first problem, or else the success notice, takes focus where the person
      // acted; the page keeps its place (only the nearest scroll to show it).
      var shown = problem || (panel || document).querySelector(".form-done");
      if (shown) {
        if (!shown.hasAttribute("tabindex") && !shown.matches("input, select, textarea")) {
          shown.setAttribute("tabindex", "-1");
        }
        shown.focus({ preventScroll: true });
        shown.scrollIntoView({ block: "nearest" });
        announce(shown.textContent);
      }
    }
    markSelected(false);
  });
  document.addEventListener("htmx:historyRestore", function () {
    markSelected(false);
  });

  // --- Article page: turn a text selection into a new claim ---------------------------
  //
  // Each paragraph carries data-start, the body offset of its first character, and its
  // text nodes are the body's characters in order. Python counts code points, the DOM
  // counts UTF-16 units, so lengths are converted before they are sent.

  function codePoints(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
        }
      }
      n++;
    }
    return n;
  }

  function paragraphEnd(p) {
    return parseInt(p.getAttribute("data-start"), 10) + codePoints(p.textContent);
  }

  function bodyOffset(body, container, offset) {
    var element = container.nodeType === 1 ? container : container.parentNode;
    var p = element.closest ? element.closest("p[data-start]") : null;
    if (p && body.contains(p)) {
      var range = document.createRange();
      range.setStart(p, 0);
      range.setEnd(container, offset);
      return parseInt(p.getAttribute("data-start"), 10) + codePoints(range.toString());
    }
    if (container === body) {
      // Between paragraphs: the end of the last paragraph before that point.
      var paragraphs = Array.prototype.slice.call(body.children, 0, offset).filter(function (el) {
        return el.matches("p[data-start]");
      });
      return paragraphs.length ? paragraphEnd(paragraphs[paragraphs.length - 1]) : 0;
    }
    return null;
  }

  function updateSelection() {
    var form = document.getElementById("add-claim");
    var body = articleBody();
    var selection = window.getSelection();
    if (!form || !body || !selection || selection.isCollapsed || selection.rangeCount === 0) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) {
      return;
    }
    var start = bodyOffset(body, range.startContainer, range.startOffset);
    var end = bodyOffset(body, range.endContainer, range.endOffset);
    var text = range.toString();
    if (start === null || end === null || end <= start || !text.trim()) {
      return;
    }
    form.querySelector('[name="start"]').value = start;
    form.querySelector('[name="end"]').value = end;
    form.querySelector('[name="selected"]').value = text;
    var preview = form.querySelector("[data-selection-preview]");
    if (preview) {
      var shown = text.replace(/\s+/g, " ").trim();
      preview.textContent = "Selected: \u201c" + (shown.length > 140 ? shown.slice(0, 139) + "\u2026" : shown) + "\u201d";
    }
    form.classList.add("has-selection");
  }

  var selectionTimer = null;
  document.addEventListener("selectionchange", function () {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(updateSelection, 120);
  });
  // Read the selection once more as the form goes out, in case the last change is
  // still waiting for its timer.
  document.addEventListener("submit", function (event) {
    if (event.target && event.target.id === "add-claim") {
      clearTimeout(selectionTimer);
      updateSelection();
    }
  }, true);
  // A drag that starts on a highlighted claim selects text instead of dragging the link.
  document.addEventListener("dragstart", function (event) {
    if (event.target && event.target.closest && event.target.closest("#article-body")) {
      event.preventDefault();
    }
  });
  // Finishing a selection inside a highlighted claim must not also open that claim.
  document.addEventListener("click", function (event) {
    var mark = event.target && event.target.closest ? event.target.closest("a.claim-mark") : null;
    var selection = window.getSelection();
    if (mark && selection && !selection.isCollapsed && mark.contains(selection.anchorNode)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  // --- The import form: a pasted article without outlet or date asks once ------------
  // The first submit of pasted text with no outlet or no date shows what is missing and
  // stops; submitting again imports it as it is (the server warns again afterwards).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.id !== "import-form") {
      return;
    }
    var body = form.querySelector("#import-body");
    var file = form.querySelector("#import-file");
    var box = form.querySelector("#import-missing");
    if (!body || !box || !body.value.trim() || (file && file.files && file.files.length)) {
      return;
    }
    var missing = [];
    if (!form.querySelector("#import-outlet").value.trim()) {
      missing.push("outlet");
    }
    if (!form.querySelector("#import-published").value.trim()) {
      missing.push("publication date");
    }
    var asked = box.getAttribute("data-asked") === missing.join(",");
    if (!missing.length || asked) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    box.setAttribute("data-asked", missing.join(","));
    box.textContent = "No " + missing.join(" and no ") + " given. Add " + (missing.length > 1 ? "them" : "it") +
      " under Details if the text does not say, or press Import again to import without.";
    box.hidden = false;
    var first = form.querySelector(missing[0] === "outlet" ? "#import-outlet" : "#import-published");
    if (first) {
      first.focus();
    }
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    markSelected(false);
  });
})();
