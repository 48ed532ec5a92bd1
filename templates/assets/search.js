/* Search across the privacy notices with the static Pagefind index (pagefind/, made by the
   build). Progressive: the form is hidden until this runs. Results are links in a list, and
   their number is announced by the status line (role="status"). */
(function () {
  "use strict";
  var form = document.querySelector("form.search-form");
  if (!form) return;
  var box = form.parentNode;
  var input = form.querySelector("input[type=search]");
  var status = box.querySelector(".search-status");
  var list = box.querySelector(".search-results");
  var root = new URL(form.dataset.root || "./", document.baseURI).href;
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(root + "pagefind/pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: root }).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function plain(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;  // Pagefind's excerpt of our own page, read as text only
    return holder.textContent;
  }

  function show(items) {
    list.replaceChildren();
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.meta && item.meta.title ? item.meta.title : item.url;
      var excerpt = document.createElement("p");
      excerpt.textContent = plain(item.excerpt || "");
      li.append(link, excerpt);
      list.append(li);
    });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { list.replaceChildren(); status.textContent = ""; return; }
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (items) {
      if (ticket !== latest) return;  // a later query has been typed
      show(items);
      status.textContent = items.length
        ? form.dataset.found.replace("{count}", String(items.length))
        : form.dataset.none;
    }).catch(function () {
      status.textContent = form.dataset.unavailable;
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  form.hidden = false;
})();
