"""Draw an article document into the two panes: published text with graded highlights, restored text with marks.

Each highlight is an anchor ("s:3" in the published pane, "r:3" in the restored one) so a click finds its
suggestion. Confidence is shown by underline style as well as colour, for colour-blind readers.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from reader.core.suggestion import Verdict
from reader.gui.document import ArticleDocument

UnderlineStyle = QTextCharFormat.UnderlineStyle


def style_for(confidence: float) -> tuple[UnderlineStyle, QColor]:
    """Solid for strong suspicion, wavy for likely, dotted for weak."""
    if confidence >= 0.8:
        return UnderlineStyle.SingleUnderline, QColor(200, 40, 40)
    if confidence >= 0.5:
        return UnderlineStyle.WaveUnderline, QColor(220, 120, 0)
    return UnderlineStyle.DotLine, QColor(120, 120, 120)


def _start(target: QTextDocument) -> QTextCursor:
    """An empty document whose paragraphs are spaced like an article's (new blocks inherit the format)."""
    target.clear()
    cursor = QTextCursor(target)
    block = QTextBlockFormat()
    block.setBottomMargin(10)
    block.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.setBlockFormat(block)
    return cursor


FURNITURE_TIP = "a web page's furniture (an advertisement break, a link, a byline, a credit): not checked"


def _furniture_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(140, 140, 140))
    fmt.setToolTip(FURNITURE_TIP)
    return fmt


def _insert_unmarked(cursor: QTextCursor, model: ArticleDocument, start: int, end: int, base: QTextCharFormat) -> None:
    """The published text from ``start`` to ``end``, its page furniture in grey (no suggestion is ever inside)."""
    grey = None
    for line_start, line_end in model.furniture:
        if line_end <= start or line_start >= end:
            continue
        grey = grey or _furniture_format()
        cursor.insertText(model.shown[start:line_start], base)
        cursor.insertText(model.shown[max(start, line_start) : min(end, line_end)], grey)
        start = min(end, line_end)
    cursor.insertText(model.shown[start:end], base)


def render_published(target: QTextDocument, model: ArticleDocument, current: int | None) -> None:
    cursor = _start(target)
    base = QTextCharFormat()
    position = 0
    for index, s in enumerate(model.suggestions):
        if s.start < position:
            continue
        _insert_unmarked(cursor, model, position, s.start, base)
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"s:{index}")
        style, colour = style_for(s.confidence)
        decision = model.decisions.get(index)
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(style)
        fmt.setUnderlineColor(colour)
        if decision is not None and decision.verdict is Verdict.REJECT:
            fmt.setUnderlineStyle(UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(128, 128, 128))
        else:
            tint = QColor(colour)
            tint.setAlpha(70 if model.is_applied(index) else 35)
            fmt.setBackground(tint)
        if index == current:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setToolTip(
            f"<b>{s.original} → {model.wording(index)}</b> ({s.confidence:.0%})<br>" + "<br>".join(s.reasons)
        )
        cursor.insertText(model.shown[s.start : s.end], fmt)
        position = s.end
    _insert_unmarked(cursor, model, position, len(model.shown), base)


def render_restored(target: QTextDocument, model: ArticleDocument, current: int | None) -> None:
    cursor = _start(target)
    base = QTextCharFormat()
    position = 0
    for index, s in enumerate(model.suggestions):
        if s.start < position or not model.is_applied(index) or model.text[s.start : s.end] != s.original:
            continue
        cursor.insertText(model.shown[position : s.start], base)
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"r:{index}")
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(30, 140, 70))
        tint = QColor(30, 140, 70)
        tint.setAlpha(45)
        fmt.setBackground(tint)
        if index == current:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setToolTip(f"was “{s.original}”")
        cursor.insertText(model.wording(index), fmt)
        position = s.end
    cursor.insertText(model.shown[position:], base)


def anchor_span(target: QTextDocument, href: str) -> tuple[int, int] | None:
    """(position, length) of the first fragment drawn with anchor ``href``, if any."""
    block = target.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                return fragment.position(), fragment.length()
            iterator += 1
        block = block.next()
    return None


def mark_current(target: QTextDocument, prefix: str, index: int, current: bool) -> tuple[int, int] | None:
    """Set or clear the bold of one drawn suggestion (anchor ``prefix:index``) in place: moving through the
    suggestions changes two marks, and drawing the whole article again took 100 ms a key on the seed. Returns the
    mark's (position, length), None if it is not drawn, so that the caller need not search for it again."""
    span = anchor_span(target, f"{prefix}:{index}")
    if span is None:
        return None
    weight = QTextCharFormat()
    weight.setFontWeight(QFont.Weight.Bold if current else QFont.Weight.Normal)
    cursor = QTextCursor(target)
    cursor.setPosition(span[0])
    cursor.setPosition(span[0] + span[1], QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(weight)
    return span
