"""The pages the preview makes itself: the reload script, the error page and the not-found page."""

from __future__ import annotations

import html

from noticegen.errors import Problem

VERSION_PATH = "/__noticegen/version"

# Added to each HTML response as it is sent, never written to a file, so the preview's site
# folder holds exactly what `noticegen build` would write.
RELOAD_SCRIPT = """<script id="noticegen-preview-reload">
/* Added by 'noticegen serve' for the preview only: reloads the page after each rebuild. */
(function () {
  var seen = "%s";
  function poll() {
    fetch("%s", {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (version) {
        if (version.trim() !== seen) { window.location.reload(); } else { setTimeout(poll, 500); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
</script>
"""


def inject(page: bytes, version: str) -> bytes:
    """The page with the reload script before its last </body> (at the end for a fragment)."""
    script = (RELOAD_SCRIPT % (version, VERSION_PATH)).encode("utf-8")
    at = page.lower().rfind(b"</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


def problem_count_text(problems: list[Problem]) -> str:
    """'1 problem' or 'N problems': only errors count, as warnings do not stop a build."""
    errors = sum(1 for p in problems if p.level == "error")
    return "1 problem" if errors == 1 else f"{errors} problems"


def error_page(problems: list[Problem], version: str) -> bytes:
    """A self-contained page listing the problems in plain words, every text escaped."""
    count = problem_count_text(problems)
    items = []
    for problem in problems:
        where = str(problem.loc) or "the project"
        items.append(
            f'<li class="{html.escape(problem.level)}"><code>{html.escape(where)}</code> '
            f"<strong>{html.escape(problem.level)}</strong>: {html.escape(problem.message)}</li>"
        )
    body = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: {count} to fix</title>
<style>
body {{ font-family: Arial, Helvetica, sans-serif; font-size: 1.125rem; line-height: 1.5;
  color: #0b0c0c; background: #fff; margin: 0; }}
main {{ max-width: 50rem; margin: 0 auto; padding: 1.5rem; }}
h1 {{ border-left: 0.5rem solid #d4351c; padding-left: 1rem; }}
li {{ margin-bottom: 1rem; }}
code {{ font-family: Consolas, Menlo, monospace; background: #f3f2f1; padding: 0 0.25rem; }}
li.error strong {{ color: #d4351c; }}
</style>
</head>
<body>
<main>
<h1>The preview cannot be shown: {count} to fix</h1>
<p>noticegen could not make the preview from the files as they are. Each line below gives the
file, the line and the column (<code>file:line:column</code>), then what to do.</p>
<ol>
{chr(10).join(items)}
</ol>
<p>Open the file in your editor, go to that line, fix it and save. This page updates by itself:
the notice comes back as soon as the files are right.</p>
<p>docs/source-format.md explains every setting (section 12: when something is wrong).</p>
</main>
</body>
</html>
"""
    return inject(body.encode("utf-8"), version)


def missing_page(path: str, version: str) -> bytes:
    """A not-found page that still reloads, so it turns into the notice once that is built."""
    body = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found</title></head>
<body>
<main>
<h1>There is no page at {html.escape(path)}</h1>
<p><a href="/">See every notice</a>. A notice is at /notice-id/language/, such as /library/en/.</p>
</main>
</body>
</html>
"""
    return inject(body.encode("utf-8"), version)
