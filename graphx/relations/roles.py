"""Roles: leader_of / member_of from role nouns next to person names, party brackets, possessive
parties, verbs of leading and belonging, and bodies of a state.

Where a construction is a pattern over tokens or the parse, it is data: lexicons/role_patterns.jsonl
(spaCy Matcher / DependencyMatcher, read by relations/role_patterns.py): a role noun right before the
name, an apposition after it, a party in brackets, "X vom/von der Y", "Merkels CDU", "an der Spitze
von Y steht X", "X, der Y leitet", "X, der für Y im Z sitzt", "X gehört Y an", "X regiert Y", "X wurde
zum Vorsitzenden der Y gewählt". Code keeps what needs windows and lexicon lookups a pattern cannot say:
- the apposition before the name ("der Sprecher des US-Außenministeriums, John Kirby"): back from the
  comma to the previous break, verb, coordination or person, with brackets balanced;
- the copula ("Jeremic war zwischen 2007 und 2012 Außenminister Serbiens"): a verb of the copula class
  (verbs.tsv, with fallback lemmas) and every role noun of its predicate;
- the owners of a role noun (title_owners): a hyphen prefix, an adjective or genitive before it, a
  genitive or "von/bei/am/an" phrase after it, the antecedent of "deren"; failing those, for an office of
  a state (state_offices.txt), the one state its sentence names as a subject;
- "unter der Führung von X", bodies of a state or organisation.
Which label (leader_of or member_of) and which owner types a role allows come from lexicons/titles.tsv.
"""
from __future__ import annotations

from functools import lru_cache

from graphx.lexicon import LEXICON_DIR, fold
from graphx.relations.role_patterns import find_matches, node_index
from graphx.relations.syntax import INFLECTED, PHRASE_BREAKS

ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"}
GENITIVE_ARTICLES = {"des", "der", "eines", "einer"}
# "Koordinator bei der Stiftung", "Analyst am ISW", "Dozentin an der Universität": works for the owner
MEMBER_PREPOSITIONS = {"bei", "beim", "am", "an"}
NAMED = ("name", "lexicon", "metonym")     # mentions by name (Mention.is_name), not by adjective or compound
DASHES = ("-", "–", "—")
# "deren Chef X", "die FPÖ und ihr Kandidat X": the owner is the organisation or state named just before
POSSESSIVES = {"deren", "dessen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "sein", "seine", "seinen",
               "seinem", "seiner", "seines"}
# "nach Angaben des Sprechers von X, Y": the genitive names the speaker, the apposition is his
SOURCE_NOUNS = {"angaben", "worten", "ansicht", "einschätzung", "darstellung", "aussage", "aussagen", "auffassung"}
# an envoy named with an organisation ("UN-Botschafter") is sent to it by the state named with him
ENVOYS = ("botschafter", "gesandte", "sondergesandte", "sonderbeauftragte")
# the head of these bodies of a state leads the state; the head of any other body is a member of it
GOVERNING_BODIES = ("regierung", "kabinett", "junta", "staatsführung")
LEADING_PREFIXES = ("staats", "regierungs", "bundes", "general", "minister", "premier", "partei", "fraktions")


@lru_cache(maxsize=2)
def offices(name="state_offices") -> tuple:
    """Folded stems of lexicons/<name>.txt."""
    with open(LEXICON_DIR / f"{name}.txt", encoding="utf-8") as handle:
        return tuple(fold(line.strip()) for line in handle if line.strip() and not line.startswith("#"))


def state_offices() -> tuple:
    return offices("state_offices")


class RoleRelations:
    """Role relations (mixed into RelationFinder)."""

    def role_relations(self, sentence) -> list:
        """leader_of / member_of from role nouns next to names, party brackets and state bodies."""
        found = []
        span = sentence.span
        for index in self.mentions_in(span):
            m = self.mentions[index]
            name = self.names[index]
            if m.type == "PERSON":
                roles, owned = self.matched_roles(m, span)
                for title, relation in list(dict.fromkeys(roles + self.role_nouns_of(m, span))):
                    stem = self.lex.title_relation(title.text)[0]
                    allowed = self.lex.title_owners.get(stem, {"STATE", "ORG"}) & {"STATE", "ORG"}
                    owners = self.title_owners(title, m, span)
                    if not owners and stem.endswith(state_offices()):
                        owners = self.state_of_sentence(span) or self.dateline_state(span)
                    elif not owners and stem.endswith(offices("org_offices")):
                        owners = self.organisation_of_sentence(span, title)
                    for owner in owners:
                        if owner != name and self.types.get(owner) in allowed:
                            # "Chef der israelischen Armee": the head of a body is a member of the state
                            label = "member_of" if relation == "leader_of" and self.types.get(owner) == "STATE" \
                                and title.i in getattr(self, "body_roles", ()) else relation
                            found.append(self.role_relation(sentence, name, label, owner, title))
                for relation, org, cue in owned:
                    if org != name:
                        found.append(self.role_relation(sentence, name, relation, org, cue))
                for org, cue in self.led_by(m, span):
                    if org != name:
                        found.append(self.role_relation(sentence, name, "leader_of", org, cue))
            elif m.type == "ORG":
                for body, state in self.state_of_body(m, span):
                    if state != name:
                        found.append(self.role_relation(sentence, name, "member_of", state, body))
                for body, parent in self.body_of_organisation(m, span):
                    if parent != name:
                        found.append(self.role_relation(sentence, name, "member_of", parent, body))
        unique = {}
        for relation in found:
            unique.setdefault((relation["source"], relation["relation"], relation["target"]), relation)
        return list(unique.values())

    def role_relation(self, sentence, person, relation, org, token):
        # a role named with the name ("Nato-Sprecherin X") is the writer's description, not a claim
        speaker, status = None, "stated"
        return {"source": person, "target": org, "relation": relation,
                "evidence": self.evidence(sentence, token, token.text, speaker, status)}

    # ------------------------------------------------------------ where the role noun stands

    def role_noun(self, token):
        """(token, relation) when the token is a capitalised role noun."""
        if not token.text[:1].isupper():
            return None
        hit = self.lex.title_relation(token.text)
        return (token, self.adjust_relation(token, hit)) if hit else None

    def role_nouns_of(self, m, span) -> list:
        """Role nouns that describe the person of mention m (see the module docstring)."""
        doc = self.doc
        result = []
        before = m.first - 1               # a role noun right before the name: pattern "title_before_name"
        if before >= span.start and doc[before].text == "," and self.ends_apposition(m, span):
            result += self.apposition_before(before, span)
        elif before >= span.start and self.role_noun(doc[before]) and self.ends_apposition(m, span):
            k = before - 1                 # "Der Vertreter der EU, der dänische Diplomat X,": both are X's
            while k >= span.start and (doc[k].pos_ == "ADJ" or doc[k].lower_ in ARTICLES):
                k -= 1
            if k >= span.start and doc[k].text == ",":
                result += self.apposition_before(k, span)
        result += self.copula_roles(m, span)
        return list(dict.fromkeys(result))

    # ------------------------------------------------------------ constructions said as patterns

    def role_matches(self) -> list:
        """The matches of lexicons/role_patterns.jsonl in the Doc, found once per Doc."""
        if getattr(self, "_role_matches", None) is None:
            self._role_matches = find_matches(self.doc, self.mentions,
                                              lambda token: (self.role_noun(token) or ("", ""))[1])
        return self._role_matches

    def matched_roles(self, m, span):
        """From the patterns, for the person of mention m: role nouns [(token, relation)] and
        relations with a named owner [(relation, owner, cue token)]."""
        doc = self.doc
        roles, owned = [], []
        for spec, positions, start, end in self.role_matches():
            if start < span.start or end > span.end:
                continue
            person = positions.get(node_index(spec, "person"), [])
            edge = spec.get("person_edge")
            if not person or not all(m.first <= i <= m.last for i in person) or \
                    (edge == "first" and person[0] != m.first) or (edge == "last" and person[-1] != m.last):
                continue
            if end < len(doc) and doc[end].text in spec.get("not_followed_by", ()):
                continue
            if spec.get("next_not_person") and self.names_a_person(end):
                continue
            if spec.get("not_dateline_bracket") and end < len(doc) and doc[end].text in DASHES and \
                    not any(t.text in DASHES and t.whitespace_ and doc[t.i - 1].whitespace_ for t in doc[span.start + 1:start]):
                continue                       # "15. Jan (Reuters) -": a dateline; "– Faymann (SPÖ) –" an aside
            if "not_negated" in spec and self.negated(doc[positions[node_index(spec, "not_negated")][0]]):
                continue
            if "asserted" in spec and self.unasserted(doc[positions[node_index(spec, "asserted")][0]], span):
                continue
            if "no_particle" in spec and any(c.dep_ in ("compound:prt", "svp") for c in
                                             doc[positions[node_index(spec, "no_particle")][0]].children):
                continue
            if "role" in spec:
                title = doc[positions[node_index(spec, "role")][0]]
                roles.append((title, title._.gx_role))
                continue
            cue = doc[positions[node_index(spec, "cue")][0]] if "cue" in spec else doc[m.last]
            owned += [(spec["relation"], owner, cue) for owner in self.pattern_owners(spec, positions, m)]
        return roles, owned

    def pattern_owners(self, spec, positions, m) -> list:
        """The owner's name at the pattern's "owner" tokens."""
        tokens = positions.get(node_index(spec, "owner"), [])
        if not tokens or any(m.first <= i <= m.last for i in tokens):
            return []
        types, kinds = spec.get("owner_types", ("ORG", "STATE")), spec.get("owner_kinds")
        if spec.get("owner_fills"):
            inside = self.mentions_between(tokens[0], tokens[-1] + 1)
            if len(inside) != 1 or self.mentions[inside[0]].first != tokens[0] or \
                    self.mentions[inside[0]].last != tokens[-1]:
                return []
            candidates = inside
        else:
            candidates = self.by_token.get(tokens[0], ())
        return [self.names[ix] for ix in candidates if self.mentions[ix].type in types
                and (not kinds or self.mentions[ix].kind in kinds)][:1]

    def ends_apposition(self, m, span) -> bool:
        j = m.last + 1
        return j >= span.end or self.doc[j].text in (",", ".", "(", ")", "–", ";", ":")

    def apposition_before(self, comma, span) -> list:
        """"der Pressesprecher des US-Außenministeriums, John Kirby", "vom Rektor der Universität
        Salzburg, X": the head role noun of the phrase before the comma, back to the previous break,
        verb, coordination or person."""
        doc = self.doc
        i, brackets, window = comma - 1, 0, []
        while i >= span.start and comma - i <= 12:
            token = doc[i]
            brackets += (token.text == ")") - (token.text == "(")
            if brackets < 0:
                break                          # "(so der Sprecher, X)": the bracket opens the phrase
            if not brackets and ((token.text in PHRASE_BREAKS and token.text not in "()") or
                                 (token.lower_ in ("und", "oder", "sowie") and not self.by_token.get(i) and
                                  not self.inside_bracketed_name(i, comma)) or
                                 (token.pos_ in ("VERB", "AUX") and not token.text[:1].isupper())):
                break
            if any(self.mentions[ix].type == "PERSON" for ix in self.by_token.get(i, ())):
                break                          # "Präsident X, Y": the role before the comma is X's
            window.append(i)
            i -= 1
        for j in reversed(window):             # the leftmost role noun that opens its own phrase
            hit = self.role_noun(doc[j])
            if not hit:
                continue
            k = j - 1
            while k >= span.start and (doc[k].pos_ == "ADJ" or (doc[k].text[:1].islower() and
                                                                 doc[k].pos_ in ("ADV", "DET") and
                                                                 doc[k].lower_ not in ARTICLES)):
                k -= 1
            opener = doc[k].lower_ if k >= span.start else ""
            if opener in GENITIVE_ARTICLES - {"der"} and not (k > span.start and doc[k - 1].lower_ in SOURCE_NOUNS | {"und", "sowie"}):
                return []                     # "die Frau des Ministers, X": about someone else; "nach Angaben des
                                              # Sprechers, X", "Kritiker der Regierung und des Chefs der PiS, X": his
            return [hit]
        return []

    def inside_bracketed_name(self, i, comma) -> bool:
        """"der Partei Recht und Gerechtigkeit (PiS), X": an "und" between two capitalised words of a name
        that an organisation's acronym in brackets closes just before the comma."""
        doc = self.doc
        if i < 1 or not (doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()) or \
                self.role_noun(doc[i - 1]) or self.role_noun(doc[i + 1]):
            return False
        close = comma - 1
        return doc[close].text == ")" and close - i <= 8 and doc[close - 2].text == "(" and \
            any(self.mentions[ix].type == "ORG" for ix in self.by_token.get(close - 1, ()))

    def copula_roles(self, m, span) -> list:
        """"Jeremic war zwischen 2007 und 2012 Außenminister Serbiens": role nouns in the predicate
        of a copula whose subject is the person."""
        doc = self.doc
        j = m.last + 1
        if j < span.end and doc[j].text == "(":                  # "Jeremic (40) war ..."
            close = next((k for k in range(j, min(span.end, j + 6)) if doc[k].text == ")"), None)
            j = close + 1 if close is not None else j
        if j >= span.end or not (doc[j].lower_ == "als" or (doc[j].pos_ in ("AUX", "VERB") and any(
                self.lex.verb_class(lemma, "copula") for lemma in self.lemmas(doc[j])))):
            return []                          # "X war ...", "X als Oberbefehlshaber des Heeres"
        result = []
        for k in range(j + 1, min(span.end, j + 16)):
            token = doc[k]
            if token.text in PHRASE_BREAKS or (token.pos_ in ("VERB", "AUX") and k > j + 1):
                break
            if any(self.mentions[ix].type == "PERSON" for ix in self.by_token.get(k, ())):
                break
            hit = self.role_noun(token)
            if hit and not (k > 0 and doc[k - 1].lower_ in GENITIVE_ARTICLES - {"der"}) and \
                    not self.names_a_person(k + 1):
                result.append(hit)
        return result

    def state_of_sentence(self, span) -> list:
        """The one state a sentence names as the subject of a clause (by name, or by an adjective on a body
        or actor noun), outside prepositional phrases and not as the owner of another role ("Italien hat
        eine neue Regierung: Premierministerin X ..."): the owner of a bare state office in that sentence."""
        states = set()
        for ix in self.mentions_in(span):
            mention = self.mentions[ix]
            if mention.type != "STATE":
                continue
            token = self.doc[mention.token]
            head = token.head if mention.kind == "adj" else token
            if self.is_dateline(token) or (mention.kind == "adj" and not self.lex.is_actor_noun(head.text)):
                continue                       # "Wien –", "die französische Hymne": no actor of the state
            states.add(self.names[ix])
            if mention.kind in ("adj", "compound") and self.lex.title_relation(head.text):
                return []                      # "der russische Präsident Y"
            while head.dep_ in ("nmod", "nmod:poss", "appos", "conj") and head.head != head and \
                    self.preposition(head) is None:
                head = head.head               # "die Führung der russischen Armee": up to the clause's noun
            if self.preposition(head) is not None or not head.dep_.startswith("nsubj"):
                return []                      # "nach Russland", "traf die Vertreter der Regierung Kolumbiens"
        return list(states) if len(states) == 1 else []

    def organisation_of_sentence(self, span, title) -> list:
        """The one organisation a sentence names, by name and as the subject of a clause before the office,
        when it names no state: the owner of a bare office of lexicons/org_offices.txt in that sentence
        (not "sagte Sprecher X der APA", "der grüne Sprecher X ...; die Freiheitlichen ...")."""
        orgs = set()
        for ix in self.mentions_in(span):
            mention = self.mentions[ix]
            if mention.type == "STATE" or (mention.type == "ORG" and mention.kind not in NAMED):
                return []
            if mention.type != "ORG":
                continue
            head = self.doc[mention.token]
            while head.dep_ in ("nmod", "appos", "flat", "flat:name") and head.head != head:
                head = head.head
            if self.preposition(head) is not None or not head.dep_.startswith("nsubj") or mention.last > title.i:
                return []
            orgs.add(self.names[ix])
        return list(orgs) if len(orgs) == 1 else []

    def dateline_state(self, span) -> list:
        """"Wien – Außenminister X schließt die österreichischen Botschaften ...": the state whose capital
        is the sentence's one dateline place, when the sentence names that state (and no other) too."""
        doc = self.doc
        places, states = set(), set()
        for ix in self.mentions_in(span):
            mention = self.mentions[ix]
            if mention.type in ("LOCATION", "STATE") and self.is_dateline(doc[mention.token]):
                hit = self.lex.metonyms.get(fold(mention.surface))
                places.add(self.names[ix] if mention.type == "STATE" else hit[0] if hit and hit[1] == "capital" else None)
            elif mention.type == "STATE":
                states.add(self.names[ix])
        return list(states) if len(places) == 1 and states == places else []

    def names_a_person(self, i) -> bool:
        return i < len(self.doc) and any(self.mentions[ix].type == "PERSON" for ix in self.by_token.get(i, ()))

    def adjust_relation(self, token, hit):
        """Heads of sub-units ("Geheimdienstchef", "Vizechef") are members of the state, not its
        leaders; "Staats- und Parteichef" leads like a "Staatschef"."""
        stem, relation = hit
        full = fold(token.text)
        word = full.rsplit("-", 1)[-1]
        for ending in ("innen", "in", "en", "n", "s"):        # "Parteichefinnen" -> "parteichef"
            if word.endswith(ending) and word[:-len(ending)].endswith(stem):
                word = word[:-len(ending)]
                break
        if relation == "leader_of" and (full.startswith("vize") or "-vize" in full or
                                        (token.i > 0 and self.doc[token.i - 1].lower_.startswith("stellvertretend"))):
            return "member_of"                 # "Vizekanzler", "die stellvertretende Vorsitzende"
        if relation == "leader_of" and (self.truncated_leader(token) or self.heads_its_prefix(token, word, stem)):
            return relation
        if relation == "leader_of" and len(word) > len(stem) + 3 and word not in self.lex.titles \
                and not word.startswith(LEADING_PREFIXES):
            return "member_of"
        return relation

    def heads_its_prefix(self, token, word, stem) -> bool:
        """"EU-Kommissionspräsidentin", "EU-Ratschef": the compound's organisation is "EU-Kommission",
        the role its head's."""
        for index in self.by_token.get(token.i, ()):
            m = self.mentions[index]
            if m.kind == "compound" and m.type == "ORG":
                inner = fold(m.surface).rsplit("-", 1)[-1]
                rest = word[len(inner):] if word.startswith(inner) and inner != word else ""
                if rest and (rest == stem or (rest[:1] == "s" and rest[1:] == stem)):
                    return True
        return False

    def truncated_leader(self, token) -> bool:
        """"Staats- und Parteichef": a truncated first conjunct that makes a leader's title."""
        i = token.i
        if i < 2 or self.doc[i - 1].lower_ not in ("und", "sowie") or not self.doc[i - 2].text.endswith("-"):
            return False
        hit = self.lex.title_relation(self.doc[i - 2].text[:-1] + "chef")
        return bool(hit) and fold(self.doc[i - 2].text[:-1]).startswith(LEADING_PREFIXES)

    # ------------------------------------------------------------ whose role

    def title_owners(self, title, m, span):
        """Who the role belongs to: a hyphen prefix ("Nato-Sprecherin"), an adjective or genitive
        before it ("ukrainische Präsident", "Russlands Außenminister"), or a genitive or "von/bei/am"
        phrase after it ("Präsident Polens", "Chefin des Kulturbüros", "Analyst am ISW")."""
        doc = self.doc
        owners = []
        for index in self.by_token.get(title.i, ()):
            if self.mentions[index].kind == "compound":
                owners.append(self.names[index])
        i = title.i - 1
        while i >= span.start and doc[i].pos_ == "ADJ":
            i -= 1
        if i >= span.start and doc[i].lower_ in POSSESSIVES:     # "die Miliz X, darunter deren Chef Y"
            owners += self.antecedent_owner(i, span) or self.leaders_state(i, title, span)
        i = title.i - 1
        while i >= span.start and (doc[i].pos_ in ("ADJ", "DET", "PROPN", "NOUN", "ADV") or
                                   self.by_token.get(i) or doc[i].text.endswith("-") or
                                   (doc[i].lower_ == "und" and i > span.start and doc[i - 1].text.endswith("-"))):
            if any(self.mentions[ix].type == "PERSON" for ix in self.by_token.get(i, ())):
                break                          # "X und Ex-Minister Y": X's role is not Y's
            if doc[i].pos_ == "ADJ" and doc[i].text[:1].islower() and not doc[i].lower_.endswith(INFLECTED):
                break                          # "bricht Außenminister X ab": a verb the parser took for an adjective
            hits = [self.names[ix] for ix in self.by_token.get(i, ()) if self.mentions[ix].type in ("STATE", "ORG")]
            if hits:
                owners += hits
                break
            if doc[i].pos_ in ("NOUN",) and not self.by_token.get(i) and not doc[i].text.endswith("-"):
                break
            if doc[i].lower_ in ARTICLES:
                break
            i -= 1
        after = []
        for child in title.children:
            if child.dep_ in ("nmod", "nmod:poss") and self.preposition(child) in (None, "von") and child.i > title.i \
                    and not (m.first <= child.i <= m.last) and \
                    not (self.preposition(child) is None and self.dative_der(child)) and \
                    not any(self.mentions[ix].kind == "compound" for ix in self.by_token.get(child.i, ())):
                # actor=True: "Chef der deutschen Landsmannschaft" is no role of Germany's
                after += [n for n in self.entities_at(child, 1, actor=True) if self.types.get(n) in ("STATE", "ORG")]
        after += [n for n in self.owner_after(title, m, span) if n not in after]
        if fold(title.text).rsplit("-", 1)[-1].startswith(ENVOYS) and \
                any(self.types.get(n) == "STATE" for n in owners + after):   # "Russlands UN-Botschafter": Russia's
            owners = [n for n in owners if self.types.get(n) == "STATE" or n not in self.compound_names(title)]
        if any(self.types.get(n) == "ORG" for n in after):   # "Österreich-Chef des Konzerns X": X's, not Austria's
            compounds = self.compound_names(title)
            owners = [n for n in owners if n not in compounds or self.types.get(n) != "STATE"]
        return list(dict.fromkeys(owners + after))

    def compound_names(self, title) -> set:
        return {self.names[ix] for ix in self.by_token.get(title.i, ()) if self.mentions[ix].kind == "compound"}

    def owner_after(self, title, m, span) -> list:
        """The owner phrase right after a role noun, read off the words when the parse has none:
        "Präsident Polens", "Chefin des Kulturbüros X", "Koordinator bei der Stiftung X"."""
        doc = self.doc
        k = title.i + 1
        if k >= span.end or m.first <= k <= m.last:
            return []
        word = doc[k].lower_
        if word in GENITIVE_ARTICLES or word in MEMBER_PREPOSITIONS or word in ("von", "vom"):
            member = word in MEMBER_PREPOSITIONS
            k += 1
            if word not in GENITIVE_ARTICLES and k < span.end and doc[k].lower_ in ARTICLES:
                k += 1                         # "bei der Stiftung", "von der ÖVP"
            state = None                       # "der israelischen Armee": a body of the state the adjective names
            while k < span.end and doc[k].pos_ == "ADJ" and all(
                    self.mentions[ix].kind == "adj" and self.mentions[ix].type == "STATE" for ix in self.by_token.get(k, ())):
                state = next((self.names[ix] for ix in self.by_token.get(k, ())), state)
                k += 1
            if state and not member and k < span.end and doc[k].pos_ in ("NOUN", "PROPN") and \
                    not self.by_token.get(k) and self.lex.is_state_body(doc[k].text):
                named = [self.names[ix] for ix in self.by_token.get(k + 1, ()) if k + 1 < span.end and
                         self.mentions[ix].type == "ORG" and self.mentions[ix].kind in NAMED]
                if named:                      # "Chef des ukrainischen Militärgeheimdienstes HUR": the HUR's
                    return named[:1]
                if not fold(doc[k].text).rstrip("s").endswith(GOVERNING_BODIES):  # "Chef der russischen Regierung" leads
                    self.body_roles = getattr(self, "body_roles", set()) | {title.i}
                return [state]                 # "Sprecher der israelischen Armee": a member of the state
            for _ in range(2):                 # "des Kulturbüros Sachsen", "der Partei PiS"
                hits = [ix for ix in self.by_token.get(k, ()) if not (m.first <= k <= m.last)]
                names = [self.names[ix] for ix in hits if self.mentions[ix].type in ("STATE", "ORG")
                         and self.mentions[ix].kind not in ("adj", "compound")    # "der Uno-Vollversammlung"
                         and not (member and self.mentions[ix].type == "STATE")]
                if names:
                    return names[:1]
                if k < span.end and doc[k].pos_ == "NOUN" and self.lex.org_head(doc[k].text):
                    k += 1
                    bracketed = self.bracketed_name_after(k, span)
                    if bracketed:              # "der Partei Recht und Gerechtigkeit (PiS)"
                        return bracketed
                    continue
                break
            return []
        hits = [ix for ix in self.by_token.get(k, ()) if self.mentions[ix].type == "STATE"
                and self.mentions[ix].kind in NAMED and self.mentions[ix].surface.endswith("s")]
        return [self.names[ix] for ix in hits[:1]]

    def bracketed_name_after(self, k, span) -> list:
        """"Recht und Gerechtigkeit (PiS)": an organisation alone in brackets after a name the NER missed."""
        doc = self.doc
        j = k
        while j < span.end and j - k < 6 and doc[j].text != "(" and not self.by_token.get(j) and \
                (doc[j].text[:1].isupper() or doc[j].lower_ in ("und", "für", "der", "des")):
            j += 1
        if j == k or j + 2 >= span.end or doc[j].text != "(" or doc[j + 2].text != ")":
            return []
        return [self.names[ix] for ix in self.by_token.get(j + 1, ()) if self.mentions[ix].type == "ORG"][:1]

    def antecedent_owner(self, i, span) -> list:
        """The organisation or state a possessive ("deren", "ihr", "sein") at token i refers to: the last one
        named before it, unless a person comes first ("Merkel und ihr Sprecher X"); for "ihr"/"sein" it
        must be a subject ("Die FPÖ lobt ihren Kandidaten X", not "X griff die Ukraine an, sein Sprecher Y"),
        and a party in brackets is a person's ("Haslauer (ÖVP) und seine Stellvertreterin Y")."""
        relative = self.doc[i].lower_ in ("deren", "dessen")
        for j in range(i - 1, max(span.start, i - 8) - 1, -1):
            if self.names_a_person(j):
                return []
            if self.doc[j - 1].text == "(" or not (relative or self.doc[j].dep_.startswith("nsubj")):
                continue
            names = [self.names[ix] for ix in self.by_token.get(j, ()) if self.mentions[ix].type in ("ORG", "STATE")
                     and self.mentions[ix].kind in NAMED]
            if names:
                return names[:1]
        return []

    def leaders_state(self, i, title, span) -> list:
        """"Der türkische Präsident X und sein Außenminister Y": an office of the state whose leader the
        possessive ("sein", "ihr") at token i refers to, a person named with a leader's title just before."""
        doc = self.doc
        stem = (self.lex.title_relation(title.text) or ("",))[0]
        if doc[i].lower_ in ("deren", "dessen") or not stem or not stem.endswith(state_offices()):
            return []
        for j in range(i - 1, max(span.start, i - 8) - 1, -1):
            persons = [ix for ix in self.by_token.get(j, ()) if self.mentions[ix].type == "PERSON"]
            if persons:
                person = self.mentions[persons[0]]
                hit = self.role_noun(doc[person.first - 1]) if person.first > span.start else None
                if not hit or hit[1] != "leader_of":
                    return []
                return [n for n in self.title_owners(hit[0], person, span) if self.types.get(n) == "STATE"][:1]
            if doc[j].text in (";", ":") or doc[j].pos_ in ("VERB", "AUX"):
                return []
        return []

    def dative_der(self, noun) -> bool:
        """"der APA" after a name: dative (told to) unless the morphology says genitive."""
        dets = [c for c in noun.children if c.lower_ == "der" and c.i < noun.i]
        return bool(dets) and "Gen" not in dets[0].morph.get("Case") + noun.morph.get("Case")

    # ------------------------------------------------------------ membership without a role noun

    def led_by(self, m, span) -> list:
        """"die Armee unter dem Kommando von General X", "die Führung der Tschechoslowakei unter X":
        X leads the organisation or state named just before "unter"."""
        doc = self.doc
        i = m.first - 1
        while i >= span.start and (doc[i].text[:1].isupper() and self.role_noun(doc[i]) or doc[i].pos_ == "ADJ"):
            i -= 1                             # "unter dem Kommando von General X"
        if i >= span.start and doc[i].lower_ in ("von", "vom"):
            k = i - 1
            while k >= span.start and (doc[k].pos_ in ("DET", "ADJ") or doc[k].lower_ in ARTICLES):
                k -= 1
            if k < span.start or not self.lex.is_leading_noun(doc[k].text):
                return []
            i = k - 1
            while i >= span.start and (doc[i].pos_ == "DET" or doc[i].lower_ in ARTICLES):
                i -= 1
        if i < span.start or doc[i].lower_ != "unter":
            return []
        for j in range(i - 1, max(span.start - 1, i - 12), -1):
            if doc[j].text in (",", ";", ":"):
                break
            owners = [self.names[ix] for ix in self.by_token.get(j, ())
                      if self.mentions[ix].type in ("STATE", "ORG") and self.mentions[ix].kind != "compound"]
            if owners:
                return [(owners[0], doc[i])]
        return []

    def body_of_organisation(self, m, span) -> list:
        """"der Sicherheitsrat der Vereinten Nationen": an organisation named as a body of another."""
        doc = self.doc
        k = m.last + 1
        if k + 1 >= span.end or doc[k].lower_ not in ("der", "des") or not self.lex.org_head(doc[m.last].text):
            return []
        k += 1
        while k < span.end and doc[k].pos_ == "ADJ" and not self.by_token.get(k):
            k += 1
        return [(doc[m.last], self.names[ix]) for ix in self.by_token.get(k, ()) if k < span.end
                and self.mentions[ix].type == "ORG" and self.mentions[ix].kind in NAMED
                and self.mentions[ix].first == k]

    def state_of_body(self, m, span) -> list:
        """(token, state) for an organisation that is a body of a state: "der ukrainische
        Militärgeheimdienst HUR", "die rumänische Staatsanwaltschaft (DNA)", "US-Außenministerium",
        "der Oberste Gerichtshof Nordkoreas"."""
        doc = self.doc
        result = []
        body = None
        if m.first > span.start and doc[m.first - 1].pos_ in ("NOUN", "PROPN") and \
                self.lex.is_state_body(doc[m.first - 1].text):
            body = doc[m.first - 1]
        elif m.first > span.start + 1 and doc[m.first - 1].text == "(" and \
                self.lex.is_state_body(doc[m.first - 2].text):
            body = doc[m.first - 2]
        if body is not None:
            result += [(body, n) for n in self.title_owners(body, m, span) if self.types.get(n) == "STATE"]
        head = doc[m.last]
        if self.lex.is_state_body(m.surface.split()[-1].split("-")[-1]):
            if m.first > span.start:             # "das polnische Verfassungsgericht", "Polens Oberstes Gericht"
                result += [(head, self.names[ix]) for ix in self.by_token.get(m.first - 1, ())
                           if self.mentions[ix].type == "STATE" and (self.mentions[ix].kind == "adj" or (
                               self.mentions[ix].kind in NAMED and self.mentions[ix].surface.endswith("s")))]
            prefix = self.lex.state_prefix(m.surface)
            if prefix:
                result.append((head, prefix))
            k = m.last + 1
            if k < span.end:
                result += [(head, self.names[ix]) for ix in self.by_token.get(k, ())
                           if self.mentions[ix].type == "STATE" and self.mentions[ix].kind in NAMED
                           and self.mentions[ix].surface.endswith("s")]
        return result

