"""Server-rendered SVG charts that read without colour: every series has its own marker shape
and line pattern and is labelled directly at its end; every bar has its own hatch and its
number written beside it. No script, no inline style (presentation attributes only), so the
strict Content-Security-Policy holds, and WeasyPrint prints them as they are.
"""

from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape  # nosec B406

from django.utils.formats import number_format

# Dark, distinct colours (contrast ≥ 4.5 on white) — a help, never the only cue.
COLOURS = ["#1b4f8a", "#b8420f", "#2d6a2d", "#6b3a8c", "#7a5a00", "#333333"]
DASHES = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2"]
MARKERS = ["circle", "square", "triangle", "diamond", "cross", "circle-open"]
HATCHES = ["solid", "diagonal", "dots", "cross", "horizontal", "vertical"]


@dataclass(frozen=True)
class LineSeries:
    label: str
    points: list[tuple[str, float | Decimal]]


def _num(value: float | Decimal, decimals: int | None = None) -> str:
    """A number as the reader's language writes it; whole numbers without decimals."""
    value = float(value)
    if decimals is None:
        decimals = 0 if value == int(value) else 1
    return number_format(round(value, decimals), decimal_pos=decimals, use_l10n=True)


def _attr(text: str) -> str:
    return escape(str(text), {'"': "&quot;"})


def _nice_max(top: float) -> float:
    if top <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(top))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        nice = step * magnitude
        if nice >= top:
            return float(nice)
    return float(10 * magnitude)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    r = 5
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'
    if shape == "circle-open":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="#fff" stroke="{colour}" stroke-width="2"/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{colour}"/>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y + r:.1f} {x - r - 1:.1f},{y + r:.1f}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    if shape == "diamond":
        pts = f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} {x - r - 1:.1f},{y:.1f}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    return (
        f'<path d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}'
        f'L{x + r:.1f},{y - r:.1f}" stroke="{colour}" stroke-width="2.5"/>'
    )


def line_chart(
    *, title: str, series: list[LineSeries], unit: str = "", width: int = 640, height: int = 300
) -> str:
    """A line chart over periods; each series ends in a direct label 'name value'."""
    periods = sorted({p for s in series for p, _v in s.points})
    values = [float(v) for s in series for _p, v in s.points]
    left, right, top, bottom = 48, 190, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    y_max = _nice_max(max(values, default=0.0) * 1.05)
    y_min = min(0.0, min(values, default=0.0))

    def x_of(period: str) -> float:
        if len(periods) == 1:
            return left + plot_w / 2
        return left + plot_w * periods.index(period) / (len(periods) - 1)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - (value - y_min) / ((y_max - y_min) or 1))

    desc = "; ".join(
        f"{s.label}: " + ", ".join(f"{p} {_num(v)}" for p, v in s.points) for s in series
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="svg-chart" '
        f'aria-label="{_attr(title)}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    for i in range(5):
        value = y_min + (y_max - y_min) * i / 4
        y = y_of(value)
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ccc"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">{_num(value)}</text>'
        )
    for p in periods:
        out.append(
            f'<text x="{x_of(p):.1f}" y="{height - bottom + 18}" text-anchor="middle" '
            f'fill="#333">{escape(p)}</text>'
        )
    if unit:
        out.append(f'<text x="4" y="{top - 6}" fill="#333">{escape(unit)}</text>')
    label_ys: list[float] = []
    for i, s in enumerate(series):
        colour, dash, shape = (
            COLOURS[i % len(COLOURS)],
            DASHES[i % len(DASHES)],
            MARKERS[i % len(MARKERS)],
        )
        coords = [(x_of(p), y_of(float(v))) for p, v in s.points]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"'
                f"{dash_attr}/>"
            )
        out += [_marker(shape, x, y, colour) for x, y in coords]
        if coords:
            x, y = coords[-1]
            # Keep direct labels apart when two series end close together.
            while any(abs(y - other) < 14 for other in label_ys):
                y += 14
            label_ys.append(y)
            out.append(
                _marker(shape, left + plot_w + 16, y, colour)
                + f'<text x="{left + plot_w + 26}" y="{y + 4:.1f}" fill="{colour}" '
                f'font-weight="bold">{escape(s.label)} {_num(s.points[-1][1])}</text>'
            )
    out.append(
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#333"/>'
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="#333"/></svg>'
    )
    return "".join(out)


def _hatch_defs() -> str:
    defs = ["<defs>"]
    for i, kind in enumerate(HATCHES):
        colour = COLOURS[i % len(COLOURS)]
        pid = f"hatch-{i}"
        if kind == "solid":
            body = f'<rect width="8" height="8" fill="{colour}"/>'
        elif kind == "diagonal":
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{colour}" stroke-width="2.5"/>'
        elif kind == "dots":
            body = f'<rect width="8" height="8" fill="#fff"/><circle cx="4" cy="4" r="2.2" fill="{colour}"/>'
        elif kind == "cross":
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M0,0 L8,8 M8,0 L0,8" stroke="{colour}" stroke-width="1.8"/>'
        elif kind == "horizontal":
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M0,4 H8" stroke="{colour}" stroke-width="3"/>'
        else:
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M4,0 V8" stroke="{colour}" stroke-width="3"/>'
        defs.append(
            f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="8" height="8">{body}</pattern>'
        )
    defs.append("</defs>")
    return "".join(defs)


def bar_chart(*, title: str, bars: list[tuple[str, float | int]], width: int = 640) -> str:
    """Horizontal bars, each with its own hatch, its label on the left and its number on the right."""
    row, left, right = 26, 200, 70
    height = 12 + row * max(len(bars), 1)
    top_value = max((float(v) for _l, v in bars), default=0.0) or 1.0
    plot_w = width - left - right
    desc = "; ".join(f"{label}: {_num(v)}" for label, v in bars)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="svg-chart" '
        f'aria-label="{_attr(title)}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
        _hatch_defs(),
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    for i, (label, value) in enumerate(bars):
        y = 6 + i * row
        w = plot_w * float(value) / top_value
        short = label if len(label) <= 30 else label[:29] + "…"
        out.append(
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" fill="#222">{escape(short)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{w:.1f}" height="{row - 8}" '
            f'fill="url(#hatch-{i % len(HATCHES)})" stroke="{COLOURS[i % len(COLOURS)]}"/>'
            f'<text x="{left + w + 6:.1f}" y="{y + 15}" fill="#222">{_num(value)}</text>'
        )
    out.append("</svg>")
    return "".join(out)
