"""The article text of a Doc, built once: ``Doc.text`` joins every token again on each call."""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get("polemos_text")
    if text is None:
        text = doc.user_data["polemos_text"] = doc.text
    return text
