"""Stock words of French conflict news and its function words weigh as little as the English ones."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse import THRESHOLD, pair
from polemos.fuse.text import GENERIC_WEIGHT, word_weights


def _raw(text: str) -> dict[str, float]:
    """Weights before normalising: the heaviest word of ``text`` as a reference."""
    w = word_weights(text)
    top = max(w.values())
    return {k: v / top for k, v in w.items()}


def test_french_function_words_are_not_words() -> None:
    for text in [
        "Violent combat dans la Vakaga, plusieurs morts",
        "Une attaque sur un campement fait une dizaine de morts",
        "Deux soldats tués par des hommes armés selon la MINUSCA",
    ]:
        keys = set(word_weights(text))
        assert not keys & {"dan", "dans", "sur", "par", "selon", "pour", "avec"}, (text, keys)


def test_french_stock_words_weigh_little() -> None:
    for text, stock, name in [
        ("Vakaga : violent combat, plusieurs morts", "mort", "vakaga"),
        ("Bambari : attaque contre des civils", "attaque", "bambari"),
        ("Kaga-Bandoro : deux soldats tués", "tue", "kaga"),
        ("Ndele : affrontements entre groupes armés", "affrontement", "ndele"),
    ]:
        w = _raw(text)
        assert w[stock] <= GENERIC_WEIGHT * w[name] + 1e-9, (text, w)


def test_two_stories_sharing_french_stock_words_only_stay_apart() -> None:
    for first, second in [
        ("République centrafricaine, violent combat dans la Vakaga, plusieurs morts",
         "RCA : nouveau massacre, au moins 40 morts dans une attaque dans le Nord-ouest"),
        ("Attaque sanglante dans un campement, une dizaine de morts",
         "Un garde du chef rebelle tué dans un affrontement"),
    ]:  # fmt: skip
        a, b = reports(
            event("a", first, outlet="Corbeau News", published="2022-03-17"),
            event("b", second, outlet="CNC", published="2022-03-17"),
        )
        for r in (a, b):
            r.record["locations"].append(
                {"text": "RCA", "name": "Central African Republic", "geonameid": 239880, "lat": 7.0,
                 "lon": 21.0, "country": "CF", "admin1": None, "feature": "country"}
            )  # fmt: skip
        a, b = reports(a.record, b.record)
        p = pair(a, b)
        assert p.score < THRESHOLD, (first, second, p)


def test_a_name_both_french_stories_give_still_ties_them() -> None:
    a, b = reports(
        event("a", "Zawa : une attaque d'un campement des Peuls fait une dizaine de morts",
              outlet="Corbeau News", published="2022-04-11"),
        event("b", "Nouvelle attaque sanglante dans un campement des éleveurs peuls à Zawa",
              outlet="RJDH", published="2022-04-11"),
    )  # fmt: skip
    assert any(r.startswith("text") and "peul" in r for r in pair(a, b).reasons)
