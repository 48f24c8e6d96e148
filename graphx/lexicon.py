"""Loads the data files in graphx/lexicons/ (states, adjectives, metonyms, organisations, titles, cues)."""
from __future__ import annotations

import bisect
import functools
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
NOUN_ENDINGS = ("", "n", "en", "s", "in", "innen", "nen")
# An inflected adjective inside a name ("Europäische", "Auswärtiges", "Vereinte", "Oberster", "Neue"), first
# letter lowered: stem and ending
NAME_ADJECTIVE = re.compile(r"^([a-zäöüß-]*(?:sch|ig|igt|al|ell|iv|lich|är|ent|eint|iert|sam|ein|neu|frei|ober|"
                            r"oberst|hoh|rot|weiß|groß|klein))(e|er|es|en)$")


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case- and dash-insensitive key for lookups (cached: called for every token and span)."""
    text = unicodedata.normalize("NFC", text).casefold()
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2212":
        text = text.replace(dash, "-")
    return " ".join(text.split())


def rows(name: str):
    with open(LEXICON_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def place_match(key: str, nouns) -> bool:
    nouns = as_set(nouns)           # the noun itself, or a compound ending in it after 3+ letters
    return key in nouns or any(key[k:] in nouns for k in range(3, len(key) + 1))


_SETS = {}


def as_set(items) -> frozenset:
    """`items` (a lexicon tuple) as a frozenset, made once per tuple: a suffix test then costs one set
    lookup per letter instead of an endswith per entry."""
    entry = _SETS.get(id(items))
    if entry is None or entry[0] is not items or entry[1] != len(items):
        entry = _SETS[id(items)] = (items, len(items), frozenset(items))
    return entry[2]


def ends_with_any(key: str, words, shortest_rest: int = 0) -> bool:
    """any(key.endswith(w) and len(key) >= len(w) + shortest_rest for w in words), one lookup per letter."""
    words = as_set(words)
    return any(key[k:] in words for k in range(shortest_rest, len(key) + 1))


def per_word(method):
    """Cache a Lexicon helper's answer per word: the lexicon never changes once loaded."""
    name = method.__name__

    @functools.wraps(method)
    def cached(self, word):
        key = (name, word)
        if key not in self._memo:
            if len(self._memo) > 400_000:
                self._memo.clear()
            self._memo[key] = method(self, word)
        return self._memo[key]
    return cached


@dataclass(frozen=True)
class Cue:
    lemma: str
    relation: str
    source: tuple
    target: tuple
    requires: tuple = ()
    is_noun: bool = False
    unless: tuple = ()
    person_target: str = ""      # the relation when the target is a person ("angreifen": criticizes)


@dataclass
class Lexicon:
    states: dict = field(default_factory=dict)        # folded form -> canonical state
    state_names: set = field(default_factory=set)     # canonical state names
    adjectives: dict = field(default_factory=dict)    # folded inflected adjective -> state
    region_adjectives: dict = field(default_factory=dict)  # "niederösterreichischen" -> Niederösterreich
    demonyms: dict = field(default_factory=dict)      # folded inflected inhabitant noun -> state
    metonyms: dict = field(default_factory=dict)      # folded form -> (state, kind)
    orgs: dict = field(default_factory=dict)          # folded form -> canonical org
    org_parent: dict = field(default_factory=dict)    # canonical org -> state
    caps_only: dict = field(default_factory=dict)     # folded form -> form that only counts in capitals
    party_nicknames: dict = field(default_factory=dict)  # "Roten" -> (SPÖ, SPD), see party_nicknames.tsv
    east_asian_surnames: frozenset = frozenset()      # "Xi", "Nguyen": open a person name (east_asian_surnames.txt)
    org_metonyms: dict = field(default_factory=dict)  # "brüssel" -> EU as a clause subject (org_metonyms.tsv)
    compound_orgs: dict = field(default_factory=dict)  # "VP" -> ÖVP: prefixes that name an org only before a hyphen
    titles: dict = field(default_factory=dict)        # folded stem -> relation
    title_owners: dict = field(default_factory=dict)  # folded stem -> entity types the role belongs to
    title_exceptions: tuple = ()                      # words ending in a role stem that name no role
    verb_cues: dict = field(default_factory=dict)     # lemma (folded) -> [Cue]
    noun_cues: dict = field(default_factory=dict)     # lemma (folded) -> [Cue]
    verb_classes: dict = field(default_factory=dict)  # lemma -> {report, light, receive, ...}
    verb_forms: dict = field(default_factory=dict)    # form the lemmatizers get wrong -> lemma
    state_bodies: tuple = ()                          # nouns for bodies of a state
    not_names: set = field(default_factory=set)       # capitalised words that are never name parts
    unnamed_groups: set = field(default_factory=set)  # group nouns that name no one alone ("Militärjunta")
    geo_heads: set = field(default_factory=set)       # "Horn" in "Horn von Afrika"
    lower_forms: set = field(default_factory=set)     # organisation forms written in lower case ("dpa", "taz")
    org_heads: set = field(default_factory=set)       # head words of organisation names
    adverbs: set = field(default_factory=set)         # lower-case adverbs and conjunctions ("unterdessen")
    toponyms: frozenset = frozenset()                 # place names from WiktionaryDE ("Bayern")
    place_endings: tuple = ()                         # last parts of place names ("burg", "dorf")
    org_compound_heads: tuple = ()                    # folded heads that also end compounds ("gericht")
    org_alone_heads: tuple = ()                       # folded heads whose compounds are names alone
    org_fuer_heads: set = field(default_factory=set)  # heads with a "für" complement
    org_prefix_heads: set = field(default_factory=set)  # heads whose hyphen prefix is the name
    company_forms: frozenset = frozenset()           # "Holding", "AG": words after a firm's name
    org_fuer_compounds: tuple = ()                    # folded heads whose compounds take "für" ("Forschungsinstitut")
    org_genus: dict = field(default_factory=dict)     # folded head -> m, f or n
    not_org_compounds: set = field(default_factory=set)  # folded compounds that name no organisation
    descriptors: set = field(default_factory=set)     # folded descriptor nouns ("enklave"), see rows()
    facility_nouns: tuple = ()                        # "platz" in "Tiananmen-Platz" (facility_nouns.txt)
    sea_nouns: dict = field(default_factory=dict)     # "Meer" -> "n": "das Südchinesische Meer" (sea_nouns.tsv)
    actor_nouns: tuple = ()                           # people and groups acting for a state
    first_names: frozenset = frozenset()              # given names (from the NER training corpora)
    place_nouns: tuple = ()                           # nouns introducing a place name ("Region")
    place_plurals: tuple = ()                         # their plurals ("Regionen")
    membership_nouns: tuple = ()                      # nouns for what a person belongs to ("Partei")
    seat_nouns: tuple = ()                            # ruling bodies named by their seat ("Regierung in Kabul")
    leading_nouns: frozenset = frozenset()            # "unter der Führung von X": X leads
    verdicts: dict = field(default_factory=dict)      # judging word -> false | bad | both (verdicts.tsv)
    claim_nouns: tuple = ()                           # what someone claims ("Vorwurf", "Bericht")
    type_nouns: dict = field(default_factory=dict)    # folded noun -> (type, compound only), type_nouns.tsv
    common_terms: frozenset = frozenset()             # abbreviations that name no entity ("BIP", "ATX")
    _name_keys: tuple = ()                            # sorted keys of the name tables, for prefix tests
    _memo: dict = field(default_factory=dict)         # (helper, word) -> result, see per_word

    @per_word
    def starts_a_name(self, key: str) -> bool:
        """Does any state, metonym, organisation or demonym form start with the folded `key`?"""
        if not self._name_keys:
            self._name_keys = tuple(sorted({*self.states, *self.metonyms, *self.orgs, *self.demonyms}))
        at = bisect.bisect_left(self._name_keys, key)
        return at < len(self._name_keys) and self._name_keys[at].startswith(key)

    def verb_class(self, lemma: str, name: str) -> bool:
        return name in self.verb_classes.get(fold(lemma), ())

    @per_word
    def is_state_body(self, word: str) -> bool:
        key = fold(word)
        bases = (key, key.removesuffix("s"), key.removesuffix("es"))
        return any(ends_with_any(base, self.state_bodies) for base in bases)

    @per_word
    def is_actor_noun(self, word: str) -> bool:
        """Does a derived adjective on this noun name the acting state ("nordkoreanische Soldaten")?"""
        key = fold(word)
        for ending in ("", "en", "n", "e", "es", "s"):
            base = key[: len(key) - len(ending)] if ending and key.endswith(ending) else key
            if ends_with_any(base, self.actor_nouns):
                return True
        hit = self.title_relation(word)         # a role a state can have ("Minister", not "Aktivist")
        return self.is_state_body(word) or bool(hit and "STATE" in self.title_owners.get(hit[0], {"STATE"}))

    @per_word
    def is_place_noun(self, word: str) -> bool:
        """"Region", "Hafenstadt", "Provinzhauptstädte"."""
        return self.is_place_plural(word) or place_match(fold(word), self.place_nouns)

    @per_word
    def is_place_plural(self, word: str) -> bool:
        """A place noun in the plural, which may name several places ("die Provinzhauptstädte Goma und Bukavu")."""
        return place_match(fold(word), self.place_plurals)

    @per_word
    def is_leading_noun(self, word: str) -> bool:
        """"Kommando", "Führung", "Leitung": "unter der Führung von X" makes X the leader."""
        return fold(word) in self.leading_nouns

    @per_word
    def is_seat_noun(self, word: str) -> bool:
        """"Regierung", "Junta": a ruling body that "in <capital or state>" names ("die Regierung in Kabul")."""
        key = fold(word)
        return ends_with_any(key, self.seat_nouns)

    @per_word
    def is_membership_noun(self, word: str) -> bool:
        """"Partei", "Regierungspartei", "Fraktion": what a person with a possessive belongs to."""
        key = fold(word)
        bases = [key] + [key[:-len(e)] for e in ("en", "n", "s", "es") if key.endswith(e)]   # "Parteien"
        return any(ends_with_any(base, self.membership_nouns) for base in bases)

    def state_prefix(self, surface: str):
        """The state an organisation's name starts with: a hyphen prefix ("US-Außenministerium") or a
        derived adjective ("Afghanisches Verteidigungsministerium"), else None."""
        parts = surface.split("-")
        for cut in range(len(parts) - 1, 0, -1):
            key = fold("-".join(parts[:cut]))
            if key in self.states:
                return self.states[key]
            if key in self.metonyms:
                return self.metonyms[key][0]
        words = surface.split()
        return self.adjectives.get(fold(words[0])) if len(words) > 1 else None

    @per_word
    def org_head(self, word: str):
        """'head' for an organisation head word ("Stiftung", "Rates"), 'compound' for a compound ending
        in one ("Kulturbüro"), 'alone' for one that is a name by itself ("Verwaltungsgericht",
        "UNO-Menschenrechtsrat"), else None."""
        word = word.rsplit("-", 1)[-1] if "-" in word[1:] else word
        for ending in ("", "s", "es"):
            base = word[: len(word) - len(ending)] if ending else word
            if not ending or word.endswith(ending):
                if base in self.org_heads:
                    return "head"
                key = fold(base)
                if key in self.descriptors or any(key[k:] in self.not_org_compounds for k in range(len(key) + 1)) or \
                        self.title_relation(base):
                    return None
                if ends_with_any(key, self.org_alone_heads, 3):
                    return "alone"
                if ends_with_any(key, self.org_compound_heads, 3):
                    return "compound"
        return None

    @per_word
    def noun_type(self, word: str):
        """The entity type a noun gives the name beside it ("Versicherung", "Chipkonzerns" -> ORG,
        "Oligarchen" -> PERSON, "Jihadistenhochburg" -> LOCATION), else None."""
        key = fold(word)
        last = key.rsplit("-", 1)[-1]
        for ending in ("", "s", "es", "n", "en", "e", "in", "innen", "nen"):
            if ending and not last.endswith(ending):
                continue
            base = last[: len(last) - len(ending)] if ending else last
            for cut in range(len(base) - 3):
                hit = self.type_nouns.get(base[cut:])
                if hit and (cut >= 2 or (cut == 0 and (not hit[1] or last != key))):
                    return hit[0]
        return None

    def introduces_org(self, word: str) -> bool:
        """A noun after which a name is an organisation's ("Zeitung", "Erdölkonzerns", "Gruppe")."""
        return self.noun_type(word) == "ORG"

    @per_word
    def is_descriptor(self, word: str) -> bool:
        """A noun that describes the name after it ("Enklave", "Bundesstaates", "Schwarzmeerort")."""
        key = fold(word)
        return any(key.endswith(e) and key[:len(key) - len(e)] in self.descriptors for e in ("", "s", "es", "n", "en")) or \
            self.is_place_noun(word)

    def org_of(self, surface: str):
        """The canonical organisation a surface form names, or None ("Zeit" is not "ZEIT")."""
        key = fold(surface)
        if key in self.caps_only and surface.strip() != self.caps_only[key]:
            return None
        return self.orgs.get(key)

    def state_of(self, surface: str):
        """The state a name, adjective, demonym or seat of power stands for, or None."""
        key = fold(surface)
        for table in (self.states, self.adjectives, self.demonyms):
            if key in table:
                return table[key]
        return None

    @per_word
    def title_relation(self, word: str):
        """(stem, relation) when `word` is a role noun (possibly a compound ending in one)."""
        key = fold(word)
        for ending in ("innen", "in", "en", "n", "s", ""):
            base = key[: len(key) - len(ending)] if ending and key.endswith(ending) else (key if not ending else None)
            if not base:
                continue
            best = None             # the longest stem the base ends with
            for k in range(len(base) + 1):
                if base[k:] in self.titles:
                    best = (base[k:], self.titles[base[k:]])
                    break
            if best and any((base.endswith(word) or key.endswith(word)) and len(word) > len(best[0])
                            for word in self.title_exceptions):
                return None                 # "Begleiter" ends with "leiter" but is no role
            if best:
                return best
        return None

    def supply_goods(self) -> frozenset:
        """What a supply names ("waffe", "soldat"): the words the supplies cues require (computed once)."""
        if "supply_goods" not in self._memo:
            self._memo["supply_goods"] = frozenset(
                r for cues in list(self.verb_cues.values()) + list(self.noun_cues.values())
                for c in cues if c.relation == "supplies" for r in c.requires)
        return self._memo["supply_goods"]

    @per_word
    def noun_cue(self, word: str):
        """Noun cues for a noun, matching compounds by their last part ('Raketenangriff')."""
        key = fold(word)
        bases = [key] + [key[:-len(e)] for e in ("innen", "in", "n", "en") if key.endswith(e) and len(key) > len(e) + 3]
        for base in bases:         # female and plural agent nouns: "Kritikerin", "Kritikerinnen"
            if base in self.noun_cues:
                return self.noun_cues[base]
        for base in bases:         # the longest cue lemma it ends with, after at least 2 letters
            for k in range(2, len(base) + 1):
                if base[k:] in self.noun_cues and (k > 2 or base[:2].capitalize() in common_nouns()):  # "Ölembargo"
                    return self.noun_cues[base[k:]]
        return []


def inflect(stem: str, endings) -> list:
    return [stem + e for e in endings]


def name_variants(form: str) -> list:
    """`form` inflected as a name is: its adjectives in every ending ("Europäische Union" -> "Europäischen
    Union") and, before a lower-case linker, the head noun in the genitive ("Europäischen Gerichtshofs für
    Menschenrechte", "Ministeriums für Staatssicherheit"). Words after the linker stay as they are."""
    words = form.split(" ")
    lower = next((k for k, word in enumerate(words) if word[:1].islower()), len(words))
    stems = {}
    for k in range(min(lower, len(words)) - 1):
        match = NAME_ADJECTIVE.match(words[k][:1].lower() + words[k][1:])
        if match and words[k + 1][:1].isupper():
            stems[k] = words[k][:1] + match.group(1)[1:]
    head = words[lower - 1] if 0 < lower < len(words) else ""
    heads = ("",) if not head[-1:].isalpha() else ("", "s") if head[-1] in "aeiouy" else ("", "s", "es")
    variants = []
    for ending in ("",) + (ADJ_ENDINGS[1:] if stems else ()):
        for genitive in heads:
            changed = [stems[k] + ending if ending and k in stems else w for k, w in enumerate(words)]
            if genitive:
                changed[lower - 1] += genitive
            variants.append(" ".join(changed))
    return list(dict.fromkeys(variants))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    lex = Lexicon()
    for canonical, _code, forms in rows("states.tsv"):
        lex.state_names.add(canonical)
        for form in forms.split("|") + [canonical]:
            for name in name_variants(form):
                for variant in (name, name + "s", name + "es"):
                    lex.states.setdefault(fold(variant), canonical)
    for row in rows("state_adjectives.tsv"):
        stem, state = row[0], row[1]
        for form in inflect(stem, ADJ_ENDINGS):
            lex.adjectives[fold(form)] = state
        for demonym in (row[2].split(",") if len(row) > 2 and row[2] else []):
            demonym = demonym.strip()
            base = demonym[:-1] if demonym.endswith("e") and not demonym.endswith("ee") else demonym
            forms = {demonym, demonym + "n", demonym + "s", demonym + "innen", base + "in", base + "innen",
                     demonym + "en"}
            for form in forms:
                lex.demonyms[fold(form)] = state
    for stem, region in rows("region_adjectives.tsv"):
        for form in inflect(stem, ADJ_ENDINGS):
            lex.region_adjectives[form] = region
    lex.org_metonyms = {fold(form): org for form, org in rows("org_metonyms.tsv")}
    for form, state, kind in rows("metonyms.tsv"):
        lex.metonyms[fold(form)] = (state, kind)
        lex.metonyms.setdefault(fold(form + "s"), (state, kind))
        if form[-1] not in "aeiousßxz" and " " not in form:
            lex.metonyms.setdefault(fold(form + "es"), (state, kind))     # "des Bundeskanzleramtes"
    listed = set()                                   # keys of forms written in the file (not derived)
    for row in rows("organizations.tsv"):
        canonical, forms = row[0], row[1].split("|")
        lex.compound_orgs.update((f[:-1], canonical) for f in forms if f.endswith("-"))    # "VP-Klubchef"
        forms = [f for f in forms if not f.endswith("-")]
        lex.lower_forms.update(f for f in forms if f.isalpha() and f.islower())      # "dpa", "taz"
        if len(row) > 2 and row[2]:
            lex.org_parent[canonical] = row[2]
        for form in [name for form in forms for name in name_variants(form)]:
            key = fold(form)
            capitals = form.isupper() and form.capitalize() not in forms    # "ZEIT" is the paper, "Zeit" is time
            if capitals and key not in listed:
                lex.caps_only[key] = form
            elif not capitals:
                lex.caps_only.pop(key, None)
            listed.add(key)
            lex.orgs[key] = canonical
            # a genitive -s/-es ("Googles"), not on plurals or adjectives ("Grünes Licht"), lower-case after capitals
            adjective = form.endswith("e") and form + "n" in forms           # "Grüne", "Grünen"
            for genitive in () if form.endswith("en") or adjective else ("s", "es"):
                if fold(form + genitive) not in listed:
                    lex.orgs.setdefault(fold(form + genitive), canonical)
                    if capitals:                    # "ORFs"; not "Bildes", "ISS", "AUS"
                        lex.caps_only.setdefault(fold(form + genitive), form + genitive)
    lex.party_nicknames = {row[0]: tuple(row[1].split("|")) for row in rows("party_nicknames.tsv")}
    for row in rows("titles.tsv"):
        lex.titles[fold(row[0])] = row[1]
        lex.title_owners[fold(row[0])] = set(row[2].split(",")) if len(row) > 2 and row[2] else {"STATE", "ORG"}
    if (LEXICON_DIR / "title_exceptions.txt").exists():
        lex.title_exceptions = tuple(fold(row[0]) for row in rows("title_exceptions.txt"))
    for lemma, name in rows("verbs.tsv"):
        lex.verb_classes.setdefault(fold(lemma), set()).add(name)
    if (LEXICON_DIR / "verb_forms.tsv").exists():
        lex.verb_forms = {form: fold(lemma) for form, lemma in rows("verb_forms.tsv")}
    lex.state_bodies = tuple(fold(row[0]) for row in rows("state_bodies.txt"))
    lex.not_names = {fold(row[0]) for row in rows("not_names.txt")}
    lex.unnamed_groups = {fold(row[0]) for row in rows("unnamed_groups.txt")}
    lex.geo_heads = {row[0] for row in rows("geo_heads.txt")}
    for row in rows("org_heads.txt"):
        if row[0].startswith("!"):
            lex.not_org_compounds.add(fold(row[0][1:]))
            continue
        lex.org_heads.add(row[0])
        flags = set(row[1].split(",")) if len(row) > 1 else set()
        if "compound" in flags:
            lex.org_compound_heads += (fold(row[0]),)
        if "alone" in flags:
            lex.org_alone_heads += (fold(row[0]),)
        if "für" in flags:
            lex.org_fuer_heads.add(row[0])
            if "compound" in flags:
                lex.org_fuer_compounds += (fold(row[0]),)
        if "prefix" in flags:
            lex.org_prefix_heads.add(row[0])
        for genus in flags & {"m", "f", "n"}:
            lex.org_genus[fold(row[0])] = genus
    lex.descriptors = {fold(row[0]) for row in rows("descriptor_nouns.txt")}
    lex.facility_nouns = tuple(fold(row[0]) for row in rows("facility_nouns.txt"))
    lex.sea_nouns = {noun: genus for noun, genus in rows("sea_nouns.tsv")}
    lex.company_forms = frozenset(row[0] for row in rows("company_forms.txt"))
    lex.adverbs = {row[0] for row in rows("adverbs.txt")}
    lex.toponyms = frozenset(row[0] for row in rows("toponyms.txt"))
    lex.place_endings = tuple(row[0] for row in rows("place_endings.txt"))
    lex.actor_nouns = tuple(fold(row[0]) for row in rows("actor_nouns.txt"))
    lex.first_names = frozenset(row[0] for row in rows("first_names.txt"))
    lex.east_asian_surnames = frozenset(row[0] for row in rows("east_asian_surnames.txt"))
    lex.place_nouns = tuple(fold(row[0]) for row in rows("place_nouns.txt"))
    lex.place_plurals = tuple(fold(row[1]) for row in rows("place_nouns.txt") if len(row) > 1)
    lex.membership_nouns = tuple(fold(row[0]) for row in rows("membership_nouns.txt"))
    lex.seat_nouns = tuple(fold(row[0]) for row in rows("seat_nouns.txt"))
    lex.leading_nouns = frozenset(fold(row[0]) for row in rows("leading_nouns.txt"))
    lex.verdicts = {row[0]: row[1] for row in rows("verdicts.tsv")}
    lex.claim_nouns = tuple(row[0] for row in rows("claim_nouns.txt"))
    lex.common_terms = frozenset(row[0] for row in rows("common_terms.txt"))
    lex.type_nouns = {fold(row[0]): (row[1], len(row) > 2 and row[2] == "compound") for row in rows("type_nouns.tsv")}
    with open(LEXICON_DIR / "cues.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            if "lemma" not in item:
                continue
            cue = Cue(lemma=item["lemma"], relation=item["relation"], source=tuple(item["source"]),
                      target=tuple(item["target"]), requires=tuple(item.get("requires", ())),
                      unless=tuple(item.get("unless", ())), person_target=item.get("person_target", ""),
                      is_noun=item["lemma"][:1].isupper())
            table = lex.noun_cues if cue.is_noun else lex.verb_cues
            table.setdefault(fold(cue.lemma), []).append(cue)
    return lex


MODEL_LEMMA_TABLE = Path(__file__).resolve().parent / "models" / "de_graphx" / "graphx_lemma_lookup" / "table.json.gz"


@lru_cache(maxsize=4)
def lemma_table(path: str) -> dict:
    """A lemma table saved by the graphx_lemma_lookup component (form -> lemma, no identity entries),
    parsed once (0.3 s): the loaded component and word_forms() share it. Callers must not change it."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def word_forms() -> dict:
    """spacy-lookups-data's German lemma table (inflected form -> lemma) as a plain dict: the model's
    copy (shared with its lemma component) plus the forms that are their own lemma
    (lexicons/lemma_identities.txt); without the model, the package's own table, or {}. Its keys are
    common German words."""
    try:
        table = lemma_table(str(MODEL_LEMMA_TABLE))
        with open(LEXICON_DIR / "lemma_identities.txt", encoding="utf-8") as handle:
            same = [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]
        forms = dict(table)
        forms.update(zip(same, same))
        return forms
    except (OSError, ValueError):
        pass
    try:
        import spacy_lookups_data  # noqa: F401
        from spacy.util import load_language_data, registry
        return dict(load_language_data(registry.lookups.get("de")["lemma_lookup"]))
    except (ImportError, ValueError, OSError, KeyError, TypeError):
        return {}


@lru_cache(maxsize=1)
def common_nouns() -> frozenset:
    """Capitalised lemmas of word_forms() that inflect beyond a genitive -s ("Film": "Filme"): common
    nouns. Given names only have genitives there ("Alexanders")."""
    return frozenset(lemma for form, lemma in word_forms().items()
                     if lemma[:1].isupper() and form not in (lemma + "s", lemma + "es") and form != lemma)


@lru_cache(maxsize=1)
def noun_forms() -> frozenset:
    """Inflected forms of ordinary German nouns ("Budget", "Impulse"; lexicons/common_nouns.txt.gz,
    from WiktionaryDE): no forms that are also names. Empty when the file is missing."""
    try:
        with gzip.open(LEXICON_DIR / "common_nouns.txt.gz", "rt", encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return frozenset()
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def gazetteer_places() -> frozenset:
    """City, country and region names of the NER's gazetteer (graphx/model/gazetteer/places.txt: GeoNames,
    CLDR, Faker): a word listed there is a place even when it is also a German noun ("Eisenerz")."""
    path = LEXICON_DIR.parent / "model" / "gazetteer" / "places.txt"
    try:
        with open(path, encoding="utf-8") as handle:
            return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))
    except OSError:
        return frozenset()
