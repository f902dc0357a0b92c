"""A printed page is a handout (issue 13): every link prints its full address, internal links
too, and each page carries the site's name, its own address and when it was last checked.

Applied to each page's HTML by the MkDocs hook (on_page_content); the print style
(web/kapu.css) writes `data-print-href` after the link and shows the print-only header.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import urljoin

from calculators.core.i18n import format_date, translate

# An <a> whose href is neither absolute, nor a fragment on the same page, nor mailto/tel.
_INTERNAL_LINK = re.compile(r'<a (?P<before>[^>]*?)href="(?P<href>(?![a-z][a-z0-9+.-]*:|#)[^"]*)"')


def absolute_links(content: str, page_url: str) -> str:
    """Give every internal link its full address (from `page_url`, itself absolute) to print."""
    def mark(match: re.Match) -> str:
        target = urljoin(page_url, html.unescape(match["href"]))
        return f'{match[0]} data-print-href="{html.escape(target)}"'
    return _INTERNAL_LINK.sub(mark, content)


def print_header(lang: str, site_name: str, page_url: str, checked: dt.date | None, label: str) -> str:
    """The block that heads a printed page: site name, page address, and `label` (a message id
    with %(date)s, marked in hooks/kapu.py) with the page's last-checked date."""
    parts = [html.escape(site_name), html.escape(page_url)]
    if isinstance(checked, dt.date):
        parts.append(html.escape(translate(lang, label, date=format_date(lang, checked))))
    # Paper only: hidden on screen and from screen readers (the browser shows the address), and left
    # out of the search index (Material's data-search-exclude), where it would open every result.
    return ('<div class="kapu-print-header" aria-hidden="true" data-search-exclude>'
            + " · ".join(parts) + "</div>\n")
