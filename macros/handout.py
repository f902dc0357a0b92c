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


# The guide's practice section: from its heading (id "practise" in every language) to the next h2.
_PRACTICE = re.compile(r'<h2 id="practise".*?(?=<h2 |\Z)', re.S)
# A question (its summary) or an answer (its body) in the order they come; an answer holds no
# <details> of its own, so its first </details> closes it.
_QUESTION_OR_ANSWER = re.compile(
    r'<details class="question"[^>]*>\s*<summary>(?P<question>.*?)</summary>'
    r'|<details class="success"[^>]*>\s*<summary>.*?</summary>(?P<answer>.*?)</details>', re.S)
_ID = re.compile(r'\sid="[^"]*"')


def answer_key(content: str, heading: str, guide: str = "") -> str:
    """A guide's practice answers collected into an answer key at the end of the page: shown in
    print only (web/kapu.css), while the answers inline, folded on screen, are left out of print
    and the questions leave room to write. `heading` is the key's heading in the page's language;
    `guide` (the guide's title and address) heads the key, which a trainer may hand out apart.
    A page with no practice answers is returned as it is."""
    section = _PRACTICE.search(content)
    if not section:
        return content
    entries, question = [], ""
    for match in _QUESTION_OR_ANSWER.finditer(section[0]):
        if match["question"] is not None:
            question = match["question"]
        else:  # an answer belongs to the question before it (inside it, or just after it)
            body = _ID.sub("", match["answer"].strip())  # ids stay unique on the page
            entries.append(f'<div class="kapu-answer-key__entry">\n<p class="kapu-answer-key__question">'
                           f'<strong>{question}</strong></p>\n{body}\n</div>')
    if not entries:
        return content
    marked = (section[0].replace('<details class="success"', '<details class="success kapu-practice-answer"')
              .replace('<details class="question"', '<details class="question kapu-practice-question"'))
    subtitle = f'<p class="kapu-answer-key__guide">{html.escape(guide)}</p>\n' if guide else ""
    key = (f'\n<section class="kapu-answer-key" aria-labelledby="answer-key" data-search-exclude>\n'
           f'<h2 id="answer-key" data-search-exclude>{html.escape(heading)}</h2>\n{subtitle}'
           + "\n".join(entries) + "\n</section>\n")
    return content[:section.start()] + marked + content[section.end():] + key
