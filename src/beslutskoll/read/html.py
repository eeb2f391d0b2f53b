"""Saved web pages through selectolax: block elements become lines."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from beslutskoll.read.document import Document, Page
from beslutskoll.read.text import decode

_SKIP = ("script", "style", "noscript", "nav", "header > nav", "footer nav", "template", "svg", "form")
_BLOCKS = {
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "main",
    "header",
    "footer",
    "aside",
}


def read_html(path: Path, data: bytes) -> Document:
    tree = LexborHTMLParser(decode(data, path))
    for selector in _SKIP:
        for node in tree.css(selector):
            node.decompose()
    root = tree.body or tree.root
    lines: list[str] = []
    current: list[str] = []

    bullet = [False]  # a list item's bullet waits for the item's first line of text

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            if bullet[0]:
                text = "• " + text
                bullet[0] = False
            lines.append(text)
        current.clear()

    def walk(node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                current.append(child.text(deep=False) or "")
                continue
            if tag == "-comment":
                continue
            if tag == "li":
                flush()
                bullet[0] = True
                walk(child)
                flush()
                bullet[0] = False
            elif tag in ("td", "th"):
                current.append(" ")
                walk(child)
                current.append(" ")
            elif tag in _BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    if root is not None:
        walk(root)
    flush()
    return Document(path=path, format="html", pages=[Page(lines)])
