"""Shared vocabulary of the relation rules: dependency labels, closed word classes, sentences
and the clause bounds every construction reads arguments in."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from graphx.lexicon import fold

SUBJ = {"nsubj", "sb"}
SUBJ_PASS = {"nsubj:pass"}
OBJ = {"obj", "oa", "dobj"}
DAT = {"iobj", "da", "obl:arg"}
OBLIQUE = {"obl", "obl:arg", "nmod", "obl:agent", "advmod", "mo", "op", "pg"}
CLAUSE_DEPS = {"acl", "acl:relcl", "ccomp", "xcomp", "advcl", "parataxis", "csubj", "csubj:pass"}
NEGATIONS = {"nicht", "nie", "niemals", "keineswegs", "nimmer"}
LITOTES = {"sparen", "geizen", "zurückhalten"}     # "sparte nicht mit Kritik": the negation affirms
CONTRACTIONS = {"im": "in", "ins": "in", "beim": "bei", "vom": "von", "zum": "zu", "zur": "zu", "am": "an",
                "ans": "an", "aufs": "auf", "übers": "über", "fürs": "für"}
ACCORDING_TO = {"laut", "gemäß", "zufolge"}
PARTICLES = {"ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "gegenüber", "her", "hin", "los",
             "mit", "nach", "vor", "vorbei", "weg", "zu", "zurück", "zusammen", "entgegen", "hervor", "heraus", "bereit"}
CLAUSE_END = {".", "!", "?", ";", ":"}
BOTH_NOUNS = {"staaten", "länder", "seiten", "regierungen", "nachbarn", "partner"}
SPEECH_ACTS = {"accuses", "criticizes", "denies"}
CONTENT_MARKS = {"dass", "daß", "wonach", "ob"}    # a clause stating what is claimed or denied
REASONS = {"da", "weil", "denn", "obwohl", "obgleich", "nachdem", "bevor", "während", "als"}   # adverbial clauses
GENITIVE_OWNERS = {"des", "der", "seines", "seiner", "ihres", "ihrer", "eines", "einer", "dessen", "deren"}
HYPOTHETICAL = {"ob", "falls", "sofern", "wenn", "sollte", "sollten"}
INTENT_MODALS = {"wollen", "möchten"}          # "will ... treffen": intended, not done
UNREAL = ("möglich", "etwaig", "eventuell", "potenziell", "potentiell", "denkbar", "geplant", "angedroht",
          "drohend", "befürchtet")      # on a noun cue: not (yet) real ("mögliche Sanktionen")
WERDEN = {"werden", "wird", "wurde", "wurden", "worden", "werde", "würde", "würden", "wirst", "wurdest"}
TYPE_RANK = {"PERSON": 0, "ORG": 1, "STATE": 2, "LOCATION": 3}
DASHES = {"–", "—", "-"}
ENVOYS = ("botschafter", "gesandte", "vertreter", "diplomat", "delegierte", "emissär")  # posted to an org, acting for a state
UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}
RECIPROCAL = ("gegenseitig", "wechselseitig", "einander")     # "X und Y warfen sich gegenseitig ... vor"
# "am Dienstag Israel": a name after a time noun is no apposition of it (the parser's misreading)
TIME_NOUNS = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "wochenende",
              "montagabend", "dienstagabend", "mittwochabend", "donnerstagabend", "freitagabend", "samstagabend",
              "sonntagabend", "vormittag", "nachmittag", "abend", "morgen", "mittag", "januar", "jänner", "februar",
              "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember",
              "vortag", "vorabend", "vorwoche", "anfang", "ende", "mitte"}



@dataclass
class Sentence:
    span: object
    offset: int          # of the doc inside the article text

    @cached_property
    def text(self) -> str:
        return self.span.text

    @cached_property
    def words(self) -> frozenset:
        """The sentence's words, lower-cased, and their folded lemmas (what a cue's 'requires' looks for)."""
        return frozenset({fold(t.lemma_) for t in self.span} | {t.lower_ for t in self.span})

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")"}
PHRASE_BREAKS = {",", ";", ":", "–", "—", "(", ")", ".", "!", "?", '"', "„", "“", "»", "«"}
INFLECTED = ("e", "en", "er", "es", "em")     # endings of an attributive adjective or participle
RELATIVE_PRONOUNS = {"der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welcher", "welche", "welches"}
DEMONSTRATIVES = {"dies", "das", "dieses"}
POSSESSIVES = ("sein", "ihr")                 # 3rd-person possessive stems: "seinem", "ihren"    # "Dies sagte X": the object, before the subject


def all_pairs(names) -> list:
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]


def clause_bounds(doc, i, span):
    """Token range of the clause around token i: between commas, colons, dashes, brackets."""
    start, end = i, i + 1
    while start > span.start:
        before = doc[start - 1].text
        if before == ")":                   # a bracketed aside is part of the clause around it
            opening = next((j for j in range(start - 2, span.start - 1, -1) if doc[j].text == "("), None)
            if opening is not None:
                start = opening
                continue
        if before in CLAUSE_BREAKS:
            break
        start -= 1
    while end < span.end:
        if doc[end].text == "(":
            closing = next((j for j in range(end + 1, span.end) if doc[j].text == ")"), None)
            if closing is not None:
                end = closing + 1
                continue
        if doc[end].text in CLAUSE_BREAKS:
            break
        end += 1
    return start, end

