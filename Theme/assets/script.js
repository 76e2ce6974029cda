// The Tensor Collective: optional enhancements. Every page reads fully without this script.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme toggle: remembers the reader's choice; the inline script in <head> applies it before paint.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var dark = root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("theme", root.dataset.theme); } catch (e) {}
    });
  }

  // Copy buttons on code blocks.
  var label = document.documentElement.lang.indexOf("fr") === 0 ? ["Copier", "Copié"] : ["Copy", "Copied"];
  document.querySelectorAll(".highlight").forEach(function (block) {
    if (!navigator.clipboard) return;
    var button = document.createElement("button");
    button.type = "button"; button.className = "copy-code"; button.textContent = label[0];
    button.addEventListener("click", function () {
      var code = block.querySelector("pre code:last-child") || block.querySelector("code");
      var lines = code.querySelectorAll(".cl");
      var text = lines.length ? Array.prototype.map.call(lines, function (l) { return l.textContent; }).join("") : code.textContent;
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = label[1];
        setTimeout(function () { button.textContent = label[0]; }, 1500);
      });
    });
    block.appendChild(button);
  });

  // Table of contents: mark the section in view.
  var tocLinks = document.querySelectorAll(".toc a");
  if (tocLinks.length && "IntersectionObserver" in window) {
    var byId = {};
    tocLinks.forEach(function (a) { byId[decodeURIComponent(a.hash.slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !byId[entry.target.id]) return;
        tocLinks.forEach(function (a) { a.classList.remove("active"); a.removeAttribute("aria-current"); });
        byId[entry.target.id].classList.add("active");
        byId[entry.target.id].setAttribute("aria-current", "true");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) { var h = document.getElementById(id); if (h) observer.observe(h); });
  }

  // Click an image in a post to zoom it; click again or press Escape to close.
  document.querySelectorAll(".post-content img:not(.in-text)").forEach(function (img) {
    img.addEventListener("click", function () { img.classList.toggle("zoomed"); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") document.querySelectorAll(".zoomed").forEach(function (img) { img.classList.remove("zoomed"); });
  });

  // Search page: loads the index when the reader first uses the box.
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input"), results = document.getElementById("search-results"), index = null;
  function load(then) {
    if (index) return then();
    fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (data) { index = data; then(); });
  }
  function escape(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function run() {
    var q = input.value.trim().toLowerCase(), words = q.split(/\s+/).filter(Boolean);
    history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
    if (!words.length) { results.innerHTML = ""; return; }
    var scored = index.map(function (p) {
      var title = p.title.toLowerCase(), body = (p.content || "").toLowerCase(), score = 0;
      for (var i = 0; i < words.length; i++) {
        var inTitle = title.indexOf(words[i]) >= 0, inBody = body.indexOf(words[i]) >= 0;
        if (!inTitle && !inBody) return null;
        score += (inTitle ? 10 : 0) + (inBody ? 1 : 0);
      }
      return { page: p, score: score };
    }).filter(Boolean).sort(function (a, b) { return b.score - a.score; }).slice(0, 20);
    results.innerHTML = scored.map(function (r) {
      return '<li><a href="' + escape(r.page.permalink) + '">' + escape(r.page.title) + "</a><br><small>" + escape(r.page.summary || "") + "</small></li>";
    }).join("");
  }
  input.addEventListener("input", function () { load(run); });
  form.addEventListener("submit", function (event) { event.preventDefault(); load(run); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; load(run); }
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
})();
