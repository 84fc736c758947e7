"""Hand-made SVG charts for the report page, and the escaping every part of the page uses.

Charts are drawn in Python, not in the browser: the page shows them without
running a script, prints them as they are, and the same data gives the same
bytes. Every mark carries a text label (a count, a share, a z-score) and a
``<title>`` for the pointer; colours come from colour-blind-safe palettes
(Okabe & Ito for speakers and polarity, Paul Tol's "muted" for topics) and
never carry meaning alone.
"""
from __future__ import annotations

import html
import re

#: Okabe & Ito's palette without black: one colour per leading speaker; the last is "other speakers".
SPEAKER_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
NARRATOR_COLOUR = "#D9D9D9"
SUPPORT = "#0072B2"
OPPOSE = "#D55E00"
#: Paul Tol's "muted" scheme; topics past the ninth share pale grey (and keep their number label).
TOPIC_COLOURS = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
                 "#AA4499", "#DDDDDD")

# C0 and C1 controls but tab and newline, and lone surrogates (no UTF-8 file can hold them).
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|[\ud800-\udfff]")
CHAR_W = 6.6  # average width of a character at the charts' 12 px, for laying out labels


def esc(s: object) -> str:
    """Text or an attribute value made inert in HTML and SVG: markup characters escaped,
    control characters dropped, lone surrogates replaced."""
    text = "" if s is None else str(s)
    text = _UNSAFE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)
    return html.escape(text, quote=True)


def clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "\u2026"


def speaker_colour(slot: int) -> str:
    return NARRATOR_COLOUR if slot < 0 else SPEAKER_COLOURS[min(slot, len(SPEAKER_COLOURS) - 1)]


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` 1 is the colour, 0 is white."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % tuple(round(255 - (255 - c) * amount) for c in (r, g, b))


def ink(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (relative luminance)."""
    r, g, b = ((int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000" if lum > 0.179 else "#fff"


def _n(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def _open(ident: str, width: float, height: float, title: str, desc: str, role: str = "img") -> list[str]:
    return [f'<svg class="chart" role="{role}" aria-labelledby="{ident}-t {ident}-d" width="{_n(width)}" '
            f'height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{ident}-t">{esc(title)}</title><desc id="{ident}-d">{esc(desc)}</desc>']


def hbars(ident: str, rows: list[dict], *, title: str, desc: str, width: int = 760, label_w: int = 250,
          value_w: int = 110) -> str:
    """Horizontal bars: each row ``{"label", "value", "text", "colour", "tip"}``, longest bar
    for the largest value; ``text`` is written after the bar, in ``value_w`` pixels."""
    bar_h, gap = 20, 6
    height = len(rows) * (bar_h + gap) + gap
    top = max((r["value"] for r in rows), default=0) or 1
    span = width - label_w - value_w
    out = _open(ident, width, height, title, desc)
    for i, r in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(1.0, span * r["value"] / top) if r["value"] > 0 else 0.0
        label = clip(r["label"], int((label_w - 10) / CHAR_W))
        out.append(f'<g><title>{esc(r.get("tip") or r["label"])}</title>'
                   f'<text x="{label_w - 8}" y="{_n(y + bar_h * 0.7)}" text-anchor="end">{esc(label)}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{_n(w)}" height="{bar_h}" fill="{r["colour"]}" stroke="#333" '
                   f'stroke-width="0.5"/>'
                   f'<text x="{_n(label_w + w + 6)}" y="{_n(y + bar_h * 0.7)}">{esc(r["text"])}</text></g>')
    out.append("</svg>")
    return "".join(out)


def cell_text(support: int, oppose: int) -> str:
    return f"+{support}/\u2212{oppose}" if support and oppose else f"+{support}" if support else f"\u2212{oppose}"


def cell_colour(support: int, oppose: int, most: int) -> str:
    """Blue for support, vermillion for oppose, the stronger the more acts; mixed cells take
    the side that has more, paler the closer the split."""
    total = support + oppose
    lean = (support - oppose) / total if total else 0.0
    base = SUPPORT if lean >= 0 else OPPOSE
    strength = (0.3 + 0.7 * (total / most) ** 0.5) * (0.35 + 0.65 * abs(lean))
    return tint(base, min(1.0, strength))


def heatmap(ident: str, data: dict, *, title: str, desc: str) -> str:
    """The stance map: rows (speakers) x columns (entities or targets); each cell a focusable
    button (``data-cell`` indexes the evidence) labelled with its counts."""
    rows, cols, cells = data["rows"], data["cols"], data["cells"]
    cw, ch, label_w = 46, 28, 230
    col_labels = [clip(c, 30) for c in cols]
    head = 14 + 0.72 * CHAR_W * max((len(c) for c in col_labels), default=0)
    width = label_w + cw * len(cols) + 0.72 * CHAR_W * len(col_labels[-1] if col_labels else "") + 10
    height = head + ch * len(rows) + 4
    most = max((s + o for _, _, s, o, _ in cells), default=1) or 1
    # a group, not an image: its cells are buttons that assistive technology must reach
    out = _open(ident, width, height, title, desc, role="group")
    for j, c in enumerate(col_labels):
        x = label_w + cw * j + cw / 2
        out.append(f'<text x="{_n(x)}" y="{_n(head - 6)}" transform="rotate(-45 {_n(x)} {_n(head - 6)})">'
                   f'<title>{esc(cols[j])}</title>{esc(c)}</text>')
    for i, r in enumerate(rows):
        y = head + ch * i
        out.append(f'<text x="{label_w - 8}" y="{_n(y + ch * 0.65)}" text-anchor="end"><title>{esc(r)}</title>'
                   f'{esc(clip(r, int((label_w - 10) / CHAR_W)))}</text>'
                   f'<rect x="{label_w}" y="{_n(y)}" width="{cw * len(cols)}" height="{ch}" fill="none" '
                   f'stroke="#ddd" stroke-width="0.5"/>')
    for i, j, s, o, ev in cells:
        x, y = label_w + cw * j, head + ch * i
        fill = cell_colour(s, o, most)
        label = f"{rows[i]} on {cols[j]}: {s} support, {o} oppose"
        out.append(f'<g class="cell" tabindex="0" role="button" data-cell="{ev}" aria-label="{esc(label)}">'
                   f'<title>{esc(label)}</title>'
                   f'<rect x="{x + 1}" y="{_n(y + 1)}" width="{cw - 2}" height="{ch - 2}" rx="3" fill="{fill}" '
                   f'stroke="#333" stroke-width="0.5"/>'
                   f'<text x="{_n(x + cw / 2)}" y="{_n(y + ch * 0.65)}" text-anchor="middle" fill="{ink(fill)}">'
                   f'{cell_text(s, o)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def stacked(ident: str, mix: list[dict], topics: list[dict], *, title: str, desc: str,
            width: int = 760, label_w: int = 250) -> str:
    """Each speaker's topic mix as one bar of 100 %, a segment per topic, numbered."""
    bar_h, gap = 22, 6
    span = width - label_w - 10
    height = len(mix) * (bar_h + gap) + gap
    out = _open(ident, width, height, title, desc)
    for i, m in enumerate(mix):
        y = gap + i * (bar_h + gap)
        total = sum(m["shares"]) or 1.0
        out.append(f'<text x="{label_w - 8}" y="{_n(y + bar_h * 0.7)}" text-anchor="end"><title>{esc(m["speaker"])}'
                   f'</title>{esc(clip(m["speaker"], int((label_w - 10) / CHAR_W)))}</text>')
        x = float(label_w)
        for t, share in zip(topics, m["shares"]):
            w = span * share / total
            if w <= 0:
                continue
            colour = TOPIC_COLOURS[min(t["topic"] - 1, len(TOPIC_COLOURS) - 1)]
            tip = f"{m['speaker']}: topic {t['topic']} ({t['label']}) {share:.0%}"
            label = f"T{t['topic']}" if w >= 34 else ""
            out.append(f'<g><title>{esc(tip)}</title><rect x="{_n(x)}" y="{y}" width="{_n(w)}" height="{bar_h}" '
                       f'fill="{colour}" stroke="#fff" stroke-width="1"/>'
                       + (f'<text x="{_n(x + w / 2)}" y="{_n(y + bar_h * 0.7)}" text-anchor="middle" '
                          f'fill="{ink(colour)}">{label}</text>' if label else "") + "</g>")
            x += w
    out.append("</svg>")
    return "".join(out)


def topic_swatch(topic: int) -> str:
    colour = TOPIC_COLOURS[min(topic - 1, len(TOPIC_COLOURS) - 1)]
    return (f'<svg class="swatch" width="30" height="18" viewBox="0 0 30 18" aria-hidden="true">'
            f'<rect width="30" height="18" rx="3" fill="{colour}"/><text x="15" y="13" text-anchor="middle" '
            f'fill="{ink(colour)}">T{topic}</text></svg>')


def keyword_bars(ident: str, group: dict, colour: str, *, most: float, width: int = 360) -> str:
    """One speaker's distinctive terms as bars of their z-score, all groups on one scale."""
    label_w, bar_h, gap, value_w = 150, 16, 4, 44
    rows = group["terms"]
    height = len(rows) * (bar_h + gap) + gap
    span = width - label_w - value_w
    out = _open(ident, width, height, f"Distinctive terms of {group['speaker']}",
                "Bars give each term's z-score (weighted log-odds against all other speakers).")
    for i, t in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(1.0, span * t["value"] / most) if t["value"] > 0 else 0.0
        tip = f"{t['term']}: z {t['value']:.2f}, {t['count']} here, {t['rest']} elsewhere"
        out.append(f'<g><title>{esc(tip)}</title>'
                   f'<text x="{label_w - 6}" y="{_n(y + bar_h * 0.75)}" text-anchor="end">'
                   f'{esc(clip(t["term"], int((label_w - 8) / CHAR_W)))}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{_n(w)}" height="{bar_h}" fill="{colour}" stroke="#333" '
                   f'stroke-width="0.5"/><text x="{_n(label_w + w + 4)}" y="{_n(y + bar_h * 0.75)}">'
                   f'{t["value"]:.2f}</text></g>')
    out.append("</svg>")
    return "".join(out)
