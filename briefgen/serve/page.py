"""The preview page: the last good brief, a live-reload script, and an overlay naming the error of a
failed rebuild, under a content policy that lets only the preview's own scripts run."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.serve.preview import BuildState

RELOAD_SCRIPT = """<script>
(function () {
  var version = %(version)d;
  var events = new EventSource("/events");
  events.onmessage = function (e) { if (Number(e.data) !== version) { location.reload(); } };
})();
</script>"""

OVERLAY = """<div id="briefgen-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;
background:rgba(20,20,20,.82);color:#fff;font:14px/1.5 monospace;padding:8vh 8vw;white-space:pre-wrap">
<strong style="color:#ff8a80">briefgen: the brief could not be rebuilt</strong>

<span class="briefgen-error-message">%(message)s</span>

The page below is the last brief that built. Fix the file and save: this page reloads by itself.</div>
<script>document.title = %(title)s;</script>"""


_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def preview_policy(page_scripts: str) -> str:
    """The preview's content policy (a <meta>): the brief's, plus the inline scripts in `page_scripts`
    (by hash) and connections to this server."""
    digests = (base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
               for body in _SCRIPT.findall(page_scripts))
    scripts = " ".join(f"'sha256-{digest}'" for digest in digests) or "'none'"
    return ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
            f"font-src data:; style-src 'unsafe-inline'; script-src {scripts}; connect-src 'self'; "
            "base-uri 'none'; form-action 'none'\">")


def preview_page(state: BuildState) -> str:
    """The page served at /: the last good brief with the reload script (and the error overlay)."""
    body = state.html or "<!DOCTYPE html><html><head><title>briefgen</title></head><body></body></html>"
    extra = RELOAD_SCRIPT % {"version": state.version}
    if state.error:
        extra += OVERLAY % {"message": html.escape(state.error),
                            "title": json.dumps("briefgen error: " + state.error[:200]).replace("<", "\\u003c")}
    # The brief's policy would block the preview's own scripts: it gives way to one that allows
    # exactly those (by hash) and the /events connection, and nothing more.
    from briefgen.render import CONTENT_POLICY, with_content_policy

    body = with_content_policy(body.replace(CONTENT_POLICY, ""), preview_policy(extra))
    index = body.rfind("</body>")
    return body[:index] + extra + body[index:] if index >= 0 else body + extra
