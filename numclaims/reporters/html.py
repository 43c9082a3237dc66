"""A self-contained HTML page: each document's text with its findings underlined, then the list.

No external resources (styles inline, no scripts), so the page can be attached to a CI run or
mailed. Every piece of user text is escaped. Overlapping findings are drawn by cutting the text at
every span boundary, so each piece knows all the findings that cover it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from html import escape

from ..models import SEVERITY_RANK, Finding, Report
from . import as_list, display_path

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}
pre.doc{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em}
.f{text-decoration:underline wavy;text-underline-offset:3px}
.error{text-decoration-color:#c00;background:#fee}
.warning{text-decoration-color:#c80;background:#ffd}
.info{text-decoration-color:#06c}
ol.findings li{margin-bottom:.6em} .ev{color:#555;margin-left:1.5em}
code{background:#f0f0f0;padding:0 .2em}
"""


def render(reports: Report | Sequence[Report]) -> str:
    items = as_list(reports)
    body = "\n".join(_report(i, r) for i, r in enumerate(items))
    total = sum(len(r.findings) for r in items)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>numclaims: {total} finding{'s' if total != 1 else ''}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<h1>numclaims report</h1>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _report(n: int, report: Report) -> str:
    path = display_path(report)
    out = [f"<section id=\"doc{n}\">", f"<h2>{escape(path)}</h2>"]
    if report.published:
        out.append(f"<p>Document date {report.published} "
                   f"(from {escape(report.published_from or 'unknown')}).</p>")
    if report.text is not None:
        out.append(f"<pre class=\"doc\">{_marked(n, report.text, report.findings)}</pre>")
    if report.findings:
        out.append("<ol class=\"findings\">")
        out.extend(_finding(n, i, f) for i, f in enumerate(report.findings))
        out.append("</ol>")
    else:
        out.append("<p>No findings.</p>")
    if report.unverified:
        out.append("<h3>Unverified claims</h3><ul>")
        out.extend(f"<li><q>{escape(u.text)}</q> [{escape(u.rule)}] {escape(u.reason)}</li>"
                   for u in report.unverified)
        out.append("</ul>")
    out.extend(f"<p class=\"note\">Note: {escape(note)}</p>" for note in report.notes)
    out.append("</section>")
    return "\n".join(out)


def _finding(n: int, i: int, f: Finding) -> str:
    parts = [(f"<li id=\"doc{n}-f{i}\" class=\"{f.severity}\"><b>{escape(f.code)} "
              f"[{escape(f.rule)}]</b> line {f.line}, column {f.column}: "
              f"<q>{escape(f.text)}</q> — {escape(f.message)}")]
    for e in f.evidence:
        src = f" ({escape(e.source)})" if e.source else ""
        parts.append(f"<div class=\"ev\">{escape(e.role)}: <q>{escape(e.text)}</q>{src}</div>")
    if f.suggestion:
        parts.append(f"<div class=\"ev\">suggestion: <code>{escape(f.suggestion)}</code></div>")
    return "".join(parts) + "</li>"


def _marked(n: int, text: str, findings: list[Finding]) -> str:
    """The text, escaped, with every finding's span wrapped in a titled, linked mark."""
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        start, end = max(0, f.start), min(len(text), f.end)
        if end > start:
            opens.setdefault(start, []).append(i)
            closes.setdefault(end, []).append(i)
    cuts = sorted({0, len(text), *opens, *closes})
    active: set[int] = set()
    out = []
    for a, b in itertools.pairwise(cuts):  # a sweep: each piece knows the findings covering it
        active.difference_update(closes.get(a, ()))
        active.update(opens.get(a, ()))
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        cover = sorted(active)
        worst = max(cover, key=lambda i: SEVERITY_RANK[findings[i].severity])
        title = escape(" | ".join(f"{findings[i].code}: {findings[i].message}" for i in cover))
        out.append(f"<a class=\"f {findings[worst].severity}\" href=\"#doc{n}-f{worst}\" "
                   f"title=\"{title}\">{piece}</a>")
    return "".join(out)
