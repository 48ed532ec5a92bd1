"""What WeasyPrint may read while it lays out a printed edition, and nothing else.

WeasyPrint fetches the images and style sheets a document names. Its own fetcher reads
any file:// and http(s):// address, so the print builders give it a fetcher that serves only
files inside the job's template folders and notice_src/assets/ (and the site's logo), and
data: addresses the builder made itself. Everything else is refused before the disk or
the network is touched. Links in the text stay links: WeasyPrint never fetches a link.
"""

from __future__ import annotations

import base64
import functools
import mimetypes
import os
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname


class RefusedURL(ValueError):
    """WeasyPrint asked for something this build may not read."""


@dataclass(frozen=True)
class FetchPolicy:
    """What WeasyPrint may read: files inside `dirs`, the exact `files`, the exact `data` URLs."""

    dirs: tuple[str, ...]
    files: tuple[str, ...]
    data: tuple[str, ...]

    @classmethod
    def make(cls, dirs, files=(), data=()) -> FetchPolicy:
        return cls(
            tuple(os.path.realpath(d) for d in dirs),
            tuple(os.path.realpath(f) for f in files),
            tuple(data),
        )

    def resolve(self, url: str) -> tuple[bytes, str]:
        """The bytes and MIME type at `url`, or RefusedURL: nothing else is ever read."""
        if url.startswith("data:"):
            if url not in self.data:
                raise RefusedURL("refused a data: URL that this builder did not make")
            header, _, payload = url.partition(",")
            mime = header[len("data:") :].split(";")[0] or "text/plain"
            body = base64.b64decode(payload) if header.endswith(";base64") else unquote(payload).encode()
            return body, mime
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused {url!r}: only the templates and notice_src/assets/ may be read")
        path = url2pathname(unquote(parts.path))
        if not os.path.isabs(path):
            raise RefusedURL(f"refused {url!r}: not an absolute file path")
        # Decide on the path as written first, without touching the disk...
        if not self._allows(os.path.normpath(path)):
            raise RefusedURL(f"refused {url!r}: it is outside the templates and notice_src/assets/")
        # ...then again once symbolic links are followed, so a link cannot lead outside.
        real = os.path.realpath(path)
        if not self._allows(real) or not os.path.isfile(real):
            raise RefusedURL(f"refused {url!r}: not a file inside the templates or notice_src/assets/")
        with open(real, "rb") as handle:
            body = handle.read()
        return body, mimetypes.guess_type(real)[0] or "application/octet-stream"

    def _allows(self, path: str) -> bool:
        if path in self.files:
            return True
        return any(os.path.commonpath([folder, path]) == folder for folder in self.dirs)


def safe_fetcher(policy: FetchPolicy):
    """A WeasyPrint URL fetcher that serves only what `policy` allows and refuses the rest."""
    return _fetcher_class()(policy)


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeFetcher(URLFetcher):
        def __init__(self, policy: FetchPolicy) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.policy = policy

        def fetch(self, url, headers=None):
            body, mime = self.policy.resolve(url)
            return URLFetcherResponse(url, body, {"Content-Type": mime})

    return SafeFetcher
