"""``nlp.add_pipe("polemos")``: polemos as a component of a user's own spaCy pipeline.

    import spacy
    nlp = spacy.load("en_core_web_sm")                 # or spacy.blank("en"), "fr_core_news_md", …
    nlp.add_pipe("polemos", config={"published": "2016-05-23", "outlet": "RT"})
    doc = nlp(text)
    doc._.events     # the contract's event records (docs/contract.md), offsets into doc.text
    doc._.places     # every place the text names, resolved to GeoNames
    doc._.times      # every date and time expression, normalised
    doc._.polemos    # the whole contract record (polemos.article/1)

The factory is registered through spaCy's ``spacy_factories`` entry point (pyproject.toml), so
``add_pipe("polemos")`` works without importing polemos first.

polemos reads ``doc.text`` with its own pipeline (its model and rules), whatever comes before it in
yours, so the events are exactly those of ``polemos.extract`` on the same text; the annotations of
your pipeline are left as they are. A publication date and outlet per document go in
``doc.user_data["polemos"] = {"published": "…", "outlet": "…"}`` (they override the config). A text
polemos will not read (empty, in a language it does not read, too long) gets ``None`` in the three
attributes and the coded reason in ``doc._.polemos_error``; the other documents of a ``nlp.pipe`` run go on.
"""

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from polemos.errors import ReadError

ATTRIBUTES = ("events", "places", "times", "polemos", "polemos_error")
for _name in ATTRIBUTES:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class PolemosComponent:
    """Adds polemos's reading of ``doc.text`` to each Doc (see the module's docstring)."""

    def __init__(self, published: str | None = None, outlet: str | None = None, batch_size: int = 16):
        self.published = published
        self.outlet = outlet
        self.batch_size = batch_size

    def _article(self, doc: Doc) -> Any:
        from polemos.read import check_article, from_record

        given = doc.user_data.get("polemos") or {}
        record = {"id": None, "text": doc.text, "published": given.get("published", self.published),
                  "outlet": given.get("outlet", self.outlet)}  # fmt: skip
        return check_article(from_record(record, "<text>"))

    def _annotate(self, docs: list[Doc]) -> None:
        from polemos.contract.article import result_to_dict
        from polemos.pipeline import Pipeline

        readable: list[tuple[Doc, Any]] = []
        for doc in docs:
            try:
                readable.append((doc, self._article(doc)))
            except ReadError as e:
                doc._.polemos_error = str(e)
                doc._.events = doc._.places = doc._.times = doc._.polemos = None
        if not readable:
            return
        results = Pipeline(self.batch_size).process_batch([article for _, article in readable])
        for (doc, _), result in zip(readable, results, strict=True):
            record = result_to_dict(result)
            doc._.polemos = record
            doc._.events, doc._.places, doc._.times = record["events"], record["places"], record["times"]
            doc._.polemos_error = None

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            self._annotate(batch)
            yield from batch


@Language.factory(
    "polemos",
    default_config={"published": None, "outlet": None, "batch_size": 16},
    assigns=[f"doc._.{a}" for a in ATTRIBUTES],
)
def make_polemos(
    nlp: Language,
    name: str,
    published: str | None,  # spaCy checks the config against these annotations
    outlet: str | None,
    batch_size: int,
) -> PolemosComponent:
    """The ``polemos`` pipeline component (``nlp.add_pipe("polemos", config={...})``)."""
    from polemos.lang import codes, supported

    if nlp.lang not in codes():
        from polemos.errors import ConfigError, Errors

        detail = f"polemos reads {supported()}; this pipeline is {nlp.lang!r}"
        raise ConfigError(Errors.E203.format(name="nlp.add_pipe('polemos')", detail=detail))
    return PolemosComponent(published, outlet, batch_size)
