"""Evidence cut into marked pieces: offsets are the article's, marks overlap, clip, or fall outside."""

from __future__ import annotations

from polemos.web.highlight import event_marks, segments

TEXT = "Rebels shelled Homs on Monday, killing 12 people."


def test_web_highlight_pieces_rebuild_the_text() -> None:
    marks = [(15, 19, "place"), (20, 29, "date"), (39, 48, "count")]
    pieces = segments(TEXT, 0, marks)
    assert "".join(p for p, _ in pieces) == TEXT
    assert [(p, k) for p, k in pieces if k] == [
        ("Homs", "place"),
        ("on Monday", "date"),
        ("12 people", "count"),
    ]


def test_web_highlight_offsets_are_the_articles() -> None:
    pieces = segments(TEXT, 100, [(115, 119, "place")])
    assert ("Homs", "place") in pieces


def test_web_highlight_overlapping_marks_both_apply() -> None:
    pieces = dict((p, k) for p, k in segments(TEXT, 0, [(0, 19, "actor"), (15, 19, "place")]))
    assert pieces["Homs"] == "actor place" and pieces["Rebels shelled "] == "actor"


def test_web_highlight_marks_outside_are_clipped_or_dropped() -> None:
    pieces = segments(TEXT, 10, [(0, 14, "actor"), (500, 510, "count"), (None, None, "date")])  # type: ignore[list-item]
    assert pieces[0] == ("Rebe", "actor") and all(k != "count" for _, k in pieces)


def test_web_highlight_event_marks_read_every_span() -> None:
    ev = {
        "actor": {"start": 0, "end": 6}, "target": None, "locations": [{"start": 15, "end": 19}],
        "date": {"span": {"start": 20, "end": 29}},
        "counts": {"killed": {"start": 39, "end": 48}, "size": None},
        "claims": [{"claimant": None}], "trigger": {"start": 7, "end": 14},
    }  # fmt: skip
    kinds = sorted(k for _, _, k in event_marks(ev))
    assert kinds == ["actor", "count", "date", "place", "trigger"]
