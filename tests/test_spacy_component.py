"""polemos as a component of the user's own spaCy pipeline: registered through spaCy's entry points,
on a blank pipeline and on the shipped model, the same events as polemos.extract, offsets into the
Doc's text, per-document publication dates, texts it will not read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy

from polemos import extract
from polemos.errors import ConfigError
from polemos.nlp import MODEL

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent
KHARKIV = (REPO / "examples" / "report-2023-kharkiv.txt").read_text()
TEXTS = [
    KHARKIV,
    "Rebels seize town\nRebel fighters seized the town of Kidal on Sunday after two days of fighting, a "
    "local official said. At least 12 soldiers were killed.",
    "Thousands of people protested in Santiago on Friday against pension cuts, police said.",
]
SPANISH = (
    "Las fuerzas del gobierno dijeron el lunes que habían recuperado el control de la ciudad tras tres "
    "días de combates, y que los rebeldes que la ocupaban se retiraron a las colinas del norte. El "
    "ejército dijo que estaba limpiando de minas las carreteras y que los vecinos podrían volver en "
    "una semana. Según las autoridades locales, las escuelas de la ciudad seguirán cerradas hasta el "
    "final del mes, y los convoyes de ayuda humanitaria llegarán por la carretera del sur en cuanto "
    "se reparen los puentes."
)


@pytest.fixture(scope="module")
def blank() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("polemos", config={"published": "2023-11-07", "outlet": "Example Wire"})
    return nlp


@pytest.fixture(scope="module")
def model() -> Any:
    nlp = spacy.load(MODEL)  # the user's own English pipeline: the shipped en_core_web_sm
    nlp.add_pipe("polemos", config={"published": "2023-11-07"})
    return nlp


def test_entry_point_registers_the_factory_without_importing_polemos(tmp_path: Path) -> None:
    script = (
        "import json, sys, spacy\n"
        "assert 'polemos' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('polemos', config={'published': '2023-11-07', 'outlet': 'Example Wire'})\n"
        "doc = nlp(open(sys.argv[1]).read())\n"
        "print(json.dumps(doc._.events))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(REPO / "examples" / "report-2023-kharkiv.txt")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (
        json.loads(done.stdout) == extract(KHARKIV, published="2023-11-07", outlet="Example Wire")["events"]
    )


def test_factory_is_an_entry_point() -> None:
    from importlib.metadata import entry_points

    (ep,) = [e for e in entry_points(group="spacy_factories") if e.name == "polemos"]
    assert ep.value == "polemos.nlp.component:make_polemos"


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_blank_pipeline_gives_extracts_events(blank: Any, i: int) -> None:
    doc = blank(TEXTS[i])
    record = extract(TEXTS[i], published="2023-11-07", outlet="Example Wire")
    assert doc._.events == record["events"] and doc._.events
    assert doc._.places == record["places"] and doc._.times == record["times"]
    assert doc._.polemos == record and doc._.polemos_error is None


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_shipped_model_pipeline_gives_extracts_events(model: Any, i: int) -> None:
    doc = model(TEXTS[i])
    assert doc._.events == extract(TEXTS[i], published="2023-11-07")["events"]
    assert [p["name"] for p in doc._.places] == [
        p["name"] for p in extract(TEXTS[i], published="2023-11-07")["places"]
    ]


def test_offsets_index_the_docs_text(model: Any) -> None:
    doc = model(KHARKIV)
    for ev in doc._.events:
        for part in [ev["evidence"], ev["trigger"], *ev["locations"], ev["date"] and ev["date"].get("span")]:
            if part and part.get("start") is not None and "text" in part:
                assert doc.text[part["start"] : part["end"]] == part["text"]
        span = doc.char_span(ev["evidence"]["start"], ev["evidence"]["end"], alignment_mode="expand")
        assert span is not None and ev["evidence"]["text"] in span.text


def test_users_annotations_are_left_as_they_were(model: Any) -> None:
    plain = spacy.load(MODEL)
    assert [(e.text, e.label_) for e in model(KHARKIV).ents] == [
        (e.text, e.label_) for e in plain(KHARKIV).ents
    ]


def test_pipe_with_a_date_and_outlet_per_document(blank: Any) -> None:
    docs = [blank.make_doc(t) for t in TEXTS]
    given = [("2023-11-07", "Wire A"), ("2024-03-10", "Wire B"), ("2024-03-09", None)]
    for doc, (published, outlet) in zip(docs, given, strict=True):
        doc.user_data["polemos"] = {"published": published, "outlet": outlet}
    out = list(blank.pipe(docs, batch_size=2))
    for doc, text, (published, outlet) in zip(out, TEXTS, given, strict=True):
        assert doc._.events == extract(text, published=published, outlet=outlet)["events"]
    assert out[1]._.polemos["article"]["outlet"] == "Wire B"


@pytest.mark.parametrize(("text", "code"), [("", "E101"), ("   \n ", "E101"), (SPANISH, "E108")])
def test_text_polemos_will_not_read_gets_none_and_the_reason(blank: Any, text: str, code: str) -> None:
    docs = list(blank.pipe([TEXTS[2], text, TEXTS[2]]))
    assert docs[1]._.events is None and docs[1]._.places is None and docs[1]._.polemos is None
    assert docs[1]._.polemos_error.startswith(f"[{code}]")
    assert docs[0]._.events and docs[2]._.events == docs[0]._.events  # the others go on


def test_other_language_pipeline_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"E203.*polemos reads English \(en\), French \(fr\)"):
        spacy.blank("es").add_pipe("polemos")


def test_french_pipeline_is_accepted() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("polemos")
    assert "polemos" in nlp.pipe_names
