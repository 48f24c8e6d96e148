"""The shallow clause reader: argument roles when the dependency parse gives none."""
from __future__ import annotations

from types import SimpleNamespace

from graphx.relations.syntax import (
    CONTRACTIONS,
    POSSESSIVES,
    RELATIVE_PRONOUNS,
    TIME_NOUNS,
    WERDEN,
    all_pairs,
    clause_bounds,
)

NP_INNER = {"DET", "ADJ", "NUM", "PRON"}
QUOTES = {'"', "„", "“", "”", "»", "«", "'", "‚", "‘", "’"}
ATTACHED = "^"        # a name in apposition to a common noun: not a free argument
CLAIM_PREPOSITIONS = {None, ATTACHED, "von", "aus"}     # whose claim: "Vorwürfe von X", "Berichte aus Y"

class Clause:
    """Shallow argument roles for a cue when the dependency parse gives none: the cue's clause is
    the run of tokens between commas (colons, dashes, brackets); a mention's role comes from the
    preposition in front of its noun phrase, its grammatical case and its position."""

    pieces = ()             # where the particle's piece starts ("warf X, der ..., der EU vor")
    described = frozenset()      # mentions that name an apposed person's state or body

    def __init__(self, finder, cue_token, span):   # finder: a RelationFinder
        self.f, self.doc, self.cue = finder, finder.doc, cue_token
        self.start, self.end = self.bounds(cue_token.i, span)
        self.span = span
        self.items = self.mentions_in(self.start, self.end)
        if cue_token.pos_ in ("VERB", "AUX"):       # "warf X, der ... liegt, Y vor": the particle's piece too
            self.items += self.particle_piece(cue_token, span)

    def particle_piece(self, verb, span) -> list:
        particle = next((c for c in verb.children if c.dep_ in ("compound:prt", "svp") and c.i >= self.end), None) \
            or self.f.clause_final_particle(verb)
        if particle is None or particle.i < self.end:
            return []
        low, high = self.bounds(particle.i, span)
        self.pieces = (low,)
        seats = self.seats
        items = self.mentions_in(low, high)
        self.seats = {**seats, **self.seats}
        return items

    def bounds(self, i, span):
        """The clause around token i, over a name in apposition between commas ("hat X den Präsidenten
        Kenias, Y, empfangen", "Die Außenminister, X und Y, trafen sich"), which is no clause of its own."""
        start, end = clause_bounds(self.doc, i, span)
        if start - 2 > span.start and self.doc[start - 1].text == ",":
            low, _ = clause_bounds(self.doc, start - 2, span)
            if low - 2 >= span.start and self.doc[low - 1].text == "," and self.apposition(low, start - 1):
                start = clause_bounds(self.doc, low - 2, span)[0]
                self.owners_of_apposed(start, low - 1)
        if end + 1 < span.end and self.doc[end].text == ",":
            _, high = clause_bounds(self.doc, end + 1, span)
            if high + 1 < span.end and self.doc[high].text == "," and self.apposition(end + 1, high) and \
                    self.doc[end - 1].pos_ in ("NOUN", "PROPN"):
                self.owners_of_apposed(start, end)
                end = clause_bounds(self.doc, high + 1, span)[1]
        return start, end

    def owners_of_apposed(self, start, end):
        """"Der UN-Kommissar, X, ...": adjectives and compounds of the noun before an apposed name name
        that person's state or body, not another argument."""
        self.described = self.described | {ix for ix in self.f.mentions_between(start, end)
                                           if self.f.mentions[ix].kind in ("adj", "compound")}

    def apposition(self, start, end) -> bool:
        """Tokens [start, end) are names of persons (with "und", articles, adjectives, titles) right
        after a noun: an apposition, no clause."""
        if end <= start or end - start > 12 or self.doc[start - 2].pos_ not in ("NOUN", "PROPN"):
            return False
        persons = False
        for t in self.doc[start:end]:
            named = self.f.by_token.get(t.i, ())
            persons = persons or any(self.f.mentions[ix].type == "PERSON" for ix in named)
            if not (named or t.pos_ in ("DET", "ADJ", "CCONJ") or self.f.lex.title_relation(t.text)):
                return False
        return persons

    def mentions_in(self, start, end) -> list:
        """(mention index, preposition or None, case) per mention in [start, end)."""
        items = []
        self.seats = {}
        for index in self.f.mentions_between(start, end):
            m = self.f.mentions[index]
            if m.last < end:
                bracketed = m.first > 0 and self.doc[m.first - 1].text == "("      # "Klug (SPÖ)", "(ISW)"
                prep = ATTACHED if bracketed else self.preposition_of(m, start)
                seat = self.f.seat_of(self.doc[m.first - 2]) if prep == "in" and m.first - 2 >= start else None
                if seat:            # "beschuldigte die Regierung in Asmara": the state it rules, as that phrase
                    self.seats[index] = seat
                    prep = self.preposition_of(SimpleNamespace(first=m.first - 2), start)
                items.append((index, prep, self.mention_case(index)))
        return items

    def mention_case(self, index):
        """The case of a mention's noun phrase: its opening article's where it has one ("Dem
        CSU-Chef und Ministerpräsidenten X", "dem Politiker X": dative), else the name's own."""
        m = self.f.mentions[index]
        i = m.first - 1
        while i >= max(self.start, m.first - 7) and (self.doc[i].pos_ in ("ADJ", "CCONJ", "NUM") or
                                                      self.is_prenominal(i) or self.f.by_token.get(i)):
            i -= 1
        if i >= self.start and self.doc[i].pos_ == "DET":
            if self.after_person_name(i) and self.doc[i].lower_ == "der":
                return "Dat"           # "warf Merkel der Regierung ... vor": no genitive follows a name
            case = self.f.case(self.doc[i])
            if case == "Gen" and self.doc[i].lower_ == "der" and i in self.pieces:
                return "Dat"           # ", der EU-Kommission vor": no genitive attribute opens a clause piece
            if case:
                return case
        case = self.f.case(self.doc[m.last])
        if case == "Gen" and m.kind == "name" and not m.surface.endswith(("s", "x", "z", "'")):
            return None                # "Van der Bellen" tagged genitive: a name without -s is no genitive
        return case

    def preposition_of(self, m, start):
        i = m.first - 1
        while i >= start and (self.doc[i].pos_ in NP_INNER or self.doc[i].lower_ in ("sowohl", "auch") or
                              self.doc[i].text in QUOTES or self.quoted_word(i) or   # 'über "unfähigen" X'
                              self.is_prenominal(i)) and self.doc[i].lower_ not in ("als",):
            i -= 1
        if i < start:
            return None
        token = self.doc[i]
        if token.pos_ == "ADP" or token.lower_ in CONTRACTIONS:
            return CONTRACTIONS.get(token.lower_, token.lower_)
        if token.lower_ in ("und", "oder", "sowie"):       # second conjunct: the first one's preposition
            earlier = [ix for ix, prep, _ in self.items_before(i, start)]
            if earlier:
                return self.preposition_of(self.f.mentions[earlier[-1]], start)
        if token.pos_ in ("NOUN", "PROPN") and not self.f.by_token.get(i) and token.lower_ not in TIME_NOUNS and \
                not any(t.lower_ in ("den", "dem", "einen", "einem") for t in self.doc[i + 1:m.first]):
            return self.conjunct_preposition(i, start) or ATTACHED   # "in der Stadt Aleppo", "die Atommacht X"
        return None

    def quoted_word(self, i) -> bool:
        return 0 < i < len(self.doc) - 1 and self.doc[i - 1].text in QUOTES and self.doc[i + 1].text in QUOTES

    def conjunct_preposition(self, i, start):
        """"gegen einen Minister und ein Mitglied der M23": a name owning the second conjunct of a
        prepositional phrase shares the first conjunct's preposition."""
        j = i - 1
        while j >= start and self.doc[j].pos_ in NP_INNER and not self.f.by_token.get(j):
            j -= 1
        if j < start or self.doc[j].lower_ not in ("und", "oder", "sowie"):
            return None
        earlier = [ix for ix, _, _ in self.items_before(j, start)]
        if not earlier:
            return None
        prep = self.preposition_of(self.f.mentions[earlier[-1]], start)
        return prep if prep not in (None, ATTACHED) else None

    def outer_preposition(self, index):
        """The preposition of the phrase a name is attached to: "mit" for "mit der Agentur Reuters"."""
        i = self.f.mentions[index].first - 1
        while i >= self.start and (self.doc[i].pos_ in NP_INNER or self.doc[i].pos_ == "NOUN") and \
                not self.f.by_token.get(i):
            i -= 1
        if i < self.start:
            return None
        token = self.doc[i]
        if token.pos_ == "ADP" or token.lower_ in CONTRACTIONS:
            return CONTRACTIONS.get(token.lower_, token.lower_)
        return None

    def is_prenominal(self, i) -> bool:
        """A role noun or a genitive name in front of a name ("von Syriens Staatschef Assad")."""
        token = self.doc[i]
        if token.text[:1].isupper() and self.f.lex.title_relation(token.text):
            return True
        return any(self.f.mentions[ix].kind != "adj" and token.text.endswith("s") for ix in self.f.by_token.get(i, ()))

    def items_before(self, i, start):
        return [(ix, None, None) for ix in self.f.mentions_between(start, i) if self.f.mentions[ix].last < i]

    # ------------------------------------------------------------ roles

    def name(self, index):
        return self.seats.get(index) or self.f.names[index]

    def free(self, exclude=()):
        """Mentions with no preposition and not a genitive: candidates for subject and objects."""
        return [ix for ix, prep, case in self.items if prep is None and case != "Gen" and
                self.name(ix) not in exclude and not self.is_genitive_attribute(ix) and not self.describes_role(ix)
                and not self.f.is_dateline(self.doc[self.f.mentions[ix].first])]

    def describes_role(self, index) -> bool:
        """"der ukrainische Präsident Selenskyj": the adjective gives leader_of; the person is the argument."""
        m = self.f.mentions[index]
        if index in self.described:
            return True
        if m.kind == "compound":          # "UNO-Generalsekretär Ban Ki-moon"
            j = m.last
        elif m.kind == "adj" or self.f.genitive_name(self.doc[m.last]):    # "Italiens Innenminister X"
            j = m.last + 1
        else:
            return False
        while j < self.end and self.doc[j].pos_ == "ADJ":
            j += 1
        if not (j + 1 < self.end and self.f.lex.title_relation(self.doc[j].text) and self.doc[j].text[:1].isupper()):
            return False
        while j + 2 < self.end and self.doc[j + 1].lower_ == "und":     # "CSU-Chef und Ministerpräsident X"
            k = j + 2
            while k < self.end and self.doc[k].pos_ == "ADJ":
                k += 1
            if not (k < self.end and self.doc[k].text[:1].isupper() and self.f.lex.title_relation(self.doc[k].text)):
                break
            j = k
        return any(self.f.mentions[ix].type == "PERSON" for ix in self.f.by_token.get(j + 1, ()))

    def is_genitive_attribute(self, index) -> bool:
        m = self.f.mentions[index]
        before = self.doc[m.first - 1] if m.first > self.start else None
        if before is not None and before.lower_ == "der" and self.after_person_name(before.i):
            return False
        if before is not None and self.f.genitive_name(self.doc[m.last]) and m.kind != "adj":
            if before.pos_ == "NOUN" and not self.f.by_token.get(before.i):    # "die Außenminister Russlands"
                return True
            if before.lower_ in ("und", "sowie", "oder"):                     # "... Russlands und Chinas"
                return any(self.f.mentions[ix].last == before.i - 1 and self.is_genitive_attribute(ix)
                           for ix in self.f.by_token.get(before.i - 1, ()))
        if before is None or before.lower_ not in ("des", "der") or \
                before.i in self.pieces:      # ", der X vor": the particle's piece opens, no attribute
            return False
        after_noun = before.i - 1 >= self.start and self.doc[before.i - 1].pos_ == "NOUN" and \
            not self.f.by_token.get(before.i - 1)         # "die Kritik der SPÖ": an article after a noun
        return self.f.case(self.doc[m.last]) == "Gen" or after_noun

    def after_person_name(self, i) -> bool:
        """The token before i ends a person's name: what follows is no genitive attribute of it."""
        return i - 1 >= self.start and any(self.f.mentions[ix].type == "PERSON" and self.f.mentions[ix].last == i - 1
                                           and self.f.mentions[ix].kind == "name" for ix in self.f.by_token.get(i - 1, ()))

    def relative_clause(self) -> bool:
        first = self.doc[self.start]
        return self.start > self.span.start and first.pos_ == "PRON" and first.lower_ in RELATIVE_PRONOUNS

    def subject(self, exclude=(), strict=False):
        """Names the clause's subject stands for (coordinated: all of them; `strict`: only conjuncts
        the tagger also gave the nominative)."""
        if self.relative_clause() and not self.object_relative():   # "X, der Y vorwirft": the pronoun is X
            first = self.doc[self.start]
            if self.f.case(first) != "Nom" or first.lower_ not in ("der", "die", "welcher", "welche") or \
                    self.doc[self.start - 1].text != ",":
                return []
            before = [ix for ix in self.f.by_token.get(self.start - 2, ()) if self.f.mentions[ix].kind != "adj"]
            return [self.name(before[0])] if before else []
        if self.is_infinitive_clause():
            return self.controller()
        free = self.free(exclude)
        owners = [ix for ix, prep, _ in self.items if prep is None and ix not in free and self.name(ix) not in exclude
                  and self.f.genitive_name(self.doc[self.f.mentions[ix].last]) and self.on_actor_noun(ix)]
        actors = [ix for ix in sorted(free + owners, key=lambda ix: self.f.mentions[ix].first)   # "Israels Armee"
                  if (self.f.mentions[ix].kind != "adj" or self.on_actor_noun(ix)) and self.f.acts_for_state(ix)]
        candidates = [ix for ix in actors if self.mention_case(ix) in ("Nom", None)] or \
            [ix for ix in actors if self.mention_case(ix) == "Acc"] or actors   # a dative is no subject
        if not candidates:
            return []
        first = candidates[0]
        names = [self.name(first)]
        for ix in candidates if strict else actors:    # "X und Y verhängten ...": a conjunct in any case
            if self.f.mentions[ix].first > self.f.mentions[first].last and \
                    self.f.coordinated(self.doc[self.f.mentions[first].last], self.doc[self.f.mentions[ix].first]):
                names.append(self.name(ix))
        # a conjunct before it whose case the tagger misread, or a genitive owner ("Kolumbiens Regierung und
        # die Farc unterzeichneten", "kamen Präsident X und Staatschef Y zusammen" with X tagged accusative)
        before = [self.name(ix) for ix in actors if self.f.mentions[ix].last < self.f.mentions[first].first and
                  self.f.coordinated(self.doc[self.f.mentions[ix].last], self.doc[self.f.mentions[first].first])]
        return list(dict.fromkeys(before + names))

    def on_actor_noun(self, index) -> bool:
        """A derived adjective or genitive on a body acting for its state ("die israelische Luftwaffe",
        "Israels Armee")."""
        j = self.f.mentions[index].last + 1
        while j < self.end and self.doc[j].pos_ == "ADJ":
            j += 1
        return j < self.end and self.doc[j].pos_ == "NOUN" and self.f.actor_noun(self.doc[j].text)

    def object_relative(self) -> bool:
        """A relative clause whose pronoun is not its subject ("die Panzer, die Deutschland an die
        Ukraine geliefert hat"): "den", "dem", "denen", or a finite verb whose number the pronoun's
        noun does not share."""
        pronoun = self.doc[self.start]
        if pronoun.lower_ in ("den", "dem", "denen"):
            return True
        if pronoun.lower_ not in ("die", "das") or self.start < 2:
            return False
        noun = self.doc[self.start - 2]
        finite = [t for t in self.doc[self.start:self.end] if t.pos_ in ("AUX", "VERB") and t.morph.get("Person")]
        if noun.pos_ != "NOUN" or not finite:
            return False
        return bool(noun.morph.get("Number")) and finite[-1].morph.get("Number") and \
            noun.morph.get("Number") != finite[-1].morph.get("Number")

    def is_infinitive_clause(self) -> bool:
        cue = self.cue
        return self.start > self.span.start and cue.pos_ in ("VERB", "AUX") and self.f.is_infinitive(cue)

    def controller(self):
        """Subject of a zu-infinitive: the object of "vorwerfen"-like verbs, else the subject of
        the clause before it."""
        start, end = self.bounds(self.start - 2, self.span) if self.start - 2 >= self.span.start else (0, 0)
        if end <= start:
            return []
        outer = Clause.__new__(Clause)
        outer.f, outer.doc, outer.span = self.f, self.doc, self.span
        outer.start, outer.end = start, end
        outer.items = outer.mentions_in(start, end)
        verbs = [t for t in self.doc[start:end] if t.pos_ in ("VERB", "AUX")]
        outer.cue = verbs[0] if verbs else self.doc[start]
        subjects = outer.subject()
        if any(self.f.lex.verb_class(lemma, "object_control") for v in verbs for lemma in self.f.lemmas(v)):
            objects = [outer.name(ix) for ix in outer.free(subjects) if outer.f.mentions[ix].kind != "adj"]
            return objects[:1]
        return subjects

    def passive(self) -> bool:
        words = {t.lemma_ for t in self.doc[self.start:self.end]} | {t.lower_ for t in self.doc[self.start:self.end]}
        return self.f.is_passive(self.cue) or (bool(words & WERDEN) and self.f.looks_participle(self.cue))

    def with_preposition(self, prep, after=None):
        """Names in phrases with `prep`; "mit dem russischen Präsidenten X": X, not the adjective's state;
        after a noun cue up to ten words on ("Kritik von CDU-Chef X an Y")."""
        return [self.name(ix) for ix, p, _ in self.items if p == prep and not self.describes_role(ix) and
                (after is None or after < self.f.mentions[ix].first <= after + 9)]

    def inside(self, index, outer) -> bool:
        """Is the phrase with a mention ("in X") part of a phrase opened by `outer` ("auf Ziele in X")?"""
        i = self.f.mentions[index].first - 1
        while i >= self.start and (self.doc[i].pos_ == "ADP" or self.doc[i].lower_ in CONTRACTIONS):
            i -= 1
        steps = 0
        while i >= self.start and steps < 5 and (self.doc[i].pos_ in NP_INNER | {"NOUN"}) and not self.f.by_token.get(i):
            i, steps = i - 1, steps + 1
        if i < self.start or steps == 0:
            return False
        token = self.doc[i]
        return (token.pos_ == "ADP" or token.lower_ in CONTRACTIONS) and CONTRACTIONS.get(token.lower_, token.lower_) == outer

    def inside_object(self, index) -> bool:
        """Does the "in" phrase of a mention follow a common noun with no preposition of its own
        ("Ziele in X", "einen Basar in der Provinz X")?"""
        i = self.f.mentions[index].first - 1
        while i >= self.start and (self.doc[i].pos_ in NP_INNER or self.doc[i].pos_ == "ADP" or
                                   self.doc[i].lower_ in CONTRACTIONS) and not self.f.by_token.get(i):
            i -= 1
        return i >= self.start and self.doc[i].pos_ == "NOUN" and not self.f.by_token.get(i) and \
            self.outer_preposition_at(i) is None

    def outer_preposition_at(self, i):
        """The preposition opening the noun phrase that ends at token i (derived adjectives inside it)."""
        while i >= self.start and self.doc[i].pos_ in NP_INNER | {"NOUN", "CCONJ"} and \
                all(self.f.mentions[ix].kind == "adj" for ix in self.f.by_token.get(i, ())):
            i -= 1
        if i < self.start:
            return None
        token = self.doc[i]
        return CONTRACTIONS.get(token.lower_, token.lower_) if token.pos_ == "ADP" or token.lower_ in CONTRACTIONS else None

    def around_noun(self):
        """Derived adjective or genitive right before the cue noun, genitive right after it."""
        names = []
        for ix, prep, case in self.items:
            m = self.f.mentions[ix]
            if prep is None and (self.cue.i - 3 <= m.last < self.cue.i and (m.kind == "adj" or
                                 m.surface.endswith("s")) or (self.cue.i < m.first <= self.cue.i + 3 and
                                 self.is_genitive_attribute(ix)) or (m.first == self.cue.i + 1 and
                                                                     self.f.genitive_name(self.doc[m.first]))):
                names.append(self.name(ix))
            elif prep in (None, ATTACHED) and m.first == self.cue.i + 1 and self.f.genitive_name(self.doc[m.last]):
                names.append(self.name(ix))          # "die Anschuldigungen Kiews"
        return names

    def role(self, role, cue, sources=()):
        noun = cue.is_noun
        if role == "poss_subj" and noun and any(t.lower_.startswith(POSSESSIVES) and t.pos_ == "DET"
                                                 for t in self.doc[max(self.start, self.cue.i - 3):self.cue.i]):
            return [n for n in self.subject(exclude=sources) if n not in sources]   # "bei seinem Besuch in Y traf X"
        if role in ("subj", "gov_subj", "receiver"):
            if noun and role == "subj":
                return []
            if role == "subj" and self.passive():
                return []
            if noun and role == "gov_subj" and self.f.owned_by_another(self.cue, cue.relation):
                return []
            if noun:
                verb_class = "receive" if role == "receiver" else "light"
                verbs = [t for t in self.doc[self.start:self.end] if t.pos_ in ("VERB", "AUX", "ADJ", "ADV")
                         and any(self.f.lex.verb_class(lemma, verb_class) for lemma in self.f.lemmas(t))]
                if not verbs:
                    return []
            return [n for n in self.subject(exclude=sources) if n not in sources]
        if role == "agent":
            return (self.with_preposition("von") or self.with_preposition("durch")) if self.passive() else []
        if role in ("obj", "dat"):
            if noun:
                return []
            if self.passive() and role == "obj":
                return [n for n in self.subject(exclude=sources) if n not in sources]
            subjects = set(self.subject()) | set(sources)
            wanted = {"obj": ("Acc", None), "dat": ("Dat", None)}[role]
            free = [ix for ix in self.free(subjects)]
            names = [self.name(ix) for ix in free if self.mention_case(ix) in wanted] or \
                [self.name(ix) for ix in free if self.f.mentions[ix].kind != "adj"]   # not the subject's adjective
            if not free and role == "obj":     # "greift Stellungen der Hisbollah an", "den Oligarchen X"
                free = [ix for ix, prep, _ in self.items if prep == ATTACHED and self.name(ix) not in subjects
                        and self.f.mentions[ix].first > self.cue.i
                        and self.outer_preposition_at(self.f.mentions[ix].first - 1) is None]
            return (names or [self.name(ix) for ix in free])[:1]
        if role.startswith("pp:") and "/" in role:        # "Angriffe auf Ziele in X"
            outer, inner = role[3:].split("/")
            return [self.name(ix) for ix, p, _ in self.items if p == inner and self.inside(ix, outer)
                    and (not noun or self.f.mentions[ix].first > self.cue.i)]
        if role.startswith("pp:"):
            found = self.with_preposition(role[3:], after=self.cue.i if noun else None)
            if not found and noun and role == "pp:gegen":    # "hat gegen X Sanktionen verhängt"
                found = [self.name(ix) for ix, p, _ in self.items if p == "gegen" and self.f.mentions[ix].last < self.cue.i]
            if not found and (noun or role in ("pp:gegen", "pp:auf", "pp:an")):   # "Angriffe gegen Stellungen des IS"
                found = [self.name(ix) for ix, p, _ in self.items if p == ATTACHED and self.name(ix) not in sources
                         and self.outer_preposition_at(self.f.mentions[ix].first - 1) == role[3:]
                         and (not noun or self.cue.i < self.f.mentions[ix].first <= self.cue.i + 8)][:1]
            if cue.relation == "meets" and role[3:] in ("in", "nach", "bei"):
                found = [self.f.capital_state(n) for n in found]     # "Besuch in Ankara": its state
            return found
        if role == "mod":
            return self.around_noun() if noun else []
        if role == "obj_place" and not noun:     # "griffen ... Wohnhäuser in der afghanischen Provinz X an"
            return [self.name(ix) for ix, p, _ in self.items if p == "in" and self.name(ix) not in sources
                    and self.f.mentions[ix].first > self.cue.i and self.inside_object(ix)][:1]
        if role == "obj_owner" and not noun and not self.passive():   # "den ungarischen Botschafter X zitiert"
            return [self.name(ix) for ix, prep, case in self.items if prep is None and case == "Acc"
                    and self.f.mentions[ix].kind == "adj" and self.describes_role(ix)
                    and self.name(ix) not in sources][:1]
        if role == "theme_owner":
            return [self.name(ix) for ix, prep, _ in self.items if prep is None and self.f.mentions[ix].kind == "adj"]
        if role == "claim":      # "wies Vorwürfe Kiews zurück"; not "dementierte auf Twitter", "im Interview mit X"
            final = self.verb_final()        # "hat die Anschuldigungen von X abgestritten": the claim before it
            return [self.name(ix) for ix, prep, _ in self.items if prep in CLAIM_PREPOSITIONS
                    and self.outer_preposition(ix) in CLAIM_PREPOSITIONS and self.name(ix) not in sources
                    and (self.f.mentions[ix].first > self.cue.i or final and prep is not None
                         or self.fronted_claim_owner(ix))][:1]
        return []

    def fronted_claim_owner(self, index) -> bool:
        """"Die Vorwürfe aus X wies Y zurück": a name right after a claim noun before the cue verb."""
        first = self.f.mentions[index].first
        return first < self.cue.i and any(t.pos_ == "NOUN" and self.f.is_claim_noun(t)
                                          for t in self.doc[max(self.start, first - 3):first])

    def verb_final(self) -> bool:
        """The cue verb closes its clause (a participle or infinitive after its auxiliary)."""
        rest = [t for t in self.doc[self.cue.i + 1:self.end] if not t.is_punct]
        return self.cue.pos_ in ("VERB", "AUX") and all(t.pos_ in ("AUX", "VERB", "PART") for t in rest) and \
            any(t.pos_ == "AUX" for t in self.doc[self.start:self.cue.i])

    def their_event(self) -> bool:
        """The cue noun is "ihr" event under "bei/nach/während/vor": the clause's coordinated subject held it."""
        i = self.cue.i - 1
        while i > self.start and self.doc[i].pos_ == "ADJ":
            i -= 1
        return i - 1 >= self.start and self.doc[i].lower_.startswith("ihr") and self.doc[i].pos_ == "DET" and \
            CONTRACTIONS.get(self.doc[i - 1].lower_, self.doc[i - 1].lower_) in ("bei", "nach", "während", "vor")

    def partners(self, name, cue) -> list:
        """(name, partner) for a symmetric verb cue with one side named: "mit Y", else its object
        where the frame takes one ("X traf in Z den Großimam Y")."""
        partners = self.with_preposition("mit", after=None)
        if not partners and "obj" in cue.target and not self.only_derived(name):
            partners = [n for n in self.role("obj", cue, [name]) if not self.only_derived(n)]
        return [(name, partner) for partner in partners if partner != name]

    def only_derived(self, name) -> bool:
        """Named in the clause only by a derived adjective or a compound ("US-Außenminister",
        "sein tadschikischer Kollege"): an unnamed person, no party to a meeting read off word order."""
        kinds = {self.f.mentions[ix].kind for ix, _, _ in self.items if self.name(ix) == name}
        return bool(kinds) and kinds <= {"adj", "compound"}

    def pairs(self, cue, known_sources=()):
        if "pair" in cue.source:
            names = []
            for ix, prep, _ in self.items:
                if prep == "zwischen" or (prep is None and not cue.is_noun):
                    names.append(self.name(ix))
            names = list(dict.fromkeys(n for n in names if self.f.types.get(n) != "LOCATION"))
            if cue.is_noun:                      # "das Treffen zwischen X und Y", right after the noun
                names = self.with_preposition("zwischen", after=self.cue.i)
                if len(names) < 2 and self.their_event():     # "Bei ihrem Treffen in Z vereinbarten X und Y ..."
                    subjects = self.subject()
                    names = subjects if len(subjects) >= 2 else names
            elif self.passive() and len(names) < 2:       # "wurde von X und Y unterzeichnet"
                names = self.with_preposition("von") or self.with_preposition("durch")
            elif len(names) >= 2:
                subjects = self.subject(strict=True)
                if len(subjects) == 1:          # "hat X am Montag den Präsidenten Y getroffen"
                    return self.partners(subjects[0], cue)
                names = subjects if len(subjects) >= 2 else []
            elif len(names) == 1:       # "..., X habe sich mit Y getroffen", "die X mit Y getroffen hat"
                return self.partners(names[0], cue)
            return all_pairs(names)
        sources = list(known_sources)
        for role in cue.source if not sources else ():
            sources = self.role(role, cue)
            if sources:
                break
        if not sources:
            return []
        for role in cue.target:
            targets = [t for t in self.role(role, cue, sources) if t not in sources]
            if targets:
                return [(s, t) for s in sources for t in targets]
        return []

