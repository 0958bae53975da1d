"""A text not in English gets no verdict: the engine checks English, and 0% flagged there says nothing."""

from reader.core.language import looks_english
from reader.core.suggestion import NOT_ENGLISH, Analysis, spin_verdict, verdict_words
from reader.resources import resource_path

FOREIGN = {
    "es": "El presidente del Gobierno anunció el martes un nuevo plan para reducir el precio de la electricidad, "
          "después de que las facturas de los hogares subieran un 30 por ciento en el último año. La medida incluye "
          "una rebaja del impuesto sobre el valor añadido y ayudas directas para las familias con menos ingresos.",
    "fr": "Le président de la République a annoncé mardi un nouveau plan pour réduire le prix de l'électricité, après "
          "que les factures des ménages ont augmenté de 30 pour cent au cours de la dernière année. La mesure "
          "comprend une baisse de la taxe sur la valeur ajoutée et des aides directes pour les familles modestes.",
    "de": "Der Bundeskanzler hat am Dienstag einen neuen Plan vorgestellt, um die Strompreise zu senken, nachdem die "
          "Rechnungen der Haushalte im vergangenen Jahr um 30 Prozent gestiegen waren. Die Maßnahme umfasst eine "
          "Senkung der Mehrwertsteuer und direkte Hilfen für Familien mit geringem Einkommen.",
    "nl": "De minister-president heeft dinsdag een nieuw plan aangekondigd om de prijs van elektriciteit te verlagen, "
          "nadat de rekeningen van huishoudens het afgelopen jaar met 30 procent waren gestegen. De maatregel omvat "
          "een verlaging van de btw en directe steun voor gezinnen met een laag inkomen.",
}


def test_english_articles_read_as_english_and_others_do_not() -> None:
    sample = resource_path("sample", "sample_article.txt").read_text(encoding="utf-8")
    assert looks_english(sample)
    assert looks_english("Les Misérables opened in Paris.")  # too short to tell: no judgement
    for language, text in FOREIGN.items():
        assert not looks_english(text), language
    quoted = sample + " " + FOREIGN["es"]  # an English article quoting a Spanish paragraph stays English
    assert looks_english(quoted)


def test_a_text_not_in_english_gets_no_verdict() -> None:
    text = " ".join([FOREIGN["fr"]] * 4)
    analysis = Analysis(text, (), words=len(text.split()))
    assert analysis.verdict == "unclear" and analysis.verdict_words == NOT_ENGLISH
    assert spin_verdict(0.0, 400) == "honest" and spin_verdict(0.0, 400, english=False) == "unclear"
    assert verdict_words(0.0, 400, english=False) == NOT_ENGLISH
