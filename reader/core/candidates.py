"""Candidate original wordings for a span of observed words.

WordNet neighbourhood of the observed word in all its senses (the spinner's thesaurus is sense-blind),
re-inflected to the observed form, plus curated phrase patterns and spelled-out small numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reader.core.context_model import SPOKEN_ONES
from reader.core.dialect import american_wording
from reader.core.morphology import Morphology, detachments, head_word, inflected_at, with_participles
from reader.core.patterns import PatternBook
from reader.core.usage import UsageNeighbours
from reader.core.wordnet_index import WordNetIndex

if TYPE_CHECKING:
    from reader.core.candidate_store import CandidateStore


@dataclass(frozen=True, slots=True)
class Candidate:
    wording: str  # lower case, space-separated words
    relation: str  # key into RELATIONS
    detail: str  # a short phrase for the reasons shown to the reader
    observed_sense: int = 0  # cntlist count of the observed word in the sense that links it to the candidate
    candidate_sense: int = 0  # cntlist count of the candidate in its linking sense
    observed_rank: int = 0  # 0 when the link is through the observed word's most frequent sense
    candidate_rank: int = 0  # 0 when the link is through the candidate's most frequent sense
    governed: bool = False  # the candidate also changes the preposition after the word
    parts_of_speech: str = ""  # the WordNet parts of speech ("nv") of the readings that link it; "" for patterns


# A noun whose regular plural is at most this much rarer (nats of unigram probability) than its bare form is
# countable: "remarks" beside "remark", not "advices" beside "advice" (about twenty times rarer).
COUNTABLE_MARGIN = 3.0

RELATION_NAMES = ("synonym", "similar", "hypernym", "hyponym", "sibling")
RELATION_ORDER = {name: number for number, name in enumerate(RELATION_NAMES)}
# A compound WordNet lists is a kind of its own head ("polling place" is a "place"), so the head is always among its
# hypernyms, and the context model favours any shorter stretch; offering it would undo the writer's modifier. Such
# head-only changes were right 38 times in 112 over the spun sets (benchmarks/README.md, session 40).
_HYPERNYM = RELATION_ORDER["hypernym"]


class Link(NamedTuple):
    relation: int  # index into RELATION_NAMES
    observed_count: int
    candidate_count: int
    observed_rank: int
    candidate_rank: int

    def candidate(self, wording: str, detail: str, pos: str) -> Candidate:
        return Candidate(
            wording, RELATION_NAMES[self.relation], detail, self.observed_count, self.candidate_count,
            self.observed_rank, self.candidate_rank, parts_of_speech=pos,
        )

    @classmethod
    def of(cls, candidate: Candidate) -> Link:
        """The WordNet link a candidate was made from (``candidate``'s inverse; WordNet relations only)."""
        return cls(
            RELATION_ORDER[candidate.relation], candidate.observed_sense, candidate.candidate_sense,
            candidate.observed_rank, candidate.candidate_rank,
        )


LinkStrength = Callable[[int, int, int, int, int], float]  # relation, observed/candidate count, observed/candidate rank


# The static score's coefficients that choose a wording's link: the only weights the candidate lists depend on.
LINK_COEFFICIENTS = (
    *(f"relation:{name}" for name in RELATION_NAMES), "observed_sense", "candidate_sense", "observed_rank",
    "candidate_rank",
)


def link_strength(coefficients: Mapping[str, float]) -> LinkStrength:
    """How much a WordNet link speaks for its candidate: the terms of the static score (``option.static_features``)
    that depend on the link, its relation and the counts and ranks of the senses it joins (``LINK_COEFFICIENTS``)."""
    *relation, observed_sense, candidate_sense, observed_rank, candidate_rank = (
        coefficients.get(name, 0.0) for name in LINK_COEFFICIENTS
    )
    log1p = math.log1p

    def strength(order: int, own_count: int, count: int, own_rank: int, rank: int) -> float:
        return (
            relation[order] + observed_sense * log1p(own_count) + candidate_sense * log1p(count)
            + observed_rank * log1p(own_rank) + candidate_rank * log1p(rank)
        )

    return strength


# How a candidate relates to the observed wording; spinners mostly swap synonyms.
RELATIONS = {
    "synonym": "a WordNet synonym",
    "similar": "a WordNet similar-to / see-also",
    "hypernym": "a more general term in WordNet",
    "hyponym": "a more specific term in WordNet",
    "sibling": "a close WordNet relative (same parent)",
    "pattern": "a known spinner rewording",
    "rewrite": "a wording that phrase-level rewriters replace with this one",
    "tortured": "a known tortured phrase",
    "number": "a number spelled out",
    "usage": "a word English uses in the same places",
}

UPOS_TO_WN = {"NOUN": "n", "PROPN": "n", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "r"}
BASE_TAG = {"n": "NN", "v": "VB", "a": "JJ", "r": "RB"}
SUPERLATIVES = ("JJS", "RBS")  # also offered plain: comparatives were not (softer -> mild flagged honest text)
PERIPHRASTIC = {"JJR": "more", "JJS": "most", "RBR": "more", "RBS": "most"}  # degree words for lemmas without -er/-est
IRREGULAR_EXTRA = {("person", "NNS"): "people"}
NUMBER_WORDS = SPOKEN_ONES[:10]  # news spells out a count under ten
MAX_SIBLING_FAMILY = 12  # a parent with more children is too broad for its children to be synonyms
USAGE_NEIGHBOURS = 12  # nearest usage neighbours offered per word (beyond WordNet's)
MAX_HYPONYMS = 12  # per sense: long lists (kinds of division) are specialist terms, rarely originals
# Closed word classes, as the engine needs them apart.
AUXILIARY_LEMMAS = frozenset("be have do will would shall should may might must can could".split())
AUXILIARY_FORMS = frozenset("is am are was were been being has had does did".split())
DETERMINERS = frozenset(
    "a an the this these those that all any each every both either neither no some such own same other another "
    "more most much many few less least one ones".split()
)
PRONOUNS = frozenset(
    "i me my mine we us our you your he him his she her it its they them their who whom whose which what".split()
)
PARTICLES = frozenset(
    "and or but if as at by for from in into of off on onto out over per than to up upon with within without "
    "about above after against along among around before behind below beneath beside between beyond down during "
    "except inside near since through throughout till toward towards under until unto via when where why how not "
    "nor so too very just also only then there here".split()
)
# Function words that WordNet happens to list as rare nouns or verbs ("as" the element, "can" the container):
# their WordNet neighbours are noise; curated patterns cover them.
CLOSED_CLASS = AUXILIARY_LEMMAS | AUXILIARY_FORMS | DETERMINERS | PRONOUNS | PARTICLES
# Auxiliaries, determiners and pronouns are no WordNet neighbour's original: WordNet puts "be" above "remain" and
# "represent", "have" above "hold", and lists "some", "one" and "all" as rare adjectives and nouns, but no thesaurus
# offers a content word for them, and the context model likes them anywhere (benchmarks/README.md, "Auxiliaries,
# determiners and pronouns are no originals"). "Own" is an adjective too ("own goal").
FUNCTION_LEMMAS = AUXILIARY_LEMMAS | (DETERMINERS - {"own"}) | PRONOUNS


def _takes_dictionary_form(pos: str, tag: str) -> bool:
    """Whether a lemma of ``pos`` is put into ``tag`` by changing its head word to a dictionary form (not the base
    form itself, nor a comparative or superlative, which ``_compared`` makes)."""
    return tag != BASE_TAG[pos] and tag not in PERIPHRASTIC


def one_spelling_each(found: dict[str, Candidate], observed: str) -> tuple[Candidate, ...]:
    """One candidate per word however many spellings WordNet lists ("color", "colour"): two spellings would count
    the same evidence twice. The first found keeps its link; the American spelling, when listed, is the wording.
    The observed wording itself, in any spelling, is no candidate ("favored" for "favoured")."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in found.values():
        groups.setdefault(american_wording(candidate.wording), []).append(candidate)
    groups.pop(american_wording(observed), None)
    out = []
    for key, group in groups.items():
        first = group[0]
        if len(group) > 1 and first.wording != key and any(c.wording == key for c in group):
            first = replace(first, wording=key)
        out.append(first)
    return tuple(out)


class CandidateFinder:
    def __init__(
        self, wordnet: WordNetIndex, patterns: PatternBook, usage: UsageNeighbours, coefficients: Mapping[str, float],
        store: CandidateStore | None = None, frequency: Callable[[str], float] | None = None,
    ) -> None:
        self.wordnet = wordnet
        # ln P(word) in English usage, to tell a countable noun's singular from a plural ("remark" vs "advice").
        self.frequency = frequency
        # The static score's coefficients choose each candidate's link; the stored lists are keyed by them.
        self.coefficients = coefficients
        self.link_strength = link_strength(coefficients)
        self.store = store  # common forms' lists, derived once (``reader.core.candidate_store``)
        self.patterns = patterns
        self.usage = usage
        self.morphology = Morphology(wordnet.query)  # its tables are built with the index
        self._inflect = lru_cache(maxsize=50_000)(self._inflect_uncached)
        # Small caches: the engine keeps its own trimmed, ranked lists per phrase; these full lists are large.
        self.word_candidates = lru_cache(maxsize=256)(self._word_candidates)
        self.phrase_candidates = lru_cache(maxsize=256)(self._phrase_candidates)
        self.is_measure = lru_cache(maxsize=2_000)(self._is_measure)

    def fresh(self, store: CandidateStore | None = None) -> CandidateFinder:
        """A finder deriving the same lists, with empty caches and an index connection of its own (a store's build
        drops it afterwards, caches and all)."""
        return CandidateFinder(
            WordNetIndex(self.wordnet.path), self.patterns, self.usage, self.coefficients, store, self.frequency
        )

    @cached_property
    def _units(self) -> frozenset[int]:
        """WordNet's senses of "unit of measurement", looked up once."""
        return frozenset(self.wordnet.synsets_of("unit of measurement", "n"))

    def _is_measure(self, noun: str) -> bool:
        """Whether a sense of a noun is a unit of measurement (miles, feet, dollars), which news counts in figures."""
        units = self._units
        seen: set[int] = set()
        todo = list(self.wordnet.synsets_of(noun, "n"))
        while todo:
            sid = todo.pop()
            if sid in units:
                return True
            if sid not in seen:
                seen.add(sid)
                todo.extend(self.wordnet.synset(sid).hypernyms)
        return False

    # -- analysis of the observed form -------------------------------------------------------------------
    def analyses(self, form: str) -> list[tuple[str, str, str]]:
        """(lemma, WordNet pos, Penn tag) readings of a lower-case form; multiword forms inflect their head."""
        words = form.split()
        readings: set[tuple[str, str, str]] = set()
        for pos in ("n", "v", "a", "r"):
            if self.wordnet.synsets_of(form, pos):
                readings.add((form, pos, BASE_TAG[pos]))
        head_choices = [(0, "v"), (len(words) - 1, "n")] if len(words) > 1 else [(0, None)]
        for head_index, only_pos in head_choices:
            head = words[head_index]
            for upos, lemmas in self.morphology.lemmas(head).items():
                wn_pos = UPOS_TO_WN.get(upos)
                if wn_pos is None or (only_pos and wn_pos != only_pos):
                    continue
                pos = wn_pos
                for lemma in lemmas:
                    full = " ".join(words[:head_index] + [lemma] + words[head_index + 1 :])
                    if not self.wordnet.synsets_of(full, pos):
                        continue
                    # Both readings of "pushed", so "driven" is offered as well as "drove".
                    forms = with_participles(self.morphology.inflections_as(lemma, upos))
                    tags = [
                        tag
                        for tag, options in forms.items()
                        if head in options and not self._singular_only(head, tag, forms)
                    ] or [BASE_TAG[pos]]
                    readings.update((full, pos, tag) for tag in tags)
            if not readings and not self.morphology.lemmas(head):
                # A form lemminflect does not know ("websites"): WordNet's own rules, where WordNet has the lemma.
                for lemma, pos, tag in detachments(head):
                    if only_pos in (None, pos):
                        full = " ".join(words[:head_index] + [lemma] + words[head_index + 1 :])
                        # The rule must be the way back from the lemma: "employes" is not a form of "employ".
                        if self.wordnet.synsets_of(full, pos) and head in self.morphology.inflect(lemma, tag):
                            readings.add((full, pos, tag))
        return sorted(readings)

    def _inflect_uncached(self, lemma: str, pos: str, tag: str) -> str | None:
        """``lemma`` in the form ``tag``; phrasal verbs inflect their first word, nouns their last."""
        if not _takes_dictionary_form(pos, tag):
            return lemma if tag == BASE_TAG[pos] else self._compared(lemma, tag)
        words = lemma.split()
        head_index = inflected_at(words, pos)
        head = words[head_index]
        if tag == "NNS" and "of" not in words and self._plural_already(head):
            return lemma  # WordNet's "talks" (negotiation) is no "talkses"; "system of rules" is singular
        forms = self.morphology.inflect(head, tag)
        form = IRREGULAR_EXTRA.get((head, tag)) or (forms[0] if forms else None)
        if not form:
            return None
        words[head_index] = form
        return " ".join(words)

    def _singular_only(self, head: str, tag: str, forms: Mapping[str, tuple[str, ...]]) -> bool:
        """Whether ``head``, listed among its own plurals, is a countable noun's singular all the same.

        lemminflect lists a noun's bare form as a plural too ("remark" beside "remarks"), as some nouns are
        uncountable; but where English uses another plural about as often ("remarks"), the bare form is a singular,
        and reading it as a plural offered plural originals for it ("public comments" for "public remark").
        """
        if tag != "NNS" or self.frequency is None or head not in forms.get("NN", ()):
            return False
        floor = self.frequency(head) - COUNTABLE_MARGIN
        return any(plural != head and self.frequency(plural) > floor for plural in forms["NNS"])

    def _plural_already(self, word: str) -> bool:
        """Whether a WordNet noun lemma is itself the plural of another noun ("talks", "arms", "lots")."""
        return any(
            lemma != word and word in self.morphology.inflections(lemma).get("NNS", ())
            for lemma in self.morphology.lemmas(word).get("NOUN", ())
        )

    def _compared(self, lemma: str, tag: str) -> str | None:
        """An adjective or adverb in the comparative or superlative: its own -er/-est form where the dictionary
        lists one (higher, best), else "more"/"most" before it (more important, most recent). lemminflect's rules
        would write "importanter" and "recentest", which the context model does not know, so the right candidate
        was lost. A multiword lemma ("of import") or one that is itself a degree ("higher") gets none."""
        if " " in lemma or any(lemma not in lemmas for lemmas in self.morphology.lemmas(lemma).values()):
            return None  # no degree for "of import", nor "most higher"
        listed = self.morphology.inflections(lemma).get(tag)
        if listed:
            return listed[0]
        return f"{PERIPHRASTIC[tag]} {lemma}"

    # -- WordNet neighbourhood ---------------------------------------------------------------------------
    def _neighbours(self, lemma: str, pos: str, siblings: bool = True) -> dict[str, Link]:
        """Lemmas related to ``lemma`` in any sense, each with its strongest link.

        Sense counts (cntlist) and sense ranks say how common the linking senses are: a thesaurus lists a word's
        common senses first, so a link through a rare sense of the candidate is weaker evidence, while a spun
        word is often used in a rare sense of its own (officers for officials). Of a lemma's links, the one the
        static score rates highest stands for it: "home" is a synonym of "house" only in baseball's rare sense and
        its hypernym ("dwelling") in the common one, which makes it the likelier original.
        """
        # Per lemma, its strongest link's sort key and fields; Links are made once at the end (this runs for every
        # lemma of every neighbouring synset).
        found: dict[str, tuple[tuple[float, int, int, int], tuple[int, int, int, int, int]]] = {}
        synset_of = self.wordnet.synset
        synsets_of = self.wordnet.synsets_of
        strength = self.link_strength

        def add(synset_id: int, relation: str, own_count: int, own_rank: int) -> None:
            target = synset_of(synset_id)
            order = RELATION_ORDER[relation]
            for name, count, rank in zip(target.lemmas, target.counts, target.ranks, strict=True):
                if name == lemma or name in FUNCTION_LEMMAS:
                    continue
                key = (
                    -strength(order, own_count, count, own_rank, rank), order, own_rank + rank, -(own_count + count)
                )
                previous = found.get(name)
                if previous is None or key < previous[0]:
                    found[name] = (key, (order, own_count, count, own_rank, rank))

        # Read the neighbourhood from the index a level at a time (one query per level, not one per synset).
        senses = synsets_of(lemma, pos)
        self.wordnet.prefetch(senses)
        own_synsets = [synset_of(sid) for sid in senses]
        self.wordnet.prefetch(
            other
            for synset in own_synsets
            for other in (*synset.similar, *synset.hypernyms, *synset.hyponyms[:MAX_HYPONYMS])
        )
        # A parent with more children is too broad for its children to be synonyms.
        families = {
            parent: family
            for synset in own_synsets
            for parent in synset.hypernyms
            if siblings and len(family := synset_of(parent).hyponyms) <= MAX_SIBLING_FAMILY
        }
        self.wordnet.prefetch(sibling for family in families.values() for sibling in family)

        for own_rank, (sid, synset) in enumerate(zip(senses, own_synsets, strict=True)):
            own = synset.counts[synset.lemmas.index(lemma)] if lemma in synset.lemmas else 0
            add(sid, "synonym", own, own_rank)
            for other in synset.similar:
                add(other, "similar", own, own_rank)
            for other in synset.hypernyms:
                add(other, "hypernym", own, own_rank)
                for sibling in families.get(other, ()):
                    if sibling != sid:
                        add(sibling, "sibling", own, own_rank)
            for other in synset.hyponyms[:MAX_HYPONYMS]:
                add(other, "hyponym", own, own_rank)
        return {name: Link(*fields) for name, (_, fields) in found.items()}

    def _add_reading(self, out: dict[str, Candidate], wording: str, pos: str, link: Link, detail: str) -> None:
        """A wording reached again through another reading (part of speech) adds the reading's part of speech, and
        keeps the stronger of the two links."""
        known = out[wording]
        if known.relation not in RELATION_ORDER:
            return
        parts = known.parts_of_speech if pos in known.parts_of_speech else known.parts_of_speech + pos
        strength = self.link_strength
        if strength(*link) > strength(*Link.of(known)):
            out[wording] = link.candidate(wording, detail, parts)
        elif parts != known.parts_of_speech:
            out[wording] = replace(known, parts_of_speech=parts)

    def _neighbours_in(self, lemma: str, pos: str, tag: str, siblings: bool = True) -> dict[str, Link]:
        """``_neighbours``, with the inflection tables of their head words read at once when ``_inflect`` will
        look them up."""
        neighbours = self._neighbours(lemma, pos, siblings)
        if _takes_dictionary_form(pos, tag):
            self.morphology.prefetch(head_word(neighbour.split(), pos) for neighbour in neighbours)
        return neighbours

    def _word_candidates(self, form: str) -> tuple[Candidate, ...]:
        """Candidates for one observed word (lower case): from the store when it holds the form."""
        stored = self.store.get(form) if self.store is not None else None
        return stored if stored is not None else self.computed_word_candidates(form)

    def computed_word_candidates(self, form: str) -> tuple[Candidate, ...]:
        """Candidates for one observed word (lower case), derived from WordNet and the curated data."""
        out: dict[str, Candidate] = {}
        if form.isascii() and form.isdigit():
            value = int(form)
            if 2 <= value < len(NUMBER_WORDS):
                out[NUMBER_WORDS[value]] = Candidate(NUMBER_WORDS[value], "number", "small numbers are spelled out")
            return tuple(out.values())
        readings = self.analyses(form)  # also the parts of speech a rewrite candidate must share (below)
        if form not in CLOSED_CLASS:
            for lemma, pos, tag in readings:
                for neighbour, link in self._neighbours_in(lemma, pos, tag).items():
                    wordings = [self._inflect(neighbour, pos, tag)]
                    if tag in SUPERLATIVES and " " not in neighbour:
                        wordings.append(neighbour)  # thesauri list "latest" under "recent", "highest" under "top"
                    for wording in wordings:
                        if wording and wording not in out:
                            out[wording] = link.candidate(wording, f"{lemma} ~ {neighbour}", pos)
                        elif wording:
                            self._add_reading(out, wording, pos, link, f"{lemma} ~ {neighbour}")
            self._add_usage(out, form, readings)
        for wording, group in self.patterns.alternatives(form):
            if wording not in out or out[wording].relation != "synonym":
                parts = self._shared_parts(readings, wording) if group.relation == "rewrite" else ""
                out[wording] = Candidate(wording, group.relation, group.reason, parts_of_speech=parts)
        return one_spelling_each(out, form)

    def _shared_parts(self, readings: list[tuple[str, str, str]], wording: str) -> str:
        """The WordNet parts of speech both the published form (its ``readings``) and ``wording`` can be ("firm"
        and "company": nouns), so that a rewriter's odd synonym clashes where the sentence uses the word otherwise
        ("firm policy"); "" where WordNet knows either not at all."""
        shared = {pos for _, pos, _ in readings} & {pos for _, pos, _ in self.analyses(wording)}
        return "".join(sorted(shared))

    def _add_usage(self, out: dict[str, Candidate], form: str, readings: list[tuple[str, str, str]]) -> None:
        """The word's usage neighbours (``reader.core.usage``) where WordNet links none of them ("navy" ->
        "military"). Where it links one, that candidate is already here and the rest of the list is noise
        ("officers": "officials", not "police"). A co-hyponym counts there but is not offered (year: month). Each
        is offered in a form the observed word has (same part of speech and inflection), other forms of its lemma
        excluded. How near each is to the other stands for the sense ranks of a WordNet link: the neighbour's place
        in the word's list, and the word's in the neighbour's."""
        neighbours = self.usage(form)[:USAGE_NEIGHBOURS]
        if any(neighbour in out for neighbour in neighbours):
            return
        forms = {(pos, tag) for _, pos, tag in readings}
        lemmas = {lemma for lemma, _, _ in readings}
        apart = self.usage.set_apart(form)
        for place, neighbour in enumerate(neighbours):
            if neighbour in CLOSED_CLASS or neighbour in apart:
                continue
            theirs = self.analyses(neighbour)
            if any(lemma in lemmas for lemma, _, _ in theirs):
                continue
            parts = "".join(sorted({pos for _, pos, tag in theirs if (pos, tag) in forms}))
            if parts:
                back = self.usage(neighbour)
                out[neighbour] = Candidate(
                    neighbour, "usage", f"{form} ~ {neighbour}", observed_rank=place,
                    candidate_rank=back.index(form) if form in back else len(back), parts_of_speech=parts,
                )

    def _phrase_candidates(self, phrase: str) -> tuple[Candidate, ...]:
        """Candidates for a multiword span: curated patterns and WordNet multiword lemmas."""
        out: dict[str, Candidate] = {}
        for wording, group in self.patterns.alternatives(phrase):
            out[wording] = Candidate(wording, group.relation, group.reason)
        for lemma, pos, tag in self.analyses(phrase):
            # No siblings for a phrase, left out before links are chosen: a sibling link may be a lemma's strongest
            # while it has another, which the phrase keeps.
            for neighbour, link in self._neighbours_in(lemma, pos, tag, siblings=False).items():
                inflected = self._inflect(neighbour, pos, tag)
                if link.relation == _HYPERNYM and inflected and phrase.endswith(" " + inflected):
                    continue  # the compound's own head ("polling places" -> "places"): see _HYPERNYM
                if inflected and inflected not in out:
                    out[inflected] = link.candidate(inflected, f"{lemma} ~ {neighbour}", pos)
                elif inflected:
                    self._add_reading(out, inflected, pos, link, f"{lemma} ~ {neighbour}")
        return one_spelling_each(out, phrase)
