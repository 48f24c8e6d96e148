"""The mentions stage: an annotated spaCy Doc -> typed entity mentions.

Sources of mentions, in order of trust: the NER (PER/ORG/LOC/LOCderiv; MISC is ignored), then
the lexicons (state names, derived adjectives, inhabitant nouns, capitals and seats of power,
well-known organisations) for what the NER missed, then hyphen compounds whose first part is an
entity ("Nato-Sprecherin" -> NATO, "US-Regierung" -> USA).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from graphx.lexicon import common_nouns, fold, gazetteer_places, load, noun_forms, word_forms

LOCATIVE_PREPS = {"in", "im", "nach", "aus", "bei", "beim", "um", "bis", "über", "durch", "nahe", "vor",
                  "zwischen", "ins", "am", "an", "gen", "ab"}
NAME_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOCATION", "GPE": "LOCATION"}
DERIV_LABELS = {"LOCderiv", "LOC_DERIV", "LOCDERIV"}
STRIP_CHARS = "\"'„“”‚‘’«»()[]{}.,;:!?*–—-/ "
JUNK = re.compile(r"^[\W\d_]+$")
MARKUP = re.compile(r"[<>{}\[\]|\\=]|https?:|www\.")
MAX_GAZETTEER_TOKENS = 8         # "Organisation für Sicherheit und Zusammenarbeit in Europa"
PLURAL_ARTICLES = {"die", "den", "der", "des"}
KOREAN_GIVEN_NAME = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{2,5}$")    # "Jong-un", "Ho-ryung", "Yo-jong"


@dataclass
class Mention:
    start: int          # character offsets in doc.text
    end: int
    surface: str
    type: str           # PERSON, STATE, ORG, LOCATION
    key: str            # name before resolution (canonical for lexicon hits)
    kind: str           # name, adj, demonym, metonym, compound, lexicon
    token: int          # index of the token carrying the mention (span root)
    first: int          # first and last token index of the span
    last: int
    typed: str = ""     # the type a noun beside the name gave it ("die Zeitschrift Nokta"): a strong vote

    @property
    def is_name(self) -> bool:
        return self.kind in ("name", "lexicon", "metonym")


def title_tokens(tokens, lex) -> int:
    """Number of leading role/title tokens ("Präsident", "US-Verteidigungsminister") in a span."""
    count = 0
    for token in tokens:
        if token.text[:1].isupper() and (lex.title_relation(token.text) or token.text in HONORIFICS) and \
                len(tokens) - count > 1 or token.lower_ in ("der", "die", "das", "den", "dem", "des") and count == 0:
            count += 1
        else:
            break
    return count


HONORIFICS = {"Herr", "Herrn", "Frau"}      # "Herr Bundeskanzler", "Frau Müller": no part of a name
DASHES = ("–", "—", "-")
SENTENCE_ENDS = {".", "!", "?", ":", '"', "“", "”", "»", "«"}
DATELINE_WINDOW = 120      # tokens: the dateline follows the headline ("Titel. Wien – Text")


def dateline_starts(doc):
    """Token indices where a sentence may open with a dateline: the text start and, within the first
    tokens, the word after a sentence end (10kGNAD and agencies run the headline into the dateline)."""
    yield 0
    for k in range(1, min(len(doc), DATELINE_WINDOW)):
        if doc[k - 1].text in SENTENCE_ENDS or (doc[k - 1].text.endswith(".") and doc[k - 1].is_punct):
            yield k


def in_dateline(token) -> bool:
    """Is the token a place of a dateline ("Wien –", "Gaza/Jerusalem –", "Spielfeld / Bad Radkersburg –")?"""
    doc, k = token.doc, token.i
    if k >= DATELINE_WINDOW:
        return False
    left = k
    while left > 0 and k - left < 6 and (doc[left - 1].text[:1].isupper() or doc[left - 1].text in ("/", ",")) and \
            doc[left - 1].text not in SENTENCE_ENDS and not doc[left - 1].is_sent_end:
        left -= 1
    if left > 0 and doc[left - 1].text not in SENTENCE_ENDS and not doc[left - 1].text.endswith("."):
        return False
    right = k + 1
    while right < len(doc) and right - k < 8 and (doc[right].text[:1].isupper() or doc[right].text in ("/", ",", "(", ")")
                                                     or doc[right].text.endswith(".")) and doc[right].text not in DASHES:
        right += 1
    return right < len(doc) - 1 and doc[right].text in DASHES and doc[right + 1].text[:1].isupper()


def is_locative(token) -> bool:
    """Is a city name used as a place ("in Moskau") rather than as the acting state?"""
    for child in token.children:
        if child.dep_ == "case" and child.lower_ in LOCATIVE_PREPS:
            return True
    head = token.head
    if token.dep_ in ("pobj",) and head.lower_ in LOCATIVE_PREPS:
        return True
    previous = token.nbor(-1) if token.i > 0 else None
    if previous is not None and previous.lower_ in LOCATIVE_PREPS:
        return True
    return False


SINGULAR_ARTICLES = {"der", "den", "dem", "des", "ein", "einen", "einem", "eines", "eine", "einer", "dieser",
                     "diesen", "diesem"}


def one_person(token) -> bool:
    """An inhabitant noun in the singular after an article names one person ("den Argentinier")."""
    if token.i == 0 or "Sing" not in token.morph.get("Number"):
        return False
    before = token.doc[token.i - 1]
    if before.pos_ == "ADJ" and token.i > 1:
        before = token.doc[token.i - 2]
    return before.lower_ in SINGULAR_ARTICLES and "Plur" not in before.morph.get("Number")


def classify_name(text: str, label: str, root, lex):
    """(type, key, kind) for a named span, or None to drop it."""
    key = fold(text)
    if key in lex.org_metonyms and root.dep_ in ("nsubj", "sb") and root.head.pos_ == "VERB" and \
            not in_dateline(root) and not is_locative(root) and \
            (root.i + 1 == len(root.doc) or root.nbor(1).text not in ("–", "—", "-", ":")):
        return "ORG", lex.org_metonyms[key], "lexicon"       # "Brüssel fordert": the EU
    if key in lex.metonyms:
        state, kind = lex.metonyms[key]
        if in_dateline(root):
            return "LOCATION", text, "name"
        if kind == "seat" or not is_locative(root):
            return "STATE", state, "metonym"
        return "LOCATION", text, "name"
    if key in lex.states:
        return "STATE", lex.states[key], "lexicon"
    if lex.org_of(text):
        return "ORG", lex.org_of(text), "lexicon"
    if key in lex.demonyms:
        if one_person(root):
            return None            # "Castro empfing den Argentinier": one person, not the state
        return "STATE", lex.demonyms[key], "demonym"
    if key in lex.adjectives:
        return "STATE", lex.adjectives[key], "adj"
    if label in DERIV_LABELS:
        return None
    etype = NAME_LABELS.get(label)
    if etype is None:
        return None
    if etype == "LOCATION" and text.endswith("s") and text not in lex.toponyms and text[:-1] in lex.toponyms:
        return etype, text[:-1], "name"           # "Teilen Asiens": Asien
    return etype, text, "name"


def clean_span(span, lex):
    """Trim determiners, titles and punctuation off an NER span; None when nothing is left."""
    tokens = list(span)
    skip = title_tokens(tokens, lex) if span.label_ in ("PER", "PERSON") else 0
    if skip == 0 and tokens and tokens[0].lower_ in ("der", "die", "das", "den", "dem", "des") and not (
            len(tokens) > 1 and tokens[0].text[:1].isupper() and tokens[0].i > 0 and
            tokens[0].doc[tokens[0].i - 1].text not in SENTENCE_ENDS and not tokens[0].is_sent_start):
        skip = 1              # but a capitalised article inside a sentence is part of the name: "in Den Haag"
    tokens = tokens[skip:]
    while tokens and (tokens[-1].text in STRIP_CHARS or (len(tokens) > 1 and tokens[-1].text.isalpha() and
                                                         tokens[-1].text.islower() and
                                                         not particle_before_name(tokens[-1]))):
        tokens = tokens[:-1]      # "Le Pen sensationell": names do not end in a lower-case word
    while tokens and tokens[0].text in STRIP_CHARS:
        tokens = tokens[1:]
    tokens = repair_boundaries(tokens, span.label_, lex)
    if span.label_ in ("PER", "PERSON"):
        for k in range(1, len(tokens) - 1):      # "Andreas Baur von der Steuerungsgruppe": no particle name
            if tokens[k].lower_ in NAME_PARTICLES and tokens[k].text.islower() and common_after_particles(tokens[k], lex):
                tokens = tokens[:k]
                break
    if not tokens:
        return None
    # "Nordkoreas Offiziere", "Atommacht Russland": a lexicon entity inside common nouns
    if len(tokens) > 1:
        known = [t for t in tokens if lexicon_token(t, lex)]
        others = [t for t in tokens if t not in known]
        genitive = known and known[0].text.endswith("s") and lexicon_token(known[0].text[:-1], lex)
        if len(known) == 1 and (genitive or known[0] == tokens[-1]) and fold(span.text) not in lex.orgs and \
                not (span.label_ == "ORG" and not genitive and any(lex.org_head(t.text) for t in others)) and \
                all((t.pos_ == "NOUN" and (genitive or is_noun_word(t.text))) or
                    lex.title_relation(t.text) for t in others):     # but "Walan ICC" is a firm's name
            return span.doc[known[0].i: known[0].i + 1]
    doc = span.doc
    end = tokens[-1].i + 1
    first = tokens[0].i
    if ABBREVIATION.match(doc[end - 1].text) and end < len(doc) and doc[end].text[:1].isupper() and \
            doc[end].is_alpha:
        end += 1                                  # "St. Pölten", "Bad Ischl": the NER stopped at "St."
    if doc[end - 1].lower_ in NAME_PARTICLES and end - 1 > first and particle_before_name(doc[end - 1]):
        while doc[end].lower_ in NAME_PARTICLES:
            end += 1
        end += 1                                  # "Santa Cruz de" + "la Sierra"
    if span.label_ in ("PER", "PERSON"):
        # "Frank-Walter Steinmeier" tagged from "Steinmeier" on
        while first > 0 and tokens[-1].i - first < 3 and is_given_name(doc[first - 1], lex):
            first -= 1
        if first == tokens[-1].i and first > 0 and unknown_given_name(doc[first - 1], lex):
            first -= 1                            # "Raif Badawi", "Ensaf Haidar": a given name no list knows
        # "Christian Kern", "Heinz-Christian Strache": a given name alone, its surname tagged as a noun
        if end < len(doc) and all(is_given_name(t, lex, own=True) for t in tokens) and doc[end].pos_ == "NOUN" \
                and doc[end].text[:1].isupper() and not doc[end].ent_type_ and not doc[end].is_sent_end and \
                not lexicon_token(doc[end], lex) and not lex.title_relation(doc[end].text):
            end += 1
        # "Ursula von der Leyen", "Alexander Van der Bellen" (the NER stops at or before the particles)
        inside = doc[end - 1].lower_ in NAME_PARTICLES and end - 1 > first
        k = end
        while k < len(doc) and k - end < 3 and doc[k].lower_ in NAME_PARTICLES:
            k += 1
        if not inside and k > end and doc[end].lower_ in GERMAN_ARTICLES:
            k = end                               # "Theodor Körner das Amt": an article, no particle
        if (k > end or inside) and k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and \
                (inside or (doc[k].text not in noun_forms() and not common_after_particles(doc[end], lex) and
                            doc[k].ent_type_ not in ("LOC", "ORG", "GPE") and
                            not lexicon_token(doc[k], lex))):
            end = k + 1
        if end < len(doc) and ARABIC_ARTICLE.match(doc[end].text) and doc[end].text.split("-", 1)[1][:1].isupper():
            end += 1
        # a nickname in quotes inside the name: "Mohamed Hamdan „Hemeti“ Dagalo"
        if end + 3 < len(doc) and doc[end].text in OPEN_QUOTES and doc[end + 2].text in CLOSE_QUOTES and \
                doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha and doc[end + 3].text[:1].isupper() and \
                doc[end + 3].is_alpha and doc[end + 3].pos_ == "PROPN" and not lexicon_token(doc[end + 3], lex):
            end += 4
        # the NER often stops after the first part of a name
        while end < len(doc) and (doc[end].pos_ == "PROPN" or KOREAN_GIVEN_NAME.match(doc[end].text)) and \
                doc[end].text[:1].isupper() and not doc[end].ent_type_ and not lexicon_token(doc[end], lex) and \
                end - tokens[0].i < 4 and not (doc[end - 1].text.endswith("s") and is_noun_word(doc[end].text)):
            end += 1                              # but not "Clintons E-Mail-Computer"
    return doc[first: end]


ABBREVIATION = re.compile(r"^(St|Ste|Sta|Ft|Mt|Pt)\.$")
OPEN_QUOTES = {"„", "\"", "“", "»", "«", "‚", "'"}
CLOSE_QUOTES = {"“", "\"", "”", "«", "»", "‘", "’", "'"}
NICKNAME = re.compile(r"\s*[„\"“»«‚']\s?[^\s„\"“”»«‚‘’']+\s?[“\"”«»‘’']\s*")
NAME_PARTICLES = {"von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos", "das",
                  "zu", "ten", "ter", "bin", "ibn", "al", "el", "ben"}


GERMAN_ARTICLES = {"der", "den", "das"}    # particles only after another one: "von der Leyen"


def common_after_particles(token, lex) -> bool:
    """Do the particles from `token` on lead to an ordinary noun ("von der Steuerungsgruppe"), not to a
    surname ("von der Leyen", "von der Schulenburg")?"""
    doc, k = token.doc, token.i
    while k < len(doc) and doc[k].lower_ in NAME_PARTICLES:
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper():
        return False
    word = doc[k].text
    return word not in lex.first_names and (word in noun_forms() or is_noun_word(word)) and \
        not word.lower().endswith(lex.place_endings)


def particle_before_name(token) -> bool:
    """"von"/"de" in "Ursula von der Leyen", "Santa Cruz de la Sierra": particles, then a capitalised word."""
    doc, k = token.doc, token.i
    while k < len(doc) and k - token.i < 3 and doc[k].lower_ in NAME_PARTICLES:
        k += 1
    return k > token.i and k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha


def repair_boundaries(tokens, label, lex):
    """One mechanism for the edges of a name: descriptor, role and profession nouns in front
    ("Enklave Kaliningrad", "Soziologin Anna Berg"), a possessive's noun behind ("Müllers Haus" is
    Müller) and ordinary nouns glued on behind a person's full name."""
    def describes(token, following):
        word = token.text
        return word[:1].isupper() and not lexicon_token(token, lex) and word not in lex.first_names and \
            not lex.title_relation(word) and (lex.is_descriptor(word) or
                                              (label in ("PER", "PERSON") and fold(word) not in lex.demonyms and
                                               (word in noun_forms() or (is_noun_word(word) and
                                                                         following.text in lex.first_names))))
    while len(tokens) > 1 and describes(tokens[0], tokens[1]) and tokens[1].text[:1].isupper():
        tokens = tokens[1:]
    while len(tokens) > 1 and label in ("LOC", "GPE", "ORG", "MISC") and tokens[1].text[:1].isupper() and \
            leads_a_name(tokens[0], tokens[1:], label, lex):
        tokens = tokens[1:]                       # "Terrororganisation Boko Haram", "Grenzübergang Preševo"
    while len(tokens) > 1 and label in ("ORG", "MISC") and tokens[1].text[:1].isupper() and \
            lex.noun_type(tokens[0].text) in ("LOCATION", "WORK") and not lexicon_token(tokens[0], lex):
        tokens = tokens[1:]                       # "Problemviertel Duisburg-Marxloh" tagged ORG
    while len(tokens) > 1 and label in ("LOC", "GPE") and tokens[-1].pos_ in ("NOUN", "PROPN") and \
            (tokens[-1].text in noun_forms() or len(noun_head(tokens[-1].text)) >= 6) and \
            not place_like(tokens[-1].text, lex) and known_name(" ".join(t.text for t in tokens[:-1]), lex):
        tokens = tokens[:-1]                      # "in Kairo Geschäftsabschlüsse": the noun is no part of the place
    for k, token in enumerate(tokens[:-1]):
        rest = tokens[k + 1:]
        if token.text.endswith("s") and token.text[:1].isupper() and token.text not in lex.first_names and \
                token.text not in noun_forms() and all(
                t.text[:1].isupper() and (t.pos_ == "NOUN" or is_noun_word(t.text)) and
                not lexicon_token(t, lex) and lex.org_head(t.text) in (None, "head") and t.text not in lex.first_names
                for t in rest) and all(is_noun_word(t.text) or t.text.isupper() for t in rest):
            return tokens[:k + 1]                 # "Poroschenkos Popularität"
    if label in ("PER", "PERSON") and len(tokens) > 2 and tokens[-1].text in noun_forms() and \
            tokens[-1].pos_ == "NOUN" and tokens[-1].text not in lex.first_names:
        tokens = tokens[:-1]                      # "Heinz Fischer Rosen"
    return tokens


def known_name(text: str, lex) -> bool:
    """A lexicon entity or a place name Wiktionary knows, also in the genitive ("Syriens", "Asiens")."""
    return any(lexicon_token(form, lex) or form in lex.toponyms
               for form in (text, text[:-1] if text.endswith("s") else text))


def is_compound_noun(text: str) -> bool:
    nouns = noun_forms()
    return any(text[k:].capitalize() in nouns for k in range(3, len(text) - 3))


def leads_a_name(token, rest, label, lex) -> bool:
    """Is `token` an ordinary noun in front of the name `rest` rather than its first word: a descriptor
    before a known name ("Staatsbürger Syriens", "Terrororganisation Boko Haram", not "Verwaltungsgericht
    München"), or a compound noun before a place ("Grenzübergang Preševo", not "Bad Ischl")?"""
    word = token.text
    rest_text = " ".join(t.text for t in rest)
    if label in ("LOC", "GPE") and word[:1].isupper() and lex.title_relation(word) and known_name(rest_text, lex):
        return True                               # "Exportkaiser Vorarlberg"
    if not word[:1].isupper() or not word.isalpha() or lexicon_token(token, lex) or word in lex.first_names or \
            word in lex.toponyms or not (word in noun_forms() or is_noun_word(word)):
        return False
    if lex.org_head(word):
        return bool(lex.org_of(rest_text))
    if label in ("ORG", "MISC"):
        return False                              # "Bank Austria", "Statistik Austria"
    compound = is_compound_noun(word)
    genitive = rest_text not in lex.toponyms and not lexicon_token(rest_text, lex)    # "Asiens", "Syriens"
    if known_name(rest_text, lex) and (compound or genitive):
        return True                               # but "Port Sudan", "Kap Verde"
    return label in ("LOC", "GPE") and compound and (word in noun_forms() or not place_like(word, lex))


def is_word(text: str) -> bool:
    """A German word of any kind ("Wachstum", "neue"), not a foreign name ("Amhara")."""
    return text in word_forms() or text.lower() in word_forms() or is_noun_word(text)


def is_noun_word(text: str) -> bool:
    """An ordinary noun or a compound ending in one ("Wahlkampfbudget", "E-Mail-Computer")."""
    nouns = noun_forms()
    if text in nouns:
        return True
    last = text.rsplit("-", 1)[-1]
    if last != text and last in nouns:
        return True
    return any(text[k:].capitalize() in nouns for k in range(3, len(text) - 3))


def is_common_word(text: str) -> bool:
    """An inflected German word form or a common noun ("Etappen", "Abrede"), by spacy-lookups-data."""
    return text in word_forms() or text in common_nouns()


def is_ordinary_word(token, lex, etype="") -> bool:
    """An ordinary German noun not tagged as a proper noun ("Budget", "Impulse"; "Siemens" the company
    is a PROPN) or a capitalised adverb ("Unterdessen") that no gazetteer knows as a name. A place the
    NER found is one even as a proper noun when it ends in a longer ordinary noun ("der Metallbranche",
    "der Parlamentsparteien"), unless a place gazetteer lists it."""
    text = token.text
    if text in lex.first_names or lexicon_token(text, lex):
        return False
    if text.lower() in lex.adverbs:
        return True
    if text in lex.toponyms or (token.pos_ == "PROPN" and (etype != "LOCATION" or "-" in text)):
        return False
    first = text.split("-", 1)[0]
    if first != text and (first in lex.toponyms or first in gazetteer_places()):
        return False            # "Wien-Umgebung", "Wien-Favoriten": a part of a place
    if token.pos_ == "PROPN":    # "Karibik", "Nahost", "Donbass", "Garmisch" are no compounds of ordinary nouns
        if len(noun_head(text)) < 6 or text in gazetteer_places():
            return False
    elif text in noun_forms():
        return True
    # "Pressezensur", "Verwaltungs-Hubs": a compound of ordinary nouns, unless it ends like a place name
    return is_noun_word(text) and not place_like(text, lex) and not lex.org_head(text)


def noun_head(text: str) -> str:
    """The longest ordinary noun a word ends in ("Arbeitsflüchtlingen" -> "flüchtlingen"), or ""."""
    nouns = noun_forms()
    last = text.rsplit("-", 1)[-1]
    if last != text and last in nouns:
        return last
    return next((text[k:] for k in range(3, len(text) - 3) if text[k:].capitalize() in nouns), "")


def place_like(text: str, lex) -> bool:
    """Does a compound end like a place name ("Klosterneuburg", "Simmering", "Gazastreifen"), rather than
    in a longer ordinary noun that merely ends the same way ("Arbeitsflüchtlingen", "Jihadistenhochburg")?"""
    ends = [e for e in lex.place_endings if text.lower().endswith(e)]
    return (bool(ends) and len(noun_head(text)) < max(map(len, ends)) + 3) or lex.is_place_noun(text)


QUOTES = set("\"'„“”‚‘’«»")
ACRONYM_PLURAL = re.compile(r"^[A-ZÄÖÜ]{2,}s$")      # "NGOs", "KMUs": a kind of body, not one


def is_lone_noun(token, lex) -> bool:
    """A word that Wiktionary or spacy-lookups-data lists as an ordinary noun ("Cousin", "Reiswein",
    "Wolf"), also where the NER tagged it a proper noun: no person by itself. A surname that is also a
    noun ("Karner") comes back through the article's full name ("Gerhard Karner"); a given name that is
    also a noun only goes when a noun stands before it ("des Fastenmonats Ramadan", "First Lady")."""
    text = token.text

    def noun(word):
        return word in noun_forms() or word in common_nouns()
    if not noun(text) and not (text.endswith("s") and noun(text[:-1])) or lexicon_token(token, lex) or \
            lex.org_head(text):
        return False
    doc = token.doc
    if any(t.text == text and 0 < t.i < len(doc) - 1 and doc[t.i - 1].text in QUOTES and doc[t.i + 1].text in QUOTES
           for t in doc):
        return False          # a nickname, „Falke“ in a person's name
    if text not in lex.first_names:
        return True
    if token.i == 0 or token.is_sent_start:
        return False
    before = token.doc[token.i - 1]
    return before.text[:1].isupper() and before.is_alpha and not before.ent_type_ and \
        before.text not in lex.first_names and not lex.title_relation(before.text)


def unknown_given_name(token, lex) -> bool:
    """A capitalised word right before a surname that is no German word, role, place or known entity:
    a given name the lists lack ("Raif" Badawi, "Ensaf" Haidar)."""
    text = token.text
    return text[:1].isupper() and text.isalpha() and len(text) > 2 and not text.isupper() and text not in HONORIFICS and \
        token.pos_ in ("PROPN", "NOUN", "X") and token.ent_type_ in ("", "PER") and not token.is_sent_start and \
        not is_noun_word(text) and text not in word_forms() and text.lower() not in word_forms() and \
        not text.endswith(("er", "ers", "in")) and not lexicon_token(token, lex) and not lex.title_relation(text) and not lex.is_descriptor(text) and \
        fold(text) not in lex.not_names and text not in lex.toponyms and fold(text) not in lex.adjectives


def is_given_name(token, lex, own=False) -> bool:
    """A given name ("Frank-Walter", "Anna"): left out by the NER in front of a person name, or (with
    `own`) the whole of what it tagged."""
    text = token.text
    if (token.ent_type_ and not own) or not text[:1].isupper() or text.isupper() or len(text) < 2 or \
            text in HONORIFICS:
        return False
    return all(part in lex.first_names for part in text.split("-"))


def person_after_role(span, lex, label):
    """The name after a role noun, an inhabitant noun or a genitive inside an NER span:
    "Klubobmann Reinhold Lopatka", "Tiroler Landeshauptmann Günther Platter" (tagged ORG),
    "Algerier Mohamed Belkaid", "Erdoğans Schwiegersohn Berat". None when the span is no such thing."""
    if label not in ("PER", "PERSON", "ORG", "MISC", "LOC") or len(span) < 2:
        return None
    tokens = list(span)
    if label == "LOC" and not lex.title_relation(tokens[0].text):
        return None             # "Exlobbyist Sardana" tagged LOC
    for k, token in enumerate(tokens[:-1]):
        word = token.text
        role = word[:1].isupper() and (lex.title_relation(word) or fold(word) in lex.demonyms or
                                       (token.pos_ in ("NOUN", "PROPN") and word in noun_forms() and
                                        (tokens[k + 1].text in lex.first_names or
                                         ARABIC_ARTICLE.match(tokens[k + 1].text))) or
                                       (label in ("PER", "PERSON") and token.pos_ == "NOUN" and
                                        word in word_forms() and word not in lex.first_names))
        if not role:
            continue
        rest = tokens[k + 1:]
        if rest and all((t.text[:1].isupper() or ARABIC_ARTICLE.match(t.text)) and
                        t.pos_ in ("PROPN", "X", "NOUN", "ADJ") and not lexicon_token(t, lex)
                        and not lex.title_relation(t.text) for t in rest) and \
                any(t.pos_ == "PROPN" or t.text in lex.first_names for t in rest) and \
                not any(t.text in lex.org_heads for t in tokens) and \
                not (label == "LOC" and known_name(" ".join(t.text for t in rest), lex)):    # "Exportkaiser Vorarlberg"
            return span.doc[rest[0].i:rest[-1].i + 1]
    return None


def lexicon_token(token, lex) -> bool:
    key = fold(token if isinstance(token, str) else token.text)
    return key in lex.states or key in lex.metonyms or \
        bool(lex.org_of(token if isinstance(token, str) else token.text))


def is_plausible(text: str, etype: str) -> bool:
    if len(text) < 2 or JUNK.match(text):
        return False
    if not text[:1].isupper() and etype != "STATE" and not re.match(r"^[a-z]{2,5}$", text):
        return False
    if MARKUP.search(text):       # "Aktivist.</strong": markup left in a text export is no name
        return False
    return True


def find_mentions(doc, lex=None) -> list:
    """All mentions in `doc`, sorted by position, without overlaps."""
    lex = lex or load()
    mentions, taken = [], set()
    doc_text = doc.text              # built anew on every access: read it once

    def add(first, last, etype, key, kind, start=None, end=None, typed=""):
        start = doc[first].idx if start is None else start
        end = doc[last].idx + len(doc[last].text) if end is None else end
        root = doc[first:last + 1].root
        mentions.append(Mention(start, end, doc_text[start:end], etype, key, kind, root.i, first, last, typed))
        taken.update(range(first, last + 1))

    from spacy.tokens import Span
    ents = split_at_slashes(doc, joined_entities(doc, lex))
    for first, last in east_asian_names(doc, ents, lex):
        add(first, last, "PERSON", doc[first:last + 1].text, "name")
    ents = [e for e in ents if not any(k in taken for k in range(e.start, e.end))]
    built = [(f, l) for f, l in organisation_spans(doc, lex, ents) if not any(k in taken for k in range(f, l + 1))]
    covered = {k for first, last in built for k in range(first, last + 1)}
    for first, last in built:
        text = doc[first:last + 1].text
        prefix = text.rsplit("-", 1)[0] if first == last and "-" in text[1:-1] else ""
        if prefix and org_head_word(text.rsplit("-", 1)[1], lex) in lex.org_prefix_heads:
            if not lexicon_token(prefix, lex):       # "Fidesz-Partei": the party is Fidesz
                add(first, last, "ORG", prefix, "name", end=doc[first].idx + len(prefix))
            continue
        key = lex.org_of(text) or org_key(doc[first:last + 1], lex)
        if first == last and first > 0 and not lex.org_of(text):
            key = state_qualified(doc[first - 1], key, lex)
        elif last == first + 1 and not lex.org_of(text):      # "Moskauer Außenministerium"
            qualified = state_qualified(doc[first], org_key(doc[last:last + 1], lex), lex)
            key = qualified if " " in qualified else key
        add(first, last, "ORG", key, "lexicon" if lex.org_of(text) else "name")
    sea_names(doc, lex, taken, add)                  # before the NER's "Indischen" (a state's adjective)
    covered |= taken
    for ent in ents:
        if ent.label_ in ("LOC", "GPE") and ent.start >= 2 and doc[ent.start - 1].lower_ == "von" and \
                doc[ent.start - 2].text in lex.geo_heads and ent.start - 2 not in covered and \
                (ent.start < 3 or doc[ent.start - 3].pos_ in ("DET", "ADP")):
            text = doc[ent.start - 2:ent.end].text.strip(STRIP_CHARS)      # "am Horn von Afrika"
            add(ent.start - 2, ent.end - 1, "LOCATION", text, "name")
            continue
        longer = lexicon_extension(doc, ent, lex, covered)
        if longer is not None:        # "Vereinigten Arabischen" + "Emiraten": the lexicon's longest form
            first, last = longer
            text = doc[first:last + 1].text
            classified = classify_name(text, ent.label_, doc[first:last + 1].root, lex)
            if classified:
                add(first, last, *classified)
                continue
        if any(k in covered for k in range(ent.start, ent.end)):
            free = [k for k in range(ent.start, ent.end) if k not in covered]
            if not free or free[-1] - free[0] + 1 != len(free) or (ent.label_ not in ("PER", "PERSON") and not (
                    len(free) == 1 and is_name_genitive(doc[free[0]], lex))):
                continue               # the NER's part of an organisation name built above
            ent = Span(doc, free[0], free[-1] + 1, label=ent.label_)   # "Abiys Wohlstandspartei"
        span = clean_span(ent, lex)
        if span is None:
            continue
        label = ent.label_
        tail = person_after_role(span, lex, label)
        if tail is not None:          # cleaned again as a person name: "Aung San Suu" + "Kyi"
            span, label = clean_span(Span(doc, tail.start, tail.end, label="PER"), lex) or tail, "PER"
        text = span.text.strip(STRIP_CHARS)
        if len(span) > 1 and all(lexicon_token(t, lex) for t in span) and fold(text) not in lex.orgs:
            continue   # "dass Nordkorea Russland ... unterstützt": two names run together; the gazetteer splits them
        if label in DERIV_LABELS and len(span) == 1:
            state = lex.state_of(span.text)
            place = adjective_name(doc, span.start, lex, taken)
            if place:                 # "auf den Britischen Jungferninseln"
                add(span.start, span.start + 1, "LOCATION", place, "name")
            elif state:
                add(span.start, span.end - 1, "STATE", state, "adj")
            continue
        classified = classify_name(text, label, span.root, lex)
        if classified and classified[0] == "STATE" and classified[2] == "lexicon" and len(span) == 1 and \
                name_goes_on(doc, span.end - 1, lex):
            taken.add(span.start)
            continue          # "Panama Papers"
        if classified is None:
            # hyphen compounds tagged as a whole ("Nato-Gipfel") still name their first part
            continue
        etype, key, kind = classified
        if kind == "name" and etype == "PERSON":
            key = " ".join(NICKNAME.sub(" ", key).split())     # the nickname is an alias, not part of the key
        if kind == "name" and etype == "ORG" and any(lex.org_head(t.text) for t in span):
            key = org_key(span, lex)
        if kind == "name" and not is_plausible(text, etype):
            continue
        if kind == "name" and len(span) == 1 and (text in lex.common_terms or text.removesuffix("s") in lex.common_terms) \
                and not (1 < span.start < len(doc) - 1 and doc[span.start - 1].text == "(" and doc[span.end].text == ")"
                         and (span.start - 2 in taken or
                              fold(doc[span.start - 2].text).endswith(tuple(fold(h) for h in lex.org_heads)))):
            continue          # "das BIP", "der ATX", "per SMS"; but "die Staatsanwaltschaft (DNA)"
        if kind == "name" and etype in ("LOCATION", "ORG", "MISC") and place_adjective_phrase(span, lex):
            continue          # "Nürnberger Lebkuchen", "der Bad Ischler Dialog"
        if len(span) == 1 and etype != "PERSON" and kind == "name" and \
                any(fold(text) in (group, group + "s", group + "en") for group in lex.unnamed_groups):
            continue          # "die Militärjunta", "die Regierung" alone: an unnamed group
        introduced = span.start > 0 and (lex.is_descriptor(doc[span.start - 1].text) or   # "Partei Bürgerplattform"
                                         type_noun_before(doc, span.start, lex) is not None)
        if kind == "name" and etype != "PERSON" and len(span) == 2 and INITIAL.match(span[1].text) and \
                (span[0].text in lex.first_names or span[0].is_alpha and not is_word(span[0].text) and
                 not lexicon_token(span[0], lex)):
            etype = "PERSON"          # "Salah A." tagged ORG: a given name and an initial
        firm = kind == "name" and etype in ("PERSON", "LOCATION") and span.start > 0 and \
            doc[span.start - 1].text[:1].isupper() and lex.introduces_org(doc[span.start - 1].text) and \
            span[0].text not in lex.first_names and not is_given_name(span[0], lex, own=True)
        if firm:
            etype = "ORG"             # "der Textilriese Palmers", "die Anwaltskanzlei Sova": a firm, not a person
        toponym = text in lex.toponyms or (text.endswith("s") and text[:-1] in lex.toponyms)    # "Kaliforniens"
        if kind == "name" and len(span) == 1 and not after_role_noun(span, lex) and not toponym and \
                not introduced and \
                (is_ordinary_word(span[0], lex, etype) or (etype in ("LOCATION", "ORG") and is_common_word(text)) or
                 (ACRONYM_PLURAL.match(text) and not lexicon_token(text, lex))):
            continue          # "in Etappen", "im Budget", "Unterdessen": a common word the NER took for a name
        if kind == "name" and len(span) == 1 and etype == "PERSON" and not introduced and is_lone_noun(span[0], lex) \
                and (not after_role_noun(span, lex) or (text in noun_forms() and role_of_no_one(doc[span.start - 1]))):
            continue          # "mit dem Cousin", "als Wolf im Schafspelz", "Experten Senfgas": no person
        if kind == "name" and len(span) == 1 and etype == "PERSON" and text not in lex.first_names and \
                (lex.title_relation(text) or lex.noun_type(text) == "PERSON"):
            continue          # "ist Chefökonom", "Sehr geehrter Herr Bundeskanzler": a role, no name
        if kind == "name" and etype in ("ORG", "LOCATION") and after_role_noun(span, lex) and \
                not any(t.text in lex.org_heads for t in span):
            etype = "PERSON"          # "UNO-Generalsekretär Ban Ki-moon" tagged ORG: a role names a person
            span = clean_span(Span(doc, span.start, span.end, label="PER"), lex) or span
            key = text = span.text.strip(STRIP_CHARS)          # and its name goes on: "Bashar" + "al-Assad"
        if kind == "name" and etype == "PERSON" and span.start > 0 and lex.is_place_noun(doc[span.start - 1].text) \
                and doc[span.start - 1].text[:1].isupper() and not lex.title_relation(doc[span.start - 1].text):
            etype = "LOCATION"        # "in der Provinz Sirnak" tagged PER: a place noun names a place
        if kind == "name" and len(span) == 1 and "-" in text and (compound_prefix(text, lex) or (
                place_name(text.split("-")[0], lex) and text.split("-")[-1] in noun_forms() and
                not lex.org_head(text) and not any(fold(text.split("-")[-1]).startswith(f) for f in lex.facility_nouns))):
            continue  # "Nato-Sprecherin" as an ORG, "Europa-Wahl": the compound passes below name NATO, Europa
        typed = ""
        if kind == "name":
            named = name_type(doc, span, etype, lex, ent.start)
            if named is None:
                continue      # "der Grazer Diözesanbischof" tagged ORG: a role, no name
            typed, etype = (named if named != etype or firm and named == "ORG" else ""), named
            if etype == "PERSON":
                key = person_key(doc, span, key, lex)
        add(span.start, span.end - 1, etype, key, kind, typed=typed)

    bracketed_acronyms(doc, mentions)
    gazetteer(doc, lex, taken, add)
    introduced_organisations(doc, lex, taken, add)
    titled_persons(doc, lex, taken, add)
    initialled_persons(doc, lex, taken, add)
    named_persons(doc, lex, taken, add)
    named_places(doc, lex, taken, add)
    compounds(doc, lex, taken, mentions, add)
    place_compounds(doc, lex, taken, add)
    known_names(doc, lex, taken, mentions, add)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def sea_names(doc, lex, taken, add):
    """A capitalised adjective before a geographic noun (sea_nouns.tsv) inside a sentence names a place:
    "im Südchinesischen Meer" -> "Südchinesisches Meer", "den Indischen Ozean" -> "Indischer Ozean"."""
    for token in doc:
        k = token.i
        if k == 0 or k in taken or k - 1 in taken:
            continue
        noun = token.text[:-2] if token.text.endswith("es") and token.text[:-2] in lex.sea_nouns else \
            token.text[:-1] if token.text.endswith("s") and token.text[:-1] in lex.sea_nouns else token.text
        genus = lex.sea_nouns.get(noun)
        adjective = doc[k - 1]
        word = adjective.text
        if genus is None or not word[:1].isupper() or not word.isalpha() or adjective.is_sent_start or \
                (k > 1 and doc[k - 2].is_punct) or adjective.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        stem = next((word[:len(word) - len(e)] for e in ("en", "em", "er", "es", "e") if word.endswith(e)), None)
        if stem and len(stem) > 2:
            add(k - 1, k, "LOCATION", stem + NOMINATIVE[genus] + " " + noun, "name")


def adjective_name(doc, i, lex, taken=()):
    """A capitalised state adjective inside a sentence opens a place name with the noun after it
    ("den Britischen Jungferninseln"): that name in the nominative, else None."""
    word = doc[i].text
    if i + 1 >= len(doc) or not word[:1].isupper() or not word.isalpha() or doc[i].is_sent_start or (i > 0 and doc[i - 1].is_punct) or \
            i + 1 in taken:
        return None
    noun = doc[i + 1]
    if not (noun.text[:1].isupper() and noun.is_alpha and noun.pos_ in ("NOUN", "PROPN") and not noun.ent_type_ and
            not lexicon_token(noun, lex) and not lex.org_head(noun.text) and not lex.title_relation(noun.text) and
            noun.text not in noun_forms()):      # "die Russische Botschaft" is no place name
        return None
    singular = noun.text.removesuffix("n")
    if not (lex.is_place_noun(noun.text) or lex.is_place_noun(singular) or noun.lower_.endswith(lex.place_endings)):
        return None                      # a place noun ends the name: "Jungferninseln"
    stem = next((word[:len(word) - len(e)] for e in ("en", "em", "er", "es", "e") if word.endswith(e)), word)
    return stem + "e " + noun.text


def name_goes_on(doc, last, lex) -> bool:
    """Does a longer name the NER did not tag run on after token `last` ("Panama" + "Papers")? Then a
    state's name at its start is no mention of the state."""
    k = last + 1
    if k >= len(doc):
        return False
    nxt, state = doc[k], doc[last]
    if (last > 0 and doc[last - 1].pos_ == "ADP") or (state.text.endswith("s") and lex.state_of(state.text[:-1])):
        return False                   # "im Irak Senfgas", "Myanmars Militärjunta"
    return nxt.pos_ in ("PROPN", "X") and nxt.text[:1].isupper() and nxt.is_alpha and not nxt.ent_type_ and \
        not nxt.is_sent_start and not lexicon_token(nxt, lex) and nxt.text not in lex.first_names and \
        fold(nxt.text) not in lex.adjectives and not lex.title_relation(nxt.text) and nxt.text not in lex.toponyms


def lexicon_extension(doc, ent, lex, covered=()):
    best = longest_lexicon_form(doc, ent.start, ent.end, lex, covered)
    return best if best is not None and best[1] - best[0] + 1 > len(ent) else None


def longest_lexicon_form(doc, start, end, lex, covered=()):
    """(first, last) of the longest lexicon name (state, metonym, organisation) that contains the tokens
    start..end-1, starting at most two tokens before ("Vereinigten Arabischen" + "Emiraten", "Europäischen Gerichtshof" +
    "für Menschenrechte"); None when there is none."""
    best = None
    for first in range(max(0, start - 2), start + 1):
        if not lex.starts_a_name(fold(doc[first].text)) or \
                not (doc[first].text[:1].isupper() or doc[first].text in lex.lower_forms):
            continue                   # "Sarkozys konservative Partei UMP" is no "Konservative Partei"
        top = min(len(doc), first + MAX_GAZETTEER_TOKENS) - 1
        texts = [doc[first].text]        # texts[k]: doc[first:first + k + 1].text
        for j in range(first + 1, top + 1):
            texts.append(texts[-1] + doc[j - 1].whitespace_ + doc[j].text)
        if max(texts[-1]) < "\u0300":    # no combining marks: fold keeps prefixes (see gazetteer)
            top = first + next((k for k in range(1, len(texts)) if not lex.starts_a_name(fold(texts[k]))), len(texts)) - 1
        for last in range(top, end - 2, -1):
            if any(k in covered for k in range(first, last + 1)):
                continue
            text = texts[last - first]
            if fold(text) in lex.states or fold(text) in lex.metonyms or lex.org_of(text):
                if best is None or last - first > best[1] - best[0]:
                    best = (first, last)
                break
    return best


def gazetteer(doc, lex, taken, add):
    """Lexicon names the NER missed: longest match first, only on free tokens."""
    from spacy.attrs import ORTH, SPACY
    strings = doc.vocab.strings           # (text, whitespace) per token, read off arrays, not Tokens
    words = [(strings[orth], " " if space else "") for orth, space in doc.to_array([ORTH, SPACY]).tolist()] if len(doc) else []
    i = 0
    n = len(doc)
    while i < n:
        if i in taken:
            i += 1
            continue
        match = None
        longest = min(MAX_GAZETTEER_TOKENS, n - i) if lex.starts_a_name(fold(words[i][0])) else 1
        texts = [words[i][0]]            # texts[k]: the k + 1 words from i, up to the next taken one
        while len(texts) < longest and i + len(texts) not in taken:
            texts.append(texts[-1] + words[i + len(texts) - 1][1] + words[i + len(texts)][0])
        if len(texts) > 1 and max(texts[-1]) < "\u0300":   # no combining marks: fold keeps prefixes, so a
            for k in range(1, len(texts)):                 # text no name starts with has no longer name
                if not lex.starts_a_name(fold(texts[k])):
                    del texts[k:]
                    break
        for length in range(len(texts), 0, -1):
            text = texts[length - 1]
            key = fold(text)
            if length == 1 and text in lex.region_adjectives:
                body = region_body(doc, i, lex, taken)
                classified = ("ORG", body, "name") if body else ("LOCATION", lex.region_adjectives[text], "adj")
                match = (2 if body else 1, classified)
                break
            if length == 1 and not (text[:1].isupper() or key in lex.adjectives or key in lex.orgs):
                break
            if key in lex.metonyms or key in lex.states or lex.org_of(text) or key in lex.demonyms:
                classified = classify_name(text, "", doc[i:i + length].root, lex)
            elif length == 1 and key in lex.adjectives and doc[i].pos_ in ("ADJ", "ADV", "X", "PROPN", ""):
                place = adjective_name(doc, i, lex, taken)
                classified = ("LOCATION", place, "name") if place else ("STATE", lex.adjectives[key], "adj")
                length = 2 if place else 1
            else:
                continue
            if classified:
                if classified[2] == "lexicon" and classified[0] == "ORG" and \
                        not (text[:1].isupper() or text.isupper() or text in lex.lower_forms):
                    continue          # "in die Zeit der Sowjetunion" is no newspaper
                match = (length, classified)
                break
        if match:
            length, (etype, key, kind) = match
            add(i, i + length - 1, etype, key, kind)
            i += length
        else:
            i += 1


def region_body(doc, i, lex, taken) -> str:
    """The name of a region's state body opened by its adjective at token `i` ("die bayerische
    Landesregierung" -> "Bayerische Landesregierung", "im steirischen Landtag" -> "Steirischer Landtag"),
    or ""."""
    if i + 1 >= len(doc) or i + 1 in taken:
        return ""
    noun = doc[i + 1].text
    base = org_head_word(noun, lex)
    if not noun[:1].isupper() or not (lex.is_state_body(base) or lex.org_head(base) in ("head", "alone")):
        return ""
    genus = next((g for head, g in lex.org_genus.items() if fold(base).endswith(head)), None) or \
        ("f" if base.endswith(("ung", "ei", "schaft", "ion", "tät", "kammer")) else "m")
    word = doc[i].text
    stem = next((word[:len(word) - len(e)] for e in ("en", "em", "er", "es", "e") if word.endswith(e)), word)
    return stem[:1].upper() + stem[1:] + NOMINATIVE[genus] + " " + base


MAX_NAME_TOKENS = 4
NAME_ARTICLES = {"Die", "Der", "Das", "La", "Le", "Les", "L", "El", "Il", "The", "Het", "De", "To", "O"}


ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,7}$")


def article_acronyms(doc, taken, result, orgs) -> None:
    """An organisation's acronym the article uses elsewhere, where the NER missed it: "Die IIP habe ..."."""
    for token in doc:
        if token.i not in taken and token.text in orgs and ACRONYM.match(token.text) and \
                sum(c.isupper() for c in token.text) >= 2:
            taken.add(token.i)
            result.append(Mention(token.idx, token.idx + len(token.text), token.text, "ORG", orgs[token.text],
                                  "name", token.i, token.i, token.i))


def introduced_organisations(doc, lex, taken, add):
    """The name after a noun that introduces an organisation (type_nouns.tsv) where the NER missed it:
    "die Zeitung Danas", "der Glücksspielkonzern Novomatic", "die Gruppe Ansar Dine", "die Zeitung To
    Vima". Its words are no ordinary German words ("das Unternehmen Montag") unless a capitalised
    article opens the name ("die Zeitung Die Welt")."""
    n = len(doc)
    for token in doc:
        first = token.i + 1
        if first >= n or first in taken or token.pos_ not in ("NOUN", "PROPN") or not token.text[:1].isupper() or \
                not lex.introduces_org(token.text):
            continue
        start = first + 1 if doc[first].text in NAME_ARTICLES and not doc[first].is_sent_start else first
        end = start
        while end < n and end - start < MAX_NAME_TOKENS and end not in taken and \
                introduced_name_part(doc[end], lex, start < end, start > first):
            end += 1
        if end == start:
            continue
        genitive = "Gen" in token.morph.get("Case") or (token.i > 0 and doc[token.i - 1].lower_ == "des")
        # "der Einspruch des Anbieters X gegen ...": after a genitive the complement is the head noun's
        k = end + 1 if end < n and doc[end].lower_ in ("gegen", "für") and not genitive else end
        k += k < n and k > end and doc[k].lower_ in COMPLEMENT_DETS
        if n > k > end and doc[k].text[:1].isupper() and k not in taken and \
                (doc[k].pos_ == "PROPN" or doc[end].lower_ == "gegen" and doc[k].pos_ == "NOUN"):
            end = k + 1                        # "die Bewegung Block gegen den Islam"
        add(first, end - 1, "ORG", doc[first:end].text, "name")


def introduced_name_part(token, lex, inside: bool, article: bool) -> bool:
    """A word of an organisation's name after an introducing noun: capitalised, no sentence start, no
    role, place noun or lexicon name, and no German word unless a proper noun inside the name or any
    noun after a capitalised article ("Die Welt")."""
    text = token.text
    if len(text) < 2 or not text[:1].isupper() or token.is_sent_start or (token.is_stop and not inside) or \
            not re.match(r"^[\w&.-]+$", text) or \
            text.endswith(".") or lex.title_relation(text) or lexicon_token(token, lex) or \
            lex.introduces_org(text) or lex.is_place_noun(text) or fold(text) in lex.not_names:
        return False
    if token.pos_ in ("PROPN", "X") and (inside or text not in noun_forms() and text not in word_forms() and
                                        text.lower() not in word_forms()):
        return True               # a proper noun that only looks like a compound: "Protothema"
    return not is_word(text) or (article and token.pos_ in ("NOUN", "PROPN"))
GERMAN_LINKERS = {"für", "der", "des", "und", "zur", "zum"}


ENGLISH_LINKERS = {"for", "of", "and", "on", "the", "&"}
COMPLEMENT_DETS = {"das", "die", "der", "den", "dem", "des"}
INDEFINITE = {"ein", "eine", "einen", "einem", "eines", "einer", "kein", "keine", "keinen", "keinem", "keines",
              "keiner", "jedes", "jeder", "jedem", "jeden"}


def organisation_spans(doc, lex, ents=()) -> list:
    """(first, last) token spans of organisation names built around a head word (org_heads.txt):
    a compound that names one by itself ("das Verwaltungsgericht", "UNO-Menschenrechtsrat"), a head
    with capitalised modifiers before it ("Amadeu Antonio Stiftung", "Nationale Front"), a place after
    it ("Verwaltungsgericht München", "Kulturbüro Sachsen"), a "für" complement ("Organisation für
    das Verbot chemischer Waffen") and coordinated first parts ("Friedens- und Sicherheitsrat").
    An NER span (`ents`) reaching beyond one wins over it ("German Institute for ...")."""
    spans, i, n = [], 0, len(doc)
    while i < n:
        head = doc[i]
        kind = lex.org_head(head.text) if head.text[:1].isupper() and head.pos_ != "VERB" else None
        if kind is None:
            i += 1
            continue
        first = i
        english = i + 1 < n and doc[i + 1].lower_ in ENGLISH_LINKERS     # "Korea Institute for ..."
        while first > 0 and i - first < 3 and is_org_modifier(doc[first - 1], lex, english, head.text):
            first -= 1
        if first >= 2 and doc[first - 1].lower_ == "und" and doc[first - 2].text.endswith("-") and \
                doc[first - 2].text[:1].isupper():
            first -= 2                                   # "Friedens- und Sicherheitsrat"
        last, j = i, i + 1
        if j < n and (doc[j].ent_type_ in ("LOC", "GPE") and doc[j].ent_iob_ == "B" or doc[j].text in lex.toponyms) \
                and not lex.org_of(doc[j].text) and not lex.state_of(doc[j].text) \
                and (kind != "head" or first < i) and not doc[j].text.endswith("s"):
            last = j                                     # "Verwaltungsgericht München"
            while last + 1 < n and doc[last + 1].ent_iob_ == "I":
                last += 1
        elif j + 1 < n and doc[j].lower_ in ENGLISH_LINKERS and doc[j + 1].text[:1].isupper():
            while j < n and doc[j].lower_ in ENGLISH_LINKERS and doc[j].text[:1].islower() \
                    and j + 1 < n and doc[j + 1].text[:1].isupper() and not doc[j + 1].is_punct:
                j += 1
                while j < n and doc[j].text[:1].isupper() and not doc[j].is_punct:
                    last, j = j, j + 1               # "Korea Institute for Defense Analyses"
        elif j + 1 < n and doc[j].lower_ == "für" and (
                (kind == "head" and org_head_word(head.text, lex) in lex.org_fuer_heads) or
                (kind == "compound" and fold(org_head_word(head.text, lex)).endswith(lex.org_fuer_compounds))):
            k, end = j + 1, None         # "Ministerium für ...", "Forschungsinstitut für ..."
            while k < n and k - j <= 6 and not (k > j + 1 and doc[k].lower_ in COMPLEMENT_DETS and k + 1 < n and
                                                 lex.org_head(doc[k + 1].text)) and (doc[k].lower_ in COMPLEMENT_DETS or
                                            (doc[k].lower_ == "und" and not (k + 1 < n and doc[k + 1].pos_ == "DET")) or
                                            (doc[k].pos_ == "ADJ" and doc[k].text.isalpha()) or
                                            (doc[k].text[:1].isupper() and doc[k].pos_ in ("NOUN", "PROPN", "X"))):
                if doc[k].text[:1].isupper():
                    end = k
                k += 1
            if end is not None:
                last = end                               # "Ministerium für Staatssicherheit"
        possessed = first == i and i > 0 and kind != "head" and is_name_genitive(doc[i - 1], lex)
        of_state = kind == "compound" and first == i and i > 0 and doc[i - 1].text.islower() and \
            fold(doc[i - 1].text) in lex.adjectives and lex.is_state_body(head.text) and \
            not fold(head.text).rstrip("es").endswith("amt")     # "äthiopische Bundespolizei", not "Präsidialamt"
        modified = first < i or last > i or "-" in head.text[1:-1] or possessed or of_state   # "Abiys Wohlstandspartei"
        before = doc[first - 1].lower_ if first > 0 else ""
        left = first - 1 if possessed else first            # the genitive may share the NER span
        ner_beyond = any(e.start < left <= e.end - 1 or e.start <= last < e.end - 1 for e in ents
                         if e.label_ not in ("PER", "PERSON") and (e.start < left or e.end > last + 1))
        longer = longest_lexicon_form(doc, first, last + 1, lex)
        if longer is not None and longer[1] - longer[0] > last - first and (not spans or longer[0] > spans[-1][1]):
            # "Internationale Komitee" + "vom Roten Kreuz": the lexicon's longest form
            spans.append(longer)
            i = longer[1] + 1
        elif (kind == "alone" or modified) and before not in INDEFINITE and not ner_beyond:
            spans.append((first, last))
            i = last + 1
        else:
            i += 1
    return spans


def org_head_word(text: str, lex) -> str:
    """The head word without a genitive ending: "Instituts" -> "Institut"."""
    for ending in ("es", "s"):
        if text.endswith(ending) and text[: -len(ending)] in lex.org_heads:
            return text[: -len(ending)]
    return text


def is_name_genitive(token, lex) -> bool:
    """A name in the genitive in front of a noun: "Abiys", "Müllers" (not "Vereinigtes", "Mercedes")."""
    text = token.text
    return text.endswith("s") and text[:1].isupper() and (token.pos_ == "PROPN" or token.ent_type_ != "") and \
        text not in noun_forms() and not lexicon_token(token, lex) and text not in lex.first_names and \
        not text.endswith(("es", "ss"))


def is_org_modifier(token, lex, english=False, head="") -> bool:
    """A capitalised word in front of an organisation head that belongs to its name ("Nationale",
    "Amadeu Antonio"), not an article, role noun or state."""
    text = token.text
    opens = token.is_sent_start or (token.i > 0 and token.nbor(-1).is_punct)
    if is_name_genitive(token, lex):
        return False                              # a person's genitive: "Abiys Partei"
    lexical = lexicon_token(token, lex)
    known = lexical and not (fold(text) in lex.orgs or lex.states.get(fold(text)) == text)
    if text[:1].isupper() and not opens and (fold(text) in lex.adjectives or is_place_adjective(text, lex)):
        return not lex.introduces_org(head)       # "Grazer Staatsanwaltschaft", not "der Wolfsburger Konzern"
    return text[:1].isupper() and (token.pos_ in ("ADJ", "PROPN") or lexical or (english and token.pos_ == "NOUN")) \
        and not token.is_punct and \
        text.lower() not in COMPLEMENT_DETS and not lex.title_relation(text) and not known \
        and not (opens and (token.pos_ != "PROPN" or
                                                                  text.lower() in word_forms()))


NOMINATIVE = {"m": "er", "f": "e", "n": "es"}


def is_place_adjective(text: str, lex) -> bool:
    """A place's adjective in -er ("Grazer", "Brüsseler", "Moskauer"): a place name Wiktionary or the
    metonyms know, followed by -er."""
    stem = text[:-2]
    return text.endswith("er") and len(stem) > 2 and (stem in lex.toponyms or fold(stem) in lex.metonyms)


SEAT_BODIES = ("ministerium", "außenamt", "kanzleramt")


def state_qualified(adjective, key: str, lex) -> str:
    """"das afghanische Verteidigungsministerium" -> "Afghanisches Verteidigungsministerium": a body
    of a state named with the state's adjective in the nominative (gender from org_heads.txt)."""
    word = adjective.text
    seat = lex.metonyms.get(fold(word[:-2])) if word[:1].isupper() and word.endswith("er") else None
    if seat and fold(key).endswith(SEAT_BODIES):      # "das Prager Außenministerium": the seat's state
        word = state_adjective(seat[0], lex)
    if not word or not word.islower() or fold(word) not in lex.adjectives or "-" in key:
        return key
    genus = next((g for head, g in lex.org_genus.items() if fold(key).endswith(head)), None)
    stem = next((word[: len(word) - len(e)] for e in ("en", "em", "er", "es", "e") if word.endswith(e)), None)
    if genus is None or stem is None or fold(stem) not in lex.adjectives:
        return key
    return stem[:1].upper() + stem[1:] + NOMINATIVE[genus] + " " + key


def state_adjective(state: str, lex) -> str:
    """The plain adjective of a state ("tschechische" for Tschechien), or ""."""
    forms = [a for a, s in lex.adjectives.items() if s == state and a.endswith("e") and a.isalpha()]
    return min(forms, key=lambda a: (len(a), a)) if forms else ""


def org_key(span, lex) -> str:
    """An organisation's name in the nominative ("Verfassungsgerichts" -> "Verfassungsgericht",
    "Kulturbüros Sachsen" -> "Kulturbüro Sachsen", "Europäischen Gerichtshofs" -> "Europäischer
    Gerichtshof")."""
    words, tokens = [], list(span)
    genus = None
    for token in tokens:
        if lex.org_head(token.text):
            head = fold(org_head_word(token.text, lex))
            genus = next((g for h, g in lex.org_genus.items() if head.endswith(h)), None)
            break
    for k, token in enumerate(tokens):
        text = token.text
        if genus and (token.pos_ == "ADJ" or fold(text) in lex.adjectives) and text[:1].isupper() and k + 1 < len(tokens) and \
                (tokens[k + 1].pos_ == "ADJ" or lex.org_head(tokens[k + 1].text)) and \
                not (text.endswith("er") and text.lower() not in word_forms()):
            # a declinable adjective; place adjectives in -er ("Wiener", "Hamburger") never change
            stem = next((text[: len(text) - len(e)] for e in ("en", "em", "er", "es", "e") if text.endswith(e)), None)
            if stem:
                text = stem + NOMINATIVE[genus]          # "Europäischen Gerichtshofs" -> "Europäischer Gerichtshof"
        prefix, _, rest = text.rpartition("-")
        if prefix and rest and lex.org_of(prefix) and lex.org_of(prefix).isupper():
            text = lex.org_of(prefix) + "-" + rest       # "Uno-Vollversammlung" -> "UNO-Vollversammlung"
        if lex.org_head(text):
            for ending in ("es", "s"):
                if text.endswith(ending) and lex.org_head(text[: -len(ending)]):
                    text = text[: -len(ending)]
                    break
        words.append(text + token.whitespace_)
    return "".join(words).strip()


def titled_persons(doc, lex, taken, add):
    """Names right after a role noun that the NER missed: "Nato-Sprecherin Farah Dakhlallah",
    "Regierungssprecher Steffen Hebestreit", "Diktator Kim Jong-un"."""
    for title in doc:
        if not title.text[:1].isupper() or not lex.title_relation(title.text) or \
                title.pos_ not in ("NOUN", "PROPN", "ADJ", "X"):
            continue
        end = title.i + 1
        while end < len(doc) and end - title.i <= MAX_NAME_TOKENS and end not in taken and \
                looks_like_name_part(doc[end], lex):
            end += 1
        parts = doc[title.i + 1:end]
        if not parts or (len(parts) == 1 and (parts[0].pos_ != "PROPN" or is_abstract_noun(parts[0].text) or
                                               (parts[0].text in noun_forms() and role_of_no_one(title)))):
            continue                       # "warf dem Minister Zynismus vor" names no one
        if parts[0].pos_ not in ("PROPN", "X") and not all(p.pos_ in ("PROPN", "X", "NOUN") for p in parts[1:]):
            continue
        add(parts[0].i, parts[-1].i, "PERSON", parts.text, "name")


def role_of_no_one(title) -> bool:
    """A role noun in the plural or after "als" names no one by the noun after it: "unabhängiger Experten
    Senfgas", "will als Sozialminister Furore machen" (but "sagte Verteidigungsminister Karner")."""
    return "Plur" in title.morph.get("Number") or (title.i > 0 and title.doc[title.i - 1].lower_ == "als")


NOUN_SUFFIXES = ("ung", "ungen", "heit", "keit", "schaft", "tion", "ismus", "ität", "nis", "tum", "chen", "ene",
                 "enen", "ende", "enden")


def is_abstract_noun(text: str) -> bool:
    return text.lower().endswith(NOUN_SUFFIXES) and text in noun_forms()


INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")


def initialled_persons(doc, lex, taken, add):
    """A given name with the initial of a surname, as news names suspects: "Fayçal C.", "Mohamed B."."""
    for token in doc:
        k = token.i
        if k == 0 or not INITIAL.match(token.text) or k in taken or k - 1 in taken:
            continue
        given = doc[k - 1]
        if given.text[:1].isupper() and given.is_alpha and not given.is_sent_start and \
                (given.text in lex.first_names or unknown_given_name(given, lex)):
            add(k - 1, k, "PERSON", doc[k - 1:k + 1].text, "name")


def named_persons(doc, lex, taken, add):
    """A given name followed by a surname the NER missed: "Farah Dakhlallah", "Olaf Scholz"."""
    for token in doc:
        if token.i in taken or token.i + 1 >= len(doc) or not (
                token.text in lex.first_names or ("-" in token.text and is_given_name(token, lex, own=True))):
            continue              # "Heinz-Christian Strache": both parts of a hyphenated given name are known
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and end not in taken and looks_like_name_part(doc[end], lex) \
                and (doc[end].pos_ in ("PROPN", "X") or doc[end].text in lex.first_names or
                     (doc[end].pos_ == "NOUN" and not doc[end].lower_.endswith(NOUN_SUFFIXES)
                      and doc[end].text not in common_nouns())):
            end += 1
        if end > token.i + 1:
            add(token.i, end - 1, "PERSON", doc[token.i:end].text, "name")


@lru_cache(maxsize=1)
def lemmas() -> frozenset:
    """The lemmas of spacy-lookups-data's German table ("Regen" in "im Regen" is rain, not the town)."""
    return frozenset(word_forms().values())


PLACE_PREPOSITIONS = {"in", "im", "am", "von", "vom", "aus", "nach"}


def named_places(doc, lex, taken, add):
    """Places the NER missed: the name after a place noun ("in der Region Kursk") and the place of a
    dateline at the start of a text ("Myrne, Ukraine - Die ...", "Kiew – ...")."""
    for token in doc:
        if token.i + 1 >= len(doc) or not token.text[:1].isupper() or not lex.is_place_noun(token.text):
            continue
        first = last = token.i + 1
        if doc[first].text in ("St.", "Sankt", "Bad", "Neu", "Groß") and first + 1 < len(doc):
            last = first + 1                       # "St. Pölten", "Bad Ischl"
        name = doc[last]
        if not any(i in taken for i in range(first, last + 1)) and looks_like_name_part(name, lex) and \
                not (lex.is_place_plural(token.text) and is_word(name.text)) and \
                (name.pos_ in ("PROPN", "X") or (name.pos_ == "NOUN" and not name.lower_.endswith(NOUN_SUFFIXES)
                                                 and "Case=Nom" not in str(name.morph))):
            add(first, last, "LOCATION", doc[first:last + 1].text, "name")
            k = last + 1          # a plural place noun names several: "die Provinzhauptstädte Goma und Bukavu"
            while lex.is_place_plural(token.text) and k + 1 < len(doc) and doc[k].lower_ in (",", "und") \
                    and k + 1 not in taken and looks_like_name_part(doc[k + 1], lex) and \
                    doc[k + 1].pos_ in ("PROPN", "X", "NOUN") and not is_word(doc[k + 1].text):
                add(k + 1, k + 1, "LOCATION", doc[k + 1].text, "name")
                k += 2
    for token in doc:     # "Gouverneur von Illinois": a place name Wiktionary knows, after a place preposition
        k = token.i
        if k in taken or k < 1 or token.pos_ not in ("PROPN", "NOUN") or token.text not in lex.toponyms or \
                is_common_word(token.text) or (token.pos_ == "NOUN" and token.text in lemmas()) or \
                fold(token.text) in lex.not_names or \
                doc[k - 1].lower_ not in PLACE_PREPOSITIONS or token.text in noun_forms() or \
                token.text in lex.first_names or lexicon_token(token, lex) or \
                (k > 1 and (doc[k - 2].ent_type_ in ("PER", "PERSON") or doc[k - 2].text in lex.first_names)):
            continue
        add(k, k, "LOCATION", token.text, "name")
    for first in dateline_starts(doc):
        if dateline_place(doc, first, lex, taken, add):
            break


def dateline_place(doc, first, lex, taken, add) -> bool:
    """The place(s) of a dateline opening at token `first`, added as LOCATION; True when there is one."""
    while first < len(doc) and doc[first].is_space:
        first += 1
    end = first
    while end < len(doc) and end - first < 3 and doc[end].text[:1].isupper() and not doc[end].is_punct:
        end += 1
    dash = end + 1 if end < len(doc) and doc[end].text == "," and end + 1 < len(doc) else end
    while dash < len(doc) and dash - end < 6 and doc[dash].text not in ("–", "—", "-") and \
            (doc[dash].text[:1].isupper() or doc[dash].text in (",", "/")):
        dash += 1
    dateline = end > first and dash < len(doc) and doc[dash].text in ("–", "—", "-") and dash + 1 < len(doc)
    if dateline and first > 0:      # after a headline: a name, then a sentence opening after the dash
        dateline = doc[first].pos_ in ("PROPN", "NOUN", "X") and doc[dash + 1].text[:1].isupper()
    if dateline and not any(i in taken for i in range(first, end)) and not lexicon_token(doc[first:end].text, lex):
        add(first, end - 1, "LOCATION", doc[first:end].text, "name")
    if dateline:
        for k in range(end + 1, dash):          # "Putrajaya/Bangkok –": every place of the dateline
            if doc[k - 1].text == "/" and doc[k].text[:1].isupper() and k not in taken and \
                    (k + 1 == dash or doc[k + 1].text == "/") and not lexicon_token(doc[k], lex):
                add(k, k, "LOCATION", doc[k].text, "name")
    return dateline


def type_noun_before(doc, start, lex, inside=False):
    """The type the noun right before a name gives it ("Versicherung ARAG", "US-Großbank JP Morgan",
    "Oligarchen Dmytro Firtasch", "Jihadistenhochburg Raqqa"), else None."""
    if start > 1 and doc[start - 1].text in OPEN_QUOTES:
        start -= 1               # 'die Zeitschrift "Nokta"'
    if start == 0:
        return None
    before = doc[start - 1]
    if not before.text[:1].isupper() or not before.text.replace("-", "").isalpha() or before.pos_ == "PROPN" or \
            lexicon_token(before, lex) or (before.ent_type_ and not inside):
        return None
    return lex.noun_type(before.text)


def chained_type(doc, start, lex):
    """The type a plural type noun gives every name of the list after it: "die Bezirke Cizre und Silopi",
    "die Sujets Billy, Gnedby und Kallax", "die Tarife Light, Classic und Flex"."""
    k, seen = start, 0
    while k > 1 and seen < 5 and doc[k - 1].lower_ in (",", "und", "oder", "sowie"):
        k -= 2                   # back over one more name of the list
        while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ in ("PROPN", "X") and k > start - 12:
            k -= 1
        seen += 1
        if k > 0 and doc[k - 1].text[:1].isupper() and "Plur" in doc[k - 1].morph.get("Number"):
            plural = doc[k - 1].text
            if lex.is_place_plural(plural) or (plural.endswith("n") and lex.is_place_plural(plural[:-1])):
                return "LOCATION"    # "in den Bezirken Cizre und Silopi"
            return type_noun_before(doc, k, lex)
    return None


APPOSITION_DETS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}


def type_noun_after(doc, end, lex):
    """The type an apposition gives the name before it ("Anel, der rechten Kleinpartei"), else None."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in APPOSITION_DETS:
        return None
    k = end + 2
    while k < len(doc) - 1 and k - end < 5 and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
        k += 1
    noun = doc[k]
    if noun.pos_ != "NOUN" or not noun.text[:1].isupper() or noun.ent_type_:
        return None
    return lex.noun_type(noun.text)


def name_type(doc, span, etype, lex, ent_start=None):
    """The type of an NER name after what stands around it, or None when the span is a role, not a name:
    a dateline, a type noun before it or in an apposition after it, a firm's legal form, a given name
    opening it ("Jonas Nay" tagged LOC)."""
    words = [t.text for t in span]
    if etype in ("ORG", "LOCATION") and (lex.title_relation(words[-1]) or lex.noun_type(words[-1]) == "PERSON") \
            and not any(lex.org_head(w) or lexicon_token(w, lex) for w in words):
        return None
    if etype in ("ORG", "PERSON") and in_dateline(span.root):
        return "LOCATION"        # "Mainz – Es soll ..."
    if etype == "PERSON" and len(words) > 1 and (words[-1] in lex.company_forms or "&" in words):
        return "ORG"             # "Hubert Burda Media", "Graf & Partner"
    if etype == "PERSON" and len(words) > 1 and place_adjective(words[:1], lex) and place_like(words[-1], lex):
        return "LOCATION"        # "am Neusiedler See"
    if etype == "LOCATION" and len(words) > 1 and lex.org_head(words[-1]) in ("alone", "compound"):
        return "ORG"             # "am Frankfurter Landgericht"
    if etype in ("LOCATION", "PERSON") and span.start > 1 and doc[span.start - 1].lower_ in ("bei", "beim") and \
            doc[span.start - 2].text[:1].isupper() and lex.title_relation(doc[span.start - 2].text) and \
            not (etype == "PERSON" and words[0] in lex.first_names):
        return "ORG"             # "Logistikchefin bei Palmers": a role at a firm
    described = type_noun_before(doc, span.start, lex, inside=ent_start is not None and ent_start < span.start) or \
        chained_type(doc, span.start, lex)
    if described is None and ent_start is not None and ent_start < span.start:
        described = type_noun_before(doc, ent_start, lex)       # "Zeitschrift Super Illu"
    if described == "WORK":
        return None              # "die Serie Narcos", "das Betäubungsmittel Pentobarbital"
    person_like = words[0] in lex.first_names or (len(words) > 1 and words[-1].endswith("s"))
    if described and described != etype and not (etype == "PERSON" and person_like):
        return described         # but "die Partei Viktor Orbáns"
    if etype in ("PERSON", "LOCATION") and not (etype == "PERSON" and words[0] in lex.first_names):
        after = type_noun_after(doc, span.end, lex)
        if after == "ORG":
            return after
    text = span.text
    if etype in ("ORG", "LOCATION") and 2 <= len(words) <= 3 and words[0] in lex.first_names and \
            all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words) and \
            not any(lex.org_head(w) or lexicon_token(w, lex) or w in lex.company_forms or w in noun_forms()
                    for w in words[1:]) and text not in lex.toponyms and text not in gazetteer_places() and \
            not words[-1].lower().endswith(lex.place_endings):
        return "PERSON"          # "Martin Rauch (Jonas Nay)", "Arabella Kiesbauers neues Format"
    return etype


def place_adjective(words, lex) -> bool:
    """Is the last of `words` the -er adjective of the place the words name ("Wiener", "Bad Ischler",
    "New Yorker", "Kärntner")? State adjectives are the lexicon's."""
    last = words[-1]
    if not last.endswith("er") or len(last) < 5 or lexicon_token(last, lex):
        return False
    for stem in (last[:-2], last[:-2] + "en", last[:-1]):
        name = " ".join(words[:-1] + [stem])
        if name in lex.toponyms or name in gazetteer_places():
            return True
    return False


def place_adjective_phrase(span, lex) -> bool:
    """An NER span that is a place adjective with ordinary nouns ("Nürnberger Lebkuchen", "Vorarlberger
    Bergkäse") or that ends in one before a noun ("der Bad Ischler Dialog", "New Yorker Berater")."""
    words = [t.text for t in span]
    doc, end = span.doc, span.end
    if place_adjective(words, lex):
        return end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].text[:1].isupper()
    k = next((k for k in range(1, len(words)) if place_adjective(words[:k], lex)), None)
    if k is None or span.label_ != "LOC" and span[0].ent_type_ != "LOC":
        return False
    rest = words[k:]
    return all(w in noun_forms() or is_noun_word(w) for w in rest) and \
        not any(lex.org_head(w) or lex.noun_type(w) or lex.is_place_noun(w) or place_like(w, lex) for w in rest)


def bracketed_acronyms(doc, mentions) -> None:
    """An acronym in brackets right after an organisation's name is that organisation's, whatever type
    the NER gave it: "Arbeiterkammer Niederösterreich (AKNÖ)"; a name in brackets after a person's is
    a person's (a role and its actor: "Henni Sieland (Alwara Höfels)")."""
    from dataclasses import replace
    ends = {m.last: m for m in mentions}
    for k, m in enumerate(mentions):
        before = ends.get(m.first - 2)
        if m.kind != "name" or before is None or not (0 < m.first and m.last < len(doc) - 1 and
                                                      doc[m.first - 1].text == "(" and doc[m.last + 1].text == ")"):
            continue
        if m.type != "ORG" and m.first == m.last and m.surface.isupper() and before.type == "ORG":
            mentions[k] = replace(m, type="ORG", typed="ORG")
        elif m.type in ("ORG", "LOCATION") and before.type == "PERSON" and 1 <= m.last - m.first <= 2 and \
                all(t.text[:1].isupper() and t.is_alpha and not t.is_upper for t in doc[m.first:m.last + 1]):
            mentions[k] = replace(m, type="PERSON", typed="PERSON")   # "Henni Sieland (Alwara Höfels)": the actor


def split_at_slashes(doc, ents) -> list:
    """NER spans cut at slashes: "Vösendorf/Wien" is two places."""
    from spacy.tokens import Span
    result = []
    for ent in ents:
        cuts = [t.i for t in ent if t.text == "/"]
        if not cuts:
            result.append(ent)
            continue
        start = ent.start
        for cut in cuts + [ent.end]:
            if cut > start:
                result.append(Span(doc, start, cut, label=ent.label_))
            start = cut + 1
    return result


def person_key(doc, span, key, lex) -> str:
    """A person's name without the genitive -s of a possessive ("Tom Rostons Buch" -> "Tom Roston")."""
    words = key.split()
    last = words[-1] if words else ""
    if len(words) < 2 or not last.endswith("s") or last.endswith(("ss", "es", "'s")) or span.end >= len(doc):
        return key
    after = doc[span.end]
    if after.pos_ == "ADJ" and span.end + 1 < len(doc):
        after = doc[span.end + 1]
    if after.pos_ == "NOUN" and after.text[:1].isupper() and not after.ent_type_ and \
            words[0] in lex.first_names and last[:-1] not in lex.first_names:
        return " ".join(words[:-1] + [last[:-1]])
    return key


def after_role_noun(span, lex) -> bool:
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.text[:1].isupper() and bool(lex.title_relation(before.text)) and not lexicon_token(before, lex)


def looks_like_name_part(token, lex) -> bool:
    text = token.text
    if ARABIC_ARTICLE.match(text) and text.split("-", 1)[1][:1].isupper() and token.i > 0 and \
            token.doc[token.i - 1].text[:1].isupper():
        return True                    # "Abdelfattah al-Burhan"
    return len(text) > 1 and text[:1].isupper() and not text.isupper() and token.pos_ in ("PROPN", "NOUN", "X") \
        and not lexicon_token(token, lex) and not lex.title_relation(text) and not any(c.isdigit() for c in text) \
        and fold(text) not in lex.adjectives and fold(text) not in lex.not_names and not token.is_sent_end


def compound_prefix(text: str, lex):
    """(prefix text, type, key) when a hyphen compound starts with a known entity."""
    parts = text.split("-")
    if len(parts) > 2 and parts[0] in ("Ex", "ex"):
        parts = parts[1:]                  # "Ex-ÖVP-Landesrätin": the party after the "Ex-"
    if len(parts) < 2 or not parts[-1]:
        return None
    for cut in range(len(parts) - 1, 0, -1):
        prefix = "-".join(parts[:cut])
        key = fold(prefix)
        if key in lex.metonyms:
            return prefix, "STATE", lex.metonyms[key][0]
        if key in lex.states:
            return prefix, "STATE", lex.states[key]
        if lex.org_of(prefix):
            return prefix, "ORG", lex.org_of(prefix)
        if prefix in lex.compound_orgs:
            return prefix, "ORG", lex.compound_orgs[prefix]
    return None


def organisation_in_compound(text: str, lex):
    """The organisation name a compound opens with, joined by a linking -s to an ordinary noun or a
    role ("Europarats|generalsekretär", "EU-Kommissions|präsident"), or None."""
    for cut in range(len(text) - 4, 5, -1):
        if text[cut - 1] != "s":
            continue
        body, rest = text[:cut - 1], text[cut:].capitalize()
        kind = lex.org_head(body)
        if (kind == "alone" or (kind == "head" and "-" in body[1:])) and not lex.org_head(rest) and \
                (rest in noun_forms() or lex.title_relation(rest)) and body == org_key_text(body, lex):
            return body
    return None


def org_key_text(text: str, lex) -> str:
    return org_head_word(text, lex) if "-" not in text else text


def compounds(doc, lex, taken, mentions, add):
    """Hyphen compounds: "Nato-Sprecherin" -> NATO, "US-Regierung" -> USA, "Kreml-Sprecher" -> Russland;
    compounds that open with an organisation name: "Europaratsgeneralsekretär" -> Europarat,
    "EU-Kommissionspräsident" -> EU-Kommission, "Nationalratssitzung" -> Nationalrat."""
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        body = organisation_in_compound(token.text, lex)
        if body:
            add(token.i, token.i, "ORG", body, "compound", start=token.idx, end=token.idx + len(body))
            continue
        if "-" not in token.text[1:-1]:
            seat = seat_compound(token.text, lex)
            if seat:                       # "Kremlchef", "Kremlsprecher"
                add(token.i, token.i, "STATE", lex.metonyms[fold(seat)][0], "compound", start=token.idx,
                    end=token.idx + len(seat))
            continue
        hit = compound_prefix(token.text, lex)
        if hit is None:
            continue
        prefix, etype, key = hit
        start = token.idx + token.text.find(prefix)
        add(token.i, token.i, etype, key, "compound", start=start, end=start + len(prefix))


def seat_compound(text: str, lex):
    """The seat of power a one-word compound opens with, straight before a role noun ("Kremlchef",
    "Kremlsprecherin"; not "Kanzleramtsminister": a linking -s), or None."""
    seats = _SEATS.get(id(lex.metonyms))
    if seats is None:
        seats = _SEATS[id(lex.metonyms)] = tuple(
            seat for seat, (_, kind) in lex.metonyms.items() if kind == "seat" and " " not in seat and
            not (seat.endswith("s") and seat[:-1] in lex.metonyms))
    key = text.lower()
    if not key.startswith(seats):         # one C-level test for the common case: no seat at all
        return None
    for seat in seats:
        if key.startswith(seat) and len(text) > len(seat) + 3 and text[len(seat)].islower():
            rest = text[len(seat):].capitalize()
            if rest in noun_forms() and lex.title_relation(rest):
                return text[:len(seat)]
    return None


_SEATS = {}                               # id(lex.metonyms) -> one-word seats of power


COMPASS_NOUNS = {"osten", "westen", "norden", "süden", "ens"}     # "Nordosten", "Südostens"
COMPASS_PLACE = re.compile(r"^(?:Nord|Süd|Ost|West|Zentral|Mittel)(?:ost|west)?([A-ZÄÖÜ]?[a-zäöüß]{3,})$")


def place_name(word: str, lex) -> str:
    """`word` (or its genitive) as a place name no lexicon entity holds: a Wiktionary toponym that is no
    German word ("Donau", "Gaza", not "Regen") or a compass point before a state or toponym ("Ostukraine",
    "Westösterreichs"); "" for anything else."""
    for form in (word, word[:-1] if word.endswith("s") else ""):
        if not form or form in lex.first_names or lexicon_token(form, lex):
            continue
        match = COMPASS_PLACE.match(form)
        rest = match.group(1).capitalize() if match else ""
        if rest and fold(rest) not in COMPASS_NOUNS and (fold(rest) in lex.states or rest in lex.toponyms):
            return form
        if form in lex.toponyms and form.lower() not in word_forms() and form.lower() not in lemmas() and \
                form not in noun_forms() and not is_common_word(form):
            return form
    return ""


def place_compounds(doc, lex, taken, add):
    """Places the NER missed inside single words: a compass point before a state ("in der Ostukraine"),
    a hyphen compound opening with a place name ("Südamerika-Reise": Südamerika) and a named facility
    ("Tiananmen-Platz", "Maria-Theresien-Platzes"; facility_nouns.txt)."""
    for token in doc:
        text = token.text
        if token.i in taken or not text[:1].isupper() or not text.isalpha() and "-" not in text[1:-1]:
            continue
        if "-" not in text[1:-1]:
            if COMPASS_PLACE.match(text.removesuffix("s")) and place_name(text, lex) and token.pos_ in ("PROPN", "NOUN", "X"):
                add(token.i, token.i, "LOCATION", place_name(text, lex), "name")
            continue
        parts = text.split("-")
        last = fold(parts[-1])
        facility = next((f for f in lex.facility_nouns if last in (f, f + "s", f + "es")), None)
        if facility and all(p[:1].isupper() for p in parts) and \
                (not is_noun_word(parts[0]) or parts[0] in lex.first_names or place_name(parts[0], lex)):
            add(token.i, token.i, "LOCATION", text[:len(text) - len(last) + len(facility)], "name")
        elif place_name(parts[0], lex) == parts[0] and len(parts[0]) > 3:
            add(token.i, token.i, "LOCATION", parts[0], "name", start=token.idx, end=token.idx + len(parts[0]))


def known_names(doc, lex, taken, mentions, add, persons=()):
    """Parts of person names found elsewhere in the text that the NER missed here ("Putins")."""
    parts = person_parts([m.key for m in mentions if m.type == "PERSON"] + list(persons))
    for token in doc:
        if token.i in taken or token.text not in parts or not token.text[:1].isupper():
            continue
        first = token.i
        if first > 0 and first - 1 not in taken and " " not in parts[token.text] and \
                unknown_given_name(doc[first - 1], lex):
            first -= 1                    # "Raif Badawi" where the NER tagged only "Badawis"
        described = type_noun_before(doc, first, lex)
        if described in ("ORG", "LOCATION") and first == token.i:      # "die Zeitschrift Nokta": no person
            add(first, token.i, described, token.text, "name", typed=described)
            continue
        add(first, token.i, "PERSON", doc[first:token.i + 1].text, "name")


ARABIC_ARTICLE = re.compile(r"^(al|el|as|ad|ar|asch|bin|ibn|abu)-", re.IGNORECASE)


def person_parts(names) -> dict:
    """Last names (and their genitive) of the given person names -> full name; "al-Bashir" also as
    "Bashir" and "Al-Bashir"."""
    parts = {}
    for name in names:
        words = name.split()
        for word in words[1:] if len(words) > 1 else words:
            bare = ARABIC_ARTICLE.sub("", word)
            for form in {word, bare, word[:1].upper() + word[1:]}:
                if len(form) > 2 and form[:1].isupper():
                    parts[form] = name
                    parts[form + "s"] = name
            if word == words[-1] and word.endswith("s") and not word.endswith("ss") and len(word) > 4:
                parts.setdefault(word[:-1], name)     # the NER tagged only the genitive: "(Christian) Kerns"
    return parts


def name_tails(names) -> set:
    """The last two or more words of multi-word person names ("de la Calle" of "Humberto de la Calle"),
    folded."""
    tails = set()
    for name in names:
        words = name.split()
        for k in range(1, len(words) - 1):
            tails.add(fold(" ".join(words[k:])))
    return tails


def given_names_before(doc, m, persons, lex) -> bool:
    """Is a span the NER took for an organisation or place a person's full name: one or two given names
    before a surname the article names alone as a person ("Dmytro Firtasch" beside "Firtasch")?"""
    if m.last - m.first not in (1, 2):
        return False
    last = doc[m.last].text
    return (last in persons or last.endswith("s") and last[:-1] in persons) and \
        all(is_given_name(t, lex, own=True) or unknown_given_name(t, lex) or t.pos_ == "PROPN" and
            not lex.org_head(t.text) and not lexicon_token(t, lex) and not is_word(t.text)
            for t in doc[m.first:m.last])


def add_article_names(doc, mentions, persons, lex=None, orgs=()) -> list:
    """Second pass with the person and organisation names of the whole article: a lone "Putins" the
    NER missed or took for a place becomes a person mention; "HDP-Chef" names the HDP when the
    article names the HDP elsewhere."""
    lex = lex or load()
    parts = person_parts(persons)
    tails = name_tails(persons)
    result = []
    surnames = defaultdict(set)
    for p in persons:
        if len(p.split()) >= 2:
            surnames[p.split()[-1]].add(p)
    for m in mentions:
        if m.kind == "name" and m.type == "PERSON" and m.last - m.first >= 2 and \
                surnames.get(doc[m.last].text, set()) - {m.key} and len(m.key.split()) == m.last - m.first + 1 and \
                not surnames.get(doc[m.last - 1].text, set()) - {m.key} and doc[m.last - 1].text[:1].isupper() and \
                doc[m.last - 1].lower_ not in NAME_PARTICLES:
            # "Udo Bullmann Orban" where the article names "Viktor Orban": two people side by side
            head, tail = doc[m.first:m.last], doc[m.last]
            result.append(Mention(head.start_char, head.end_char, head.text, "PERSON", head.text, "name", head.root.i,
                                  m.first, m.last - 1))
            result.append(Mention(tail.idx, tail.idx + len(tail.text), tail.text, "PERSON", tail.text, "name", tail.i,
                                  tail.i, tail.i))
            continue
        if m.kind == "name" and m.type in ("LOCATION", "ORG") and not m.typed and (m.first == m.last and m.surface in parts or
                                                                 m.first < m.last and fold(m.surface) in tails or
                                                                 given_names_before(doc, m, persons, lex)):
            from dataclasses import replace
            m = replace(m, type="PERSON", key=parts.get(m.surface, m.surface) if m.first == m.last else m.surface)
        result.append(m)
    taken = {i for m in result for i in range(m.first, m.last + 1)}

    def add(first, last, etype, key, kind, typed=""):
        span = doc[first:last + 1]
        result.append(Mention(span.start_char, span.end_char, span.text, etype, key, kind, last, first, last, typed))
    known_names(doc, lex, taken, result, add, persons)
    article_compounds(doc, taken, result, orgs, parts)
    article_acronyms(doc, taken, result, orgs)
    party_nicknames(doc, taken, result, set(dict(orgs).values()) | {m.key for m in result if m.type == "ORG"}, lex)
    result.sort(key=lambda m: (m.start, m.end))
    return result


def east_asian_names(doc, ents, lex) -> list:
    """(first, last) of names opened by an East Asian surname and two to four capitalised parts no lexicon
    knows: "Xi Jinping", "Nguyen Tan Dung", "Aung San Suu Kyi". Parts that are German words ("Park Hotel")
    count only where the NER tagged a person there; a surname inside a longer person name is no opener."""
    persons = {k for e in ents if e.label_ in ("PER", "PERSON") for k in range(e.start, e.end)}
    starts = {e.start for e in ents if e.label_ in ("PER", "PERSON")}     # another person begins
    found, i = [], 0
    while i < len(doc):
        if doc[i].text not in lex.east_asian_surnames or \
                i > 0 and (i - 1 in persons or doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() or
                           is_given_name(doc[i - 1], lex)):      # "Min Aung Hlaing", "Spike Lee"
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and end not in starts and (doc[end].is_alpha or KOREAN_GIVEN_NAME.match(doc[end].text)) \
                and doc[end].text[:1].isupper() and not doc[end].text.isupper() and len(doc[end].text) <= 8 \
                and not lexicon_token(doc[end], lex) and not lex.title_relation(doc[end].text):
            end += 1
        words = [doc[k].text for k in range(i, end)]
        german = any(w in noun_forms() or w in word_forms() or w.lower() in word_forms() for w in words[1:]) or \
            words[0] in noun_forms()
        if end - i >= 2 and (not german or i in persons):
            found.append((i, end - 1))
            i = end
        else:
            i += 1
    return found


def party_nicknames(doc, taken, result, named, lex) -> None:
    """"die Roten", "der Tiroler Roten": the one listed party the article names itself (party_nicknames.tsv)."""
    for token in doc:
        parties = [p for p in lex.party_nicknames.get(token.text, ()) if p in named]
        if len(parties) != 1 or token.i in taken or token.i == 0:
            continue
        before = [t.lower_ for t in doc[max(0, token.i - 2):token.i]]
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if not (before[-1] in PLURAL_ARTICLES or len(before) == 2 and before[0] in PLURAL_ARTICLES and
                doc[token.i - 1].text[:1].isupper() and doc[token.i - 1].pos_ in ("ADJ", "PROPN")):
            continue
        if after is not None and after.text[:1].isupper() and after.pos_ in ("NOUN", "PROPN"):
            continue                      # "die Roten Khmer", "die Blauen Helme"
        taken.add(token.i)
        result.append(Mention(token.idx, token.idx + len(token.text), token.text, "ORG", parties[0], "lexicon",
                              token.i, token.i, token.i))


def article_compounds(doc, taken, result, orgs, persons=None) -> None:
    """Hyphen compounds whose first part is an organisation ("HDP-Chef") or a person's surname
    ("Entholzer-Kritiker") named elsewhere in the article."""
    if not orgs and not persons:
        return
    for token in doc:
        if token.i in taken or "-" not in token.text[1:-1]:
            continue
        prefix = token.text.split("-", 1)[0]
        if prefix in orgs:
            etype, key = "ORG", orgs[prefix]
        elif persons and prefix in persons and not prefix.endswith("s"):
            etype, key = "PERSON", persons[prefix]
        else:
            continue
        result.append(Mention(token.idx, token.idx + len(prefix), prefix, etype, key, "compound",
                              token.i, token.i, token.i))


LINKERS = {"for", "of", "and", "on", "the", "de", "du", "des", "la", "&"}
FOREIGN_ARTICLES = {"La", "Le", "Les", "El", "Il", "The", "Het", "Los", "Las"}


def joined_entities(doc, lex=None):
    """NER spans, with English-style names split at function words joined again
    ("German Institute" + "for Defence and" + "Strategic Studies")."""
    from spacy.tokens import Span
    ents = list(doc.ents)
    result, i = [], 0
    while i < len(ents):
        ent = ents[i]
        end, label = ent.end, ent.label_
        if label in ("ORG", "MISC") and ent.start > 0 and doc[ent.start - 1].text in FOREIGN_ARTICLES and \
                not doc[ent.start - 1].ent_type_ and not doc[ent.start - 1].is_sent_start:
            ent = Span(doc, ent.start - 1, end, label=label)      # "La" + "Dernière Heure", "The" + "Guardian"
        while label in ("ORG", "MISC"):
            j = end
            linkers = LINKERS | (GERMAN_LINKERS if lex is not None and doc[end - 1].text in lex.org_heads else set())
            while j < len(doc) and doc[j].lower_ in linkers and doc[j].text[:1].islower():
                j += 1
            if j == end or j >= len(doc) or not doc[j].text[:1].isupper():
                break
            k = j
            while k < len(doc) and doc[k].text[:1].isupper() and not doc[k].is_punct:
                k += 1
            end = k
            while i + 1 < len(ents) and ents[i + 1].start < end:
                end = max(end, ents[i + 1].end)
                i += 1
        result.append(ent if end == ent.end else Span(doc, ent.start, end, label=label))
        i += 1
    return result
