"""An article written to attack the pages that show it: markup, event handlers, javascript: URLs
and quote-mark tricks in the title, outlet, URL, quotes, speaker names and removed boilerplate.
Anything that runs sets ``window.__pwned``."""

from __future__ import annotations

import json

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<a href="javascript:window.__pwned=3">read more</a>',
    '"><svg onload=window.__pwned=4>',
    "' onmouseover='window.__pwned=5' x='",
    "</textarea></title><script>window.__pwned=6</script>",
)

TEXT = """Minister Warns of <script>window.__pwned=1</script> Delays

Subscribe now! <img src=x onerror="window.__pwned=2"> Get our newsletter <a href="javascript:window.__pwned=3">here</a>.

The harbour minister Clara Voss said on Tuesday that "the <script>window.__pwned=1</script> works will finish in May", adding that the budget was safe.

"We will not accept \\"><svg onload=window.__pwned=4> any further delay," Voss told reporters at the port.

"Nobody ' onmouseover='window.__pwned=5' x=' believed it," said the union leader Marek Holm, who called the plan "a </textarea></title><script>window.__pwned=6</script> fantasy".

Residents said the noise had been unbearable for months.
"""

RECORD = {
    "id": "hostile-1",
    "text": TEXT,
    "title": "</title><script>window.__pwned=7</script> Harbour works",
    "outlet": '<b onmouseover="window.__pwned=8">Evil Outlet</b>',
    "url": "javascript:window.__pwned=9",
    "published": "2025-05-06",
}


def feed_line() -> str:
    return json.dumps(RECORD) + "\n"
