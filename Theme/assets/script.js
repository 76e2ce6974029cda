// The Tensor Collective: optional enhancements. Every page reads fully without this script;
// it adds the theme toggle, copy buttons on code, the table of contents' current section, image zoom
// and previews of cited references.
(function () {
  "use strict";
  var root = document.documentElement;
  var body = document.body;

  // Theme toggle: the choice is remembered; the inline script in <head> applies it before paint.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var dark = function () {
      return root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    };
    var show = function () { toggle.setAttribute("aria-pressed", String(dark())); };
    toggle.hidden = false;
    show();
    toggle.addEventListener("click", function () {
      root.dataset.theme = dark() ? "light" : "dark";
      try { localStorage.setItem("theme", root.dataset.theme); } catch (e) { /* private mode: not remembered */ }
      show();
    });
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", show);
  }

  // Copy buttons on code blocks; line numbers are left out of the copied text.
  var copy = body.dataset.copy || "Copy", copied = body.dataset.copied || "Copied";
  if (navigator.clipboard && body.dataset.copyButtons !== "off") {
    document.querySelectorAll(".highlight").forEach(function (block) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-code";
      button.textContent = copy;
      button.addEventListener("click", function () {
        var code = block.querySelector(".lntd:last-child code") || block.querySelector("code");
        if (!code) return;
        var lines = code.querySelectorAll(".cl");
        var text = lines.length ? Array.prototype.map.call(lines, function (l) { return l.textContent; }).join("") : code.textContent;
        navigator.clipboard.writeText(text.replace(/\n$/, "")).then(function () {
          button.textContent = copied;
          button.classList.add("done");
          setTimeout(function () { button.textContent = copy; button.classList.remove("done"); }, 1600);
        });
      });
      block.appendChild(button);
    });
  }

  // Back to top: shown once the reader has scrolled a screen's worth.
  var topLink = document.querySelector(".top-link");
  if (topLink) {
    var away = function () { topLink.classList.toggle("away", scrollY < innerHeight * 0.8); };
    addEventListener("scroll", away, { passive: true });
    away();
  }

  // Table of contents: mark the section being read.
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
  var headings = tocLinks.map(function (a) {
    try { return document.getElementById(decodeURIComponent(a.hash.slice(1))); } catch (e) { return null; }
  });
  if (tocLinks.length) {
    // Beside the text there is room for it: open it there even when it starts closed.
    var details = document.querySelector(".has-toc .toc details");
    if (details && matchMedia("(min-width: 80rem)").matches) details.open = true;
    var current = -1, ticking = false;
    var mark = function () {
      ticking = false;
      var line = Math.min(innerHeight * 0.25, 160), index = -1;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i] && headings[i].getBoundingClientRect().top <= line) index = i;
      }
      if (index === current) return;
      if (current >= 0) tocLinks[current].removeAttribute("aria-current");
      if (index >= 0) tocLinks[index].setAttribute("aria-current", "true");
      current = index;
    };
    addEventListener("scroll", function () {
      if (!ticking) { ticking = true; requestAnimationFrame(mark); }
    }, { passive: true });
    mark();
  }

  // Images in a post open full screen on click or Enter; a click or Escape closes them.
  var overlay = null, opener = null;
  var close = function () {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    if (opener) opener.focus();
  };
  var open = function (img) {
    opener = img;
    overlay = document.createElement("button");
    overlay.type = "button";
    overlay.className = "zoom-overlay";
    overlay.setAttribute("aria-label", img.alt || "");
    var big = document.createElement("img");
    big.src = img.currentSrc || img.src;
    big.alt = img.alt;
    overlay.appendChild(big);
    overlay.addEventListener("click", close);
    body.appendChild(overlay);
    overlay.focus();
  };
  document.querySelectorAll(".post-content img").forEach(function (img) {
    if (img.closest("a")) return;
    img.classList.add("zoomable");
    img.tabIndex = 0;
    img.addEventListener("click", function () { open(img); });
    img.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(img); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); hidePreview(); }
  });

  // Citations: the full reference on hover or focus (the link itself goes to the reference list).
  var preview = null;
  var hidePreview = function () {
    if (!preview) return;
    preview.remove();
    preview = null;
  };
  var showPreview = function (link) {
    var entry = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!entry) return;
    hidePreview();
    preview = document.createElement("div");
    preview.className = "citation-preview";
    preview.id = "citation-preview";
    preview.setAttribute("role", "tooltip");
    preview.innerHTML = entry.innerHTML;
    preview.querySelectorAll(".reference-backlinks").forEach(function (b) { b.remove(); });
    body.appendChild(preview);
    var box = link.getBoundingClientRect();
    preview.style.left = Math.max(8, Math.min(scrollX + box.left, scrollX + innerWidth - preview.offsetWidth - 8)) + "px";
    preview.style.top = (scrollY + box.bottom + 6) + "px";
    link.setAttribute("aria-describedby", preview.id);
  };
  document.querySelectorAll("a.citation").forEach(function (link) {
    link.addEventListener("mouseenter", function () { showPreview(link); });
    link.addEventListener("focus", function () { showPreview(link); });
    link.addEventListener("mouseleave", hidePreview);
    link.addEventListener("blur", function () { hidePreview(); link.removeAttribute("aria-describedby"); });
  });
})();
