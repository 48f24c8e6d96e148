"""The shared argument finder: lemmas, prepositions, case and voice of tokens, and which
entities a phrase stands for (subjects, objects, datives, modifiers, conjuncts)."""
from __future__ import annotations

import bisect

from graphx.lexicon import fold, load
from graphx.relations.syntax import (
    CLAUSE_DEPS,
    CLAUSE_END,
    CONTRACTIONS,
    DASHES,
    DAT,
    DEMONSTRATIVES,
    ENVOYS,
    GENITIVE_OWNERS,
    OBJ,
    OBLIQUE,
    PARTICLES,
    PHRASE_BREAKS,
    POSSESSIVES,
    RELATIVE_PRONOUNS,
    SUBJ,
    SUBJ_PASS,
    TIME_NOUNS,
    TYPE_RANK,
    WERDEN,
    clause_bounds,
)


FINITE_MORPHS = {}        # morph hash -> has VerbForm=Fin (see final_particles)


class ArgumentFinder:
    """Reads the entities filling argument positions in one Doc, given its mentions and names."""

    def __init__(self, doc, mentions, names, article: str, offset: int = 0, lex=None, lemmatize=None):
        self.doc = doc
        self.lex = lex or load()
        self.article = article
        self.offset = offset
        self.lemmatize = lemmatize or (lambda token: token.lemma_)
        self.mentions = mentions
        self.names = names
        self.types = {}
        self.by_token = {}
        for index, m in enumerate(mentions):
            self.types.setdefault(names[index], m.type)
            for i in range(m.first, m.last + 1):
                self.by_token.setdefault(i, []).append(index)
        self.context = {"claimants": [], "sentence": 0}   # shared by the pieces of one article
        self._lemmas = {}
        self._by_first = sorted(range(len(mentions)), key=lambda ix: mentions[ix].first)
        self._firsts = [mentions[ix].first for ix in self._by_first]

    # ------------------------------------------------------------ helpers on tokens

    def lemmas(self, token) -> set:
        """Candidate lemmas, with a separable particle joined in front ("weist ... zurück")."""
        if token.i not in self._lemmas:
            self._lemmas[token.i] = frozenset(self._find_lemmas(token))
        return self._lemmas[token.i]

    def _find_lemmas(self, token) -> set:
        bases = {fold(token.lemma_), fold(self.lemmatize(token)), token.lower_,
                 self.lex.verb_forms.get(token.lower_, "")}
        bases.discard("")
        result = set(bases)
        children = list(token.children)
        particles = [c for c in children if c.dep_ in ("compound:prt", "svp") or c.tag_ == "PTKVZ"]
        particle = self.clause_final_particle(token)
        if particle is not None:
            particles.append(particle)
        for child in particles:
            result |= {child.lower_ + base for base in bases}
        for child in children:
            if child.lower_ == "miteinander":      # "haben miteinander gesprochen": talks, not a statement
                result |= {"miteinander " + base for base in bases}
            if child.lower_ == "sich" and "weisen" in bases:
                result.add("von sich weisen")
            if child.lower_ == "verantwortlich":
                result.add("verantwortlich machen")
        return result

    def clause_final_particle(self, verb):
        """A separable particle closing the finite verb's clause ("weist ... zurück", "bestellt ...
        ein"), found by position because the parser often attaches it elsewhere."""
        at = self.__dict__.get("_particle_at")
        if at is None:                      # once per Doc: the particle a scan from each token finds
            at = self._particle_at = self.final_particles(self.doc)
        if at[verb.i + 1] is None or "Inf" in verb.morph.get("VerbForm"):     # the cheap test first
            return None
        return self.doc[at[verb.i + 1]]

    @classmethod
    def final_particles(cls, doc) -> list:
        """For each token index j (and len(doc)), the particle that a scan from j up to the next sentence
        start, finite verb or clause end finds (its index), else None; read off arrays, not Tokens."""
        from spacy.attrs import IS_PUNCT, LOWER, MORPH, ORTH, POS, SENT_START
        from spacy.strings import get_string_id
        from spacy.symbols import AUX, VERB
        from spacy.tokens import MorphAnalysis

        rows = doc.to_array([SENT_START, POS, IS_PUNCT, LOWER, ORTH, MORPH]).tolist() if len(doc) else []
        particles = {get_string_id(p) for p in PARTICLES}
        ends = {get_string_id(p) for p in CLAUSE_END}
        comma = get_string_id(",")
        finite = FINITE_MORPHS
        end = len(rows)
        at = [None] * (end + 1)
        for j in range(end - 1, -1, -1):
            sent_start, pos, _, lower, orth, morph = rows[j]
            if sent_start == 1:
                continue
            if pos in (VERB, AUX):
                if morph not in finite:
                    finite[morph] = "Fin" in MorphAnalysis.from_id(doc.vocab, morph).get("VerbForm")
                if finite[morph]:
                    continue
            if orth == comma:           # "warf X, der ... liegt, Y vor": over the relative clause
                closing = cls.relative_clause_end(doc, j)
                at[j] = None if closing is None else at[j + 1] if closing == j else at[closing + 1]
            elif lower in particles and (j + 1 == end or rows[j + 1][2] or rows[j + 1][0] == 1):
                at[j] = j
            elif orth not in ends:
                at[j] = at[j + 1]
        return at

    @staticmethod
    def relative_clause_end(doc, comma):
        """The comma index itself, or for a relative clause opening there ("..., der seit Jahren ...
        liegt, ...") the comma closing it; None when it closes no clause."""
        k = comma + 1
        if k < len(doc) and doc[k].pos_ == "ADP":
            k += 1                          # "..., mit dem er ..."
        if k >= len(doc) or doc[k].lower_ not in RELATIVE_PRONOUNS or \
                "Rel" not in doc[k].morph.get("PronType"):
            return comma
        finite = False
        for i in range(k + 1, min(len(doc), k + 40)):
            token = doc[i]
            if token.is_sent_start or token.text in CLAUSE_END:
                return None
            if token.pos_ in ("VERB", "AUX") and ("Fin" in token.morph.get("VerbForm") or token.morph.get("Person")):
                finite = True
            elif token.text == "," and finite:
                return i
        return None

    def preposition(self, token):
        for child in token.children:
            if (child.dep_ in ("case", "ac") and child.pos_ not in ("PROPN", "NOUN")) or \
                    (child.pos_ == "ADP" and child.i < token.i):
                word = child.lower_
                return CONTRACTIONS.get(word, word)
        if token.i > 0 and self.doc[token.i - 1].pos_ == "ADP":
            word = self.doc[token.i - 1].lower_
            return CONTRACTIONS.get(word, word)
        return None

    def case(self, token):
        values = token.morph.get("Case")
        return values[0] if values else None

    def is_passive(self, verb) -> bool:
        if any(self.lex.verb_class(lemma, "motion") for lemma in self.lemmas(verb)):
            return False        # "war nach Kiew gereist": a perfect with "sein"
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
            if self.future_of_same_form(verb):
                return False
            start, end = clause_bounds(self.doc, verb.i, verb.sent)
            # the parser's passive with "haben" and no "werden" ("soll ... geliefert haben", "hat X Drohnen geliefert")
            return not (self.has_haben(verb, start, end) and
                        not any(c.dep_ == "aux:pass" and c.lemma_ in ("werden", "sein") for c in verb.children) and
                        not any(t.lower_ in WERDEN for t in self.doc[start:end]))
        if any(c.lemma_ == "werden" and c.dep_.startswith("aux") for c in verb.children) and \
                verb.lower_ != verb.lemma_.lower() and "Inf" not in verb.morph.get("VerbForm"):
            return True         # "wird ... unterstützt" (not the future "wird ... unterstützen")
        if not self.looks_participle(verb):
            return False
        start, end = clause_bounds(self.doc, verb.i, verb.sent)
        return any(t.lower_ in WERDEN for t in self.doc[start:end])

    def future_of_same_form(self, verb) -> bool:
        """"Schweden wird der Ukraine Jets überlassen", "X wird Y empfangen": a verb whose participle is
        its infinitive, under a present "wird/werden" and with no "von/durch" agent, is a future."""
        if verb.lower_ != fold(verb.lemma_) or "Part" in verb.morph.get("VerbForm"):
            return False
        auxes = [c.lower_ for c in verb.children if c.dep_.startswith("aux")]
        return any(a in ("wird", "werden", "werde", "wirst", "würde", "würden") for a in auxes) and \
            not any(a in ("worden", "wurde", "wurden") for a in auxes) and \
            not any(self.preposition(c) in ("von", "durch") for c in verb.children) and \
            any(c.dep_ in ("nsubj", "nsubj:pass") and self.case(c) in ("Nom", None) for c in verb.children)

    def has_haben(self, verb, start, end) -> bool:
        """A form of "haben" as the verb's auxiliary, or in its clause where the parser hung it
        on another word ("hat Kiew leichte Panzer geliefert" with "hat" under "leichte")."""
        return any(c.dep_.startswith("aux") and c.lemma_ == "haben" for c in verb.children) or \
            any(t.lemma_ == "haben" and t.pos_ == "AUX" and t.i < verb.i for t in self.doc[start:end])

    def looks_participle(self, verb) -> bool:
        """Past participle, by morphology or by form ("geliefert", "vorgeworfen", "verlegt" after
        a form of "werden"), since the morphologizer often misses it."""
        if "Part" in verb.morph.get("VerbForm") or verb.tag_ == "VVPP":
            return True
        word, lemma = verb.lower_, verb.lemma_.lower()
        if word == lemma or "Inf" in verb.morph.get("VerbForm"):
            return False
        if word.startswith("ge") and not lemma.startswith("ge"):
            return True
        if any(word.startswith(p + "ge") and not lemma.startswith(p + "ge") for p in PARTICLES):
            return True
        return word.endswith(("t", "en")) and not word.endswith("ieren") and bool(verb.morph.get("Tense")) and \
            any(t.lower_ in ("worden",) for t in verb.sent)

    def entities_at(self, head, max_depth=2, actor=False) -> list:
        """Entity names an argument phrase stands for: the highest-ranked mentions nearest its head,
        one per conjunct ("die Nato und die USA"). An `actor` (a subject or agent) is named by a
        derived adjective only on nouns for people or bodies acting for a state."""
        head = self.antecedent(head) or head
        found = []
        conjuncts = self.conjuncts(head)
        holders = [self.named_role_holder(c) for c in conjuncts]
        for conjunct, holder in zip(conjuncts, holders):
            if holder is None and len(conjuncts) > 1 and any(holders) and conjunct.text[:1].isupper() and \
                    self.lex.title_relation(conjunct.text):
                continue     # "der frühere EU-Ratspräsident und polnische Oppositionsführer X": one person
            best = holder or self.owner_role_holder(conjunct) or self.nearest_entity(conjunct, max_depth, actor)
            if best and best not in found:
                found.append(best)
            if best and not actor and self.types.get(best) == "PERSON":   # "sanktioniert die Minister X Y und Z W"
                tokens = [t for t in conjunct.subtree if best in (self.names[ix] for ix in self.by_token.get(t.i, ()))]
                for other in [c for t in tokens for c in self.conjuncts(t)[1:]]:
                    found += [n for n in self.entities_at(other, 1) if n not in found and self.types.get(n) == "PERSON"]
        return found

    def pronoun_subject(self, pronoun, verb):
        """"X sagte, er werde Y treffen", "Orbán, dem er Lügen vorwarf": "er" in a clause under another
        clause stands for that clause's subject, when it names a person."""
        if pronoun.lower_ != "er" or verb.dep_ not in CLAUSE_DEPS or verb.head == verb:
            return None
        outer_verb = verb.head          # "übte Kritik an X, dem er ... vorwarf": the clause hangs on a noun
        while outer_verb.pos_ not in ("VERB", "AUX") and outer_verb.head != outer_verb:
            outer_verb = outer_verb.head
        outer = [c for c in outer_verb.children if c.dep_ in SUBJ and c.i < pronoun.i and c.lower_ != "er"] or \
            [h for h in self.shared_or_conj_subjects(outer_verb) if h.i < pronoun.i and h.lower_ != "er"]
        if outer and any(self.types.get(n) == "PERSON" for n in self.entities_at(outer[0], actor=True)):
            return outer[0]
        return None

    def antecedent(self, pronoun):
        """What a relative pronoun stands for: "Orbán, dem er Lügen vorwarf" -> Orbán. The noun the
        relative clause hangs on, or the name right before its comma."""
        if pronoun.lower_ not in RELATIVE_PRONOUNS or pronoun.i < 2 or not (pronoun.pos_ == "PRON" or
                                                                        (pronoun.pos_ == "DET" and pronoun.head.pos_ in ("VERB", "AUX"))):
            return None         # a relative "der" tagged DET but hung on the verb as its argument
        if self.doc[pronoun.i - 1].text != ",":
            return None
        clause_verb = pronoun.head
        before = self.doc[pronoun.i - 2]
        if clause_verb.dep_ in ("acl", "acl:relcl", "rc") and clause_verb.head.i < pronoun.i and \
                clause_verb.head.pos_ in ("NOUN", "PROPN") and \
                (self.by_token.get(clause_verb.head.i) or not self.by_token.get(before.i)):
            return clause_verb.head
        if self.by_token.get(before.i):
            return before          # the name right before the comma
        if before.pos_ in ("VERB", "AUX") or before.dep_ in ("compound:prt", "svp"):
            # "sich der Klage anzuschließen, die ...", "schloss sich der Klage an, die ...": past the verb
            gender = set(pronoun.morph.get("Gender"))
            for j in range(before.i - 1, max(pronoun.i - 8, 0), -1):
                token = self.doc[j]
                if token.text in PHRASE_BREAKS:
                    break
                if token.pos_ in ("NOUN", "PROPN") and (not gender or not token.morph.get("Gender") or
                                                         gender & set(token.morph.get("Gender"))):
                    return token
        return None

    def conjuncts(self, token) -> list:
        result, stack = [], [token]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(c for c in current.children if c.dep_ in ("conj", "cj") and not self.relative_between(current, c)
                         and not self.inside_pp(current, c))
        return sorted(result, key=lambda t: t.i)

    def relative_between(self, first, second) -> bool:
        """"Erdoğan, der Israel ... vorwirft": no coordination reaches into a relative clause."""
        low, high = sorted((first.i, second.i))
        return any(t.text == "," and self.doc[t.i + 1].lower_ in RELATIVE_PRONOUNS and self.doc[t.i + 1].pos_ == "PRON"
                   for t in self.doc[low:high])

    def inside_pp(self, head, conjunct) -> bool:
        """"Exporte für Saudi-Arabien und die Emirate" with the second name hung on "Exporte": it
        follows "und" right after a prepositional phrase of the head, so it belongs to that phrase."""
        j = min(t.i for t in conjunct.subtree if t.dep_ not in ("cc", "punct")) - 1
        if j <= head.i or self.doc[j].lower_ not in ("und", "oder", "sowie"):
            return False
        return any(c.i < conjunct.i and max(t.i for t in c.subtree) == j - 1 and self.preposition(c) is not None
                   for c in head.children if c.dep_ in ("nmod", "obl"))

    def named_role_holder(self, head):
        """"UNO-Generalsekretär Ban Ki-moon", "Präsident Selenskyj": the person, not the organisation."""
        if not (head.text[:1].isupper() and self.lex.title_relation(head.text)):
            return None
        following = [head.i + 1] + [c.i for c in head.children if c.dep_ in ("appos", "flat", "nk")]
        for i in following:
            for index in self.by_token.get(i, ()):
                if self.mentions[index].type == "PERSON":
                    return self.names[index]
        return self.apposed_holder(head)

    def apposed_holder(self, head):
        """"mit dem russischen Botschafter in Afghanistan, Dmitri Schirnow, in Kabul", "mit dem Alterspräsidenten,
        dem CHP-Abgeordneten X,": a name between commas right after the role noun's phrase."""
        end = max(t.i for t in head.subtree)
        if end - head.i > 4 or end + 3 >= len(self.doc) or self.doc[end + 1].text != ",":
            return None
        start = end + 2
        while start < min(end + 6, len(self.doc)) and not any(   # ", dem CHP-Abgeordneten X,": its own role
                self.mentions[ix].type == "PERSON" for ix in self.by_token.get(start, ())) and \
                (self.doc[start].pos_ in ("DET", "ADJ") or self.lex.title_relation(self.doc[start].text)):
            start += 1
        for index in self.by_token.get(start, ()):
            m = self.mentions[index]
            if m.type == "PERSON" and m.first == start and m.last + 1 < len(self.doc) and \
                    self.doc[m.last + 1].text == ",":
                return self.names[index]
        return None

    def owner_role_holder(self, head):
        """"Kambodschas Regierungschef Hun Manet" parsed with the state as the head: the person."""
        if head.i + 1 >= len(self.doc) or not any(self.mentions[ix].type in ("STATE", "ORG")
                                                  for ix in self.by_token.get(head.i, ())):
            return None
        return self.named_role_holder(self.doc[head.i + 1])

    def nearest_entity(self, head, max_depth, actor=False):
        level, depth = [head], 0
        # "US-amerikanische und britische Behörden" parsed with the first adjective as the head
        noun = next((c for c in head.children if c.dep_ in ("conj", "cj") and c.pos_ == "NOUN"), head) \
            if head.pos_ == "ADJ" else head
        seat = self.body_seat(head)
        if seat:
            return seat
        while level and depth <= max_depth:
            candidates = []
            for token in level:
                for index in self.by_token.get(token.i, ()):
                    m = self.mentions[index]
                    if actor and ((m.kind == "adj" and not self.actor_noun(noun.text)) or
                                  not self.acts_for_state(index)):
                        continue
                    if token == head and m.kind == "compound" and m.type == "ORG" and self.envoy_of_state(head):
                        continue      # "der israelische UNO-Botschafter" acts for Israel, not the UNO
                    candidates.append((0 if m.kind != "adj" else 1, TYPE_RANK.get(m.type, 4), token.i,
                                       self.names[index]))
            if candidates:
                return min(candidates)[3]
            if depth == 0:
                seat = self.seat_of(head)
                if seat:
                    return seat
            level = [c for t in level for c in t.children      # a PP inside the phrase is not the argument
                     if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cj", "punct")
                     and not (c.dep_ in ("nmod", "obl") and self.preposition(c) is not None)]
            depth += 1
        return None

    def actor_noun(self, word) -> bool:
        """is_actor_noun, plurals included ("Behörden", "Regierungen")."""
        return any(self.lex.is_actor_noun(word[:len(word) - len(e)]) for e in ("", "n", "en")
                   if word.endswith(e) and len(word) > len(e) + 3)

    def envoy_of_state(self, noun) -> bool:
        word = noun.lower_.rsplit("-", 1)[-1]
        return word.startswith(ENVOYS) and any(
            c.dep_ in ("amod", "nmod:poss", "nk") and any(self.mentions[ix].type == "STATE" for ix in self.by_token.get(c.i, ()))
            for c in noun.children)

    def body_seat(self, noun):
        """"die Militärjunta in Myanmar" taken for an organisation of its own: the state it rules."""
        if self.by_token.get(noun.i) and all(self.mentions[ix].type == "ORG" and self.mentions[ix].kind != "compound"
                                             for ix in self.by_token[noun.i]):
            return self.seat_of(noun)
        return None

    def capital_state(self, name):
        """The state a capital (a LOCATION with a metonym entry) stands for, when the text names that
        state as an entity too; else the name itself."""
        if self.types.get(name) != "LOCATION":
            return name
        states = self.lex.metonyms.get(fold(name))
        return states[0] if states and self.types.get(states[0]) == "STATE" else name

    def seat_of(self, noun):
        """"die Regierung in Asmara", "die Junta in Myanmar": a ruling body named by its seat or state."""
        if not self.lex.is_seat_noun(noun.text):
            return None
        j = noun.i + 1
        if j + 1 >= len(self.doc) or self.doc[j].lower_ != "in":
            return None
        for ix in self.by_token.get(j + 1, ()):
            m = self.mentions[ix]
            if m.type == "STATE":
                return self.names[ix]
            seat = self.lex.metonyms.get(fold(m.surface))       # a capital: "in Kabul"
            if m.type == "LOCATION" and seat:
                return seat[0]
        return None

    def acts_for_state(self, index) -> bool:
        """A hyphen compound acts for its state when its head is a body or role of the state
        ("US-Regierung", "Kreml-Sprecher"), not when it only names where a thing is ("US-Großbank")."""
        m = self.mentions[index]
        if m.kind != "compound" or m.type != "STATE":
            return True
        return self.lex.is_actor_noun(self.doc[m.token].text.rsplit("-", 1)[-1])

    def all_entities_in(self, token, exclude=()) -> list:
        """Every entity in a phrase's subtree (stopping at clauses), names before adjectives."""
        found = []
        stack = [token]
        while stack:
            current = stack.pop()
            for index in self.by_token.get(current.i, ()):
                m = self.mentions[index]
                found.append((1 if m.kind == "adj" else 0, current.i, self.names[index]))
            stack.extend(c for c in current.children if c.dep_ not in CLAUSE_DEPS or current == token)
        ordered = []
        for _, _, name in sorted(found):
            if name not in ordered and name not in exclude:
                ordered.append(name)
        return ordered


    def coordinated_with(self, name, phrase) -> list:
        """Names coordinated with `name` inside a phrase ("zwischen Nordkorea und Russland")."""
        tokens = [t for t in phrase.subtree if name in (self.names[ix] for ix in self.by_token.get(t.i, ()))]
        if not tokens:
            return []
        others = []
        for conjunct in self.conjuncts(tokens[0])[1:]:
            others += [n for n in self.entities_at(conjunct, 1) if n != name and n not in others]
        return others

    def subjects(self, verb) -> list:
        if verb is None:
            return []
        passive = self.is_passive(verb)
        if passive:            # the grammatical subject of a passive is the patient; "agent" finds the doer
            return []
        around = [verb] + [a for a in verb.children if a.dep_.startswith("aux")]   # "sollen X ... unterstützen"
        candidates = [c for v in around for c in v.children if c.dep_ in SUBJ]
        # a perfect with "sein" the parser took for a passive: its subject as the patient or agent
        candidates += [c for c in verb.children if c.dep_ in SUBJ_PASS | {"obl:agent"} and self.preposition(c) is None
                       and any(a.dep_ == "aux:pass" for a in verb.children)]
        # "Warschau - Der Minister X hat ...": the parser made the dateline the subject, X its conjunct
        candidates += [j for c in candidates if self.is_dateline(c) for j in c.children if j.dep_ in ("conj", "cj")]
        heads = [c for c in candidates if not (passive and c.dep_ == "nsubj:pass") and c.pos_ != "ADP"   # "Neben X ..."
                 and self.preposition(c) is None and not self.is_dateline(c) and not self.across_colon(c, verb)
                 and not self.oblique_article(c)]
        heads.sort(key=lambda t: t.i)
        if len(heads) > 1 and heads[0].lower_ in DEMONSTRATIVES and not list(heads[0].children):
            heads = heads[1:]       # "Dies habe X gesagt": the fronted pronoun is the object
        heads = [self.pronoun_subject(h, verb) or h for h in heads]
        shared = self.shared_subjects(verb)
        if shared:
            return shared
        if heads:              # a second "subject" is a parser error for an object (see extra_subjects),
            return heads[:1] + [h for h in heads[1:] if self.coordinated(heads[0], h)]   # unless coordinated
        if not passive and not self.zu_infinitive(verb):   # a nominative the parser took for an object ("hat Nordkorea ... verlegt")
            heads = [c for c in verb.children if c.dep_ in OBJ and self.case(c) == "Nom"
                     and self.preposition(c) is None and not self.oblique_before(c)]
            if heads:
                return heads[:1]
        # "Die Ukraine hat ... angegriffen" parsed with "hat" as the main verb: its subject
        if verb.dep_ in ("xcomp", "oc", "ccomp") and verb.head != verb and verb.head.lemma_ == "haben" and \
                self.looks_participle(verb) and verb.head.i < verb.i:
            return [c for c in verb.head.children if c.dep_ in SUBJ and self.preposition(c) is None][:1]
        # controlled infinitives: "X wirft Y vor, ... zu liefern" (Y), "X plant, ... anzugreifen" (X)
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "oc") and verb.head != verb and self.is_infinitive(verb):
            governor = verb.head
            if any(self.lex.verb_class(l, "object_control") for l in self.lemmas(governor)):
                return self.datives(governor) or self.objects(governor)
            if not passive:
                return self.subjects(governor)
        if any(c.dep_ in ("mark", "cp") and c.lower_ != "zu" for c in verb.children):
            return []          # a subordinate clause ("dass ...") has its own subject or none
        if verb.dep_ == "conj" and verb.head != verb:          # "X kam und half Y"
            return self.subjects(verb.head)
        return []

    def oblique_before(self, token) -> bool:
        """"dem ukrainischen Präsidenten X": an article no nominative takes opens the name's phrase."""
        j = token.i - 1
        while j >= 0 and (self.doc[j].pos_ in ("ADJ", "NUM") or self.by_token.get(j) or
                          self.lex.title_relation(self.doc[j].text)) and j > token.i - 6:
            j -= 1
        return j >= 0 and self.doc[j].pos_ == "DET" and self.doc[j].lower_ in ("dem", "den", "des", "einem", "einen", "eines")

    def zu_infinitive(self, verb) -> bool:
        return any(c.lower_ == "zu" and c.dep_ in ("mark", "pm") for c in verb.children)

    def shared_or_conj_subjects(self, verb) -> list:
        """Subjects a verb without its own takes from the verb it is coordinated with."""
        if verb.dep_ in ("conj", "cj") and verb.head != verb and verb.head.i < verb.i:
            return [c for c in verb.head.children if c.dep_ in SUBJ]
        return []

    def shared_subjects(self, verb) -> list:
        """A participle or infinitive coordinated with another under one auxiliary shares its subject
        ("X hat Sanktionen verhängt und Peking angeklagt"): a nominative under it is a misread object."""
        if verb.dep_ not in ("conj", "cj") or verb.head == verb or verb.head.i > verb.i or \
                any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in verb.children) or \
                any(c.dep_ in ("mark", "cp") and c.lower_ != "zu" for c in verb.children) or \
                "Fin" in verb.morph.get("VerbForm") or not (self.looks_participle(verb) or self.is_infinitive(verb)):
            return []
        return self.subjects(verb.head)

    def oblique_article(self, noun) -> bool:
        """An article no nominative takes: "dem"/"des", or "der" before a feminine, neuter or plural
        noun ("Der Ministerin wirft X ... vor": a fronted dative the parser took for the subject)."""
        dets = [c for c in noun.children if c.dep_ in ("det", "nk") and c.i < noun.i]
        if not dets:
            return False
        word = dets[0].lower_
        if word in ("dem", "des"):
            return True
        if any(c.dep_ in ("amod", "nk") and c.pos_ == "ADJ" and c.lower_.endswith("e") and dets[0].i < c.i < noun.i
               for c in noun.children):
            return False        # "der slowakische Premier": an adjective in -e after "der" is nominative
        morph = noun.morph
        return word == "der" and ("Fem" in morph.get("Gender") or "Neut" in morph.get("Gender") or
                                  "Plur" in morph.get("Number"))

    def inside_phrase(self, token, cue_token) -> bool:
        """Is `token` part of the cue's own phrase: under the cue noun ("Vertrag über Zusammenarbeit
        zwischen X und Y"), or under the cue verb without crossing into a clause or a non-cue noun's
        modifiers ("die Konflikte zwischen X und Y dominieren" is no meeting)?"""
        node, steps = token, 0
        while node.head != node and steps < 6:
            if node.head == cue_token:
                return True
            if node.dep_ in CLAUSE_DEPS or node.head.pos_ in ("VERB", "AUX"):
                return False
            node, steps = node.head, steps + 1
        return False

    def across_colon(self, token, verb) -> bool:
        """"Gerlach: Das BKA entsendet ...": a speaker tag before a colon is not the subject."""
        low, high = sorted((token.i, verb.i))
        return any(t.text == ":" for t in self.doc[low:high])

    def is_dateline(self, token) -> bool:
        """"Kiew – Der ukrainische Präsident ...", "London/Brüssel – ...", "Berlin (dpa) – ...": the
        place of the report, not a subject."""
        start = token.sent.start
        brackets = 0
        for j in range(start, min(len(self.doc), start + 8)):
            text = self.doc[j].text
            if text in DASHES:
                # "Wladimir Putin – seit 2000 an der Macht – ...": a person before the dash, or a
                # second dash closing an aside, is no dateline
                if any(t.text in DASHES for t in self.doc[j + 1:token.sent.end]) or \
                        any(self.mentions[ix].type == "PERSON" for i in range(start, j) for ix in self.by_token.get(i, ())):
                    return False
                return j > token.i
            brackets += (text == "(") - (text == ")")
            if not (brackets or text in ("/", ",", ")") or text[:1].isupper()):
                return False
        return False

    def is_infinitive(self, verb) -> bool:
        return "Inf" in verb.morph.get("VerbForm") or verb.tag_ in ("VVINF", "VVIZU", "VAINF") or \
            any(c.lower_ == "zu" and c.dep_ in ("mark", "pm") for c in verb.children) or \
            ("zu" in verb.lower_[1:-2] and verb.lower_.endswith("en"))

    def objects(self, verb) -> list:
        if verb is None:
            return []
        if self.is_passive(verb):
            heads = [c for c in verb.children if c.dep_ in SUBJ_PASS | SUBJ and self.preposition(c) is None
                     and not self.is_dateline(c)]
            if heads:       # "X reiste nach Y, wo er von Z empfangen wurde": "er" is X
                return [self.pronoun_subject(h, verb) or h for h in heads]
        subjects = set(self.subjects(verb)) if not self.is_passive(verb) else set()
        objs = [c for c in verb.children if (c.dep_ in OBJ or (c.dep_ == "obl:arg" and self.case(c) == "Acc"
                                                               and self.preposition(c) is None)) and c not in subjects]
        if not objs:        # "hat das Vorgehen Chinas scharf verurteilt": the object hung on the adverb
            objs = [g for c in verb.children if c.pos_ in ("ADJ", "ADV") and c.dep_ not in CLAUSE_DEPS
                    and c.i < verb.i for g in c.children if g.dep_ in OBJ and g.i < c.i]
        if not objs:        # "der den Präsidenten X empfangen hatte": an accusative article, parsed as obl:arg
            objs = [c for c in verb.children if c.dep_ == "obl:arg" and self.preposition(c) is None and
                    any(d.dep_ == "det" and d.lower_ in ("den", "einen") and d.i < c.i for d in c.children)]
        # "besuchte am Dienstag Israel": the name parsed as the time noun's apposition
        objs += [a for c in verb.children if c.dep_ in OBLIQUE and c.lower_ in TIME_NOUNS
                 for a in c.children if a.dep_ in ("appos", "flat", "nk") and self.by_token.get(a.i)]
        if self.shared_subjects(verb):      # "hat ... verhängt und Peking angeklagt": no own subject
            objs += [c for c in verb.children if c.dep_ in SUBJ and c not in subjects]
        return self.extra_subjects(verb) + ([c for c in objs if self.case(c) != "Dat"] or objs)

    def extra_subjects(self, verb) -> list:
        """Subjects after the first one: the parser's mislabelled objects ("X wirft Y vor")."""
        heads = [c for c in verb.children if c.dep_ in SUBJ and not self.is_dateline(c)]
        first = set(self.by_token.get(heads[0].i, ())) if heads else set()
        return [h for h in heads[1:] if not (self.coordinated(heads[0], h) or   # "Xi | Jinping": one name
                                             first & set(self.by_token.get(h.i, ())))]

    def coordinated(self, first, second) -> bool:
        """Two nominals joined by "und", "oder", "sowie", "als auch" with no verb between them."""
        between = self.doc[min(first.i, second.i) + 1:max(first.i, second.i)]
        if not any(t.pos_ == "CCONJ" or t.lower_ in ("und", "sowie", "oder") for t in between) or \
                any(t.pos_ in ("VERB", "AUX") for t in between):
            return False
        # another argument of the same verb in between: "warf X den Y und Z vor" (Z is no subject)
        return not any(t.head == first.head != t and t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ not in ("conj", "cj")
                       for t in between)     # but "Präsident X und der Staatschef Y": the titles' conjunct

    def datives(self, verb) -> list:
        if verb is None:
            return []
        heads = [c for c in verb.children if c.dep_ in DAT and self.preposition(c) is None]
        # of two objects, the one that is a name is the recipient ("gibt Putin Soldaten")
        heads += [c for c in verb.children if c.dep_ in OBJ and c not in heads and self.by_token.get(c.i)
                  and self.preposition(c) is None and c not in self.subjects(verb)
                  and any(o != c and not self.by_token.get(o.i) for o in verb.children if o.dep_ in OBJ | SUBJ)]
        heads += [c for c in self.extra_subjects(verb) if (self.case(c) in ("Dat", None) or not heads)
                  and c not in heads]
        heads += [c for c in verb.children if c.dep_ in OBJ | SUBJ_PASS | {"obl"} and self.case(c) == "Dat"
                  and self.preposition(c) is None and c not in heads]
        # "soll Russland Drohnen geliefert haben": the dative taken for the object's owner
        heads += [g for c in verb.children if c.dep_ in OBJ for g in c.children if self.bare_dative(g, c)
                  and g not in heads]
        return heads

    def modifiers(self, noun) -> list:
        """States, persons and orgs attached to a noun: adjectives, genitives, possessives, compounds."""
        names = []
        for index in self.by_token.get(noun.i, ()):
            m = self.mentions[index]   # "EU-Sanktionen", "US-Angriffe" name the actor; "Ukraine-Krieg" the place
            if m.kind == "compound" and (m.type in ("ORG", "PERSON") or m.surface.isupper()):
                names.append(self.names[index])
        for child in noun.children:
            if child.dep_ == "amod" and child.pos_ in ("NOUN", "PROPN") and \
                    any(self.mentions[ix].kind == "compound" for ix in self.by_token.get(child.i, ())):
                continue       # a compound noun as "amod" is a parser error ("seit Beginn des Ukraine-Krieges Sanktionen")
            if self.bare_dative(child, noun):
                continue
            if child.dep_ == "appos" and child.i == noun.i + 1 and self.genitive_name(child):
                names += [n for c in self.conjuncts(child) for n in self.entities_at(c, 0) if n not in names]
                continue        # "Unterstützer Armeniens", "die Botschafter Spaniens und Irlands" parsed as appositions
            genitive_appos = child.dep_ == "appos" and child.i == noun.i + 1 and child.lower_.endswith("s") and \
                any(self.mentions[ix].kind != "adj" for ix in self.by_token.get(child.i, ()))   # "die Kritik Kiews"
            if child.dep_ in ("amod", "nmod:poss", "det:poss", "nk", "ag") or genitive_appos or \
                    (child.dep_ in ("nmod", "det") and self.preposition(child) is None and
                     (self.case(child) in ("Gen", None) or self.genitive_article(child) or self.genitive_name(child))
                     and child.i < noun.i + 6):
                seat = self.body_seat(child)
                for name in [seat] if seat else [self.names[index] for index in self.by_token.get(child.i, ())]:
                    if name not in names:
                        names.append(name)
                if child.dep_ == "nmod" and not self.by_token.get(child.i):
                    names += [n for n in self.entities_at(child, 1) if n not in names]
        return names

    def possessor_subjects(self, noun) -> list:
        """"X nutzte seinen Besuch in Y", "bei ihrem Treffen mit Y sagte X": a possessive pronoun on
        the noun stands for the subject of the noun's clause."""
        if not any(c.dep_ in ("det:poss", "nmod:poss") and c.lower_.startswith(POSSESSIVES) for c in noun.children):
            return []
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        return self.subjects(verb) if verb.pos_ in ("VERB", "AUX") else []

    def bare_dative(self, child, noun) -> bool:
        """"gab Ungarn Rückendeckung": a name without genitive ending right before a bare object noun
        is the verb's dative, not the noun's owner (that would be "Ungarns Rückendeckung")."""
        return child.dep_ in ("nmod:poss", "nmod", "nk", "compound") and child.i == noun.i - 1 and child.pos_ == "PROPN" \
            and not child.lower_.endswith(("s", "'", "’", "x", "z")) and noun.head.pos_ in ("VERB", "AUX") \
            and noun.head != noun

    def gov_datives(self, noun) -> list:
        """The dative of the light verb governing a noun cue ("sprach ihr das Vertrauen aus", "gab
        Ungarn Rückendeckung", "sicherte Kiew Hilfe zu"): the one the noun is given to."""
        verb = self.governor(noun, "light")
        if verb is None:
            return []
        heads = [h for h in self.datives(verb) if h != noun and h.i != noun.i]
        heads += [c for c in noun.children if self.bare_dative(c, noun)]
        return heads

    def owned_by_another(self, noun, relation) -> bool:
        """"trotz der Kritik seines Ministers an X": a speech-act noun with an owner of its own (or under
        trotz/nach/wegen) is not the criticism of the clause's subject."""
        return relation in ("accuses", "criticizes", "denies") and noun.i + 1 < len(self.doc) and \
            (self.doc[noun.i + 1].lower_ in GENITIVE_OWNERS or self.preposition(noun) in ("trotz", "nach", "wegen"))

    def genitive_name(self, token) -> bool:
        """A name in the genitive by its -s ("Nordkoreas", "Kiews", "Erdoğans"), whatever case the parser
        gave it: the parse says genitive, or the word is its lemma or the name's last word plus -s."""
        indexes = [ix for ix in self.by_token.get(token.i, ()) if self.mentions[ix].kind != "adj"]
        if not indexes or not token.text.endswith(("s", "'", "’")) or len(token.text) <= 3:
            return False
        bare = fold(token.text[:-1])
        return "Gen" in token.morph.get("Case") or fold(token.lemma_) == bare or \
            any(fold(self.names[ix].split()[-1]) == bare for ix in indexes)

    def genitive_article(self, noun) -> bool:
        """"der myanmarischen Armee" with the noun's case misread: its article says genitive, or it is
        "des"/"der" right after the noun it hangs on ("die Kritik der SPÖ an X")."""
        right_after = noun.head != noun and noun.head.pos_ == "NOUN" and noun.head.i < noun.i
        return any(c.dep_ in ("det", "nk") and c.i < noun.i and ("Gen" in c.morph.get("Case") or
                   (right_after and c.lower_ in ("des", "der") and c.i == noun.head.i + 1)) for c in noun.children)

    def governor(self, noun, verb_class):
        head = noun.head
        if head == noun or noun.dep_ not in OBJ | DAT | SUBJ_PASS | SUBJ | {"obl", "obl:arg"}:
            return None
        if noun.dep_ in SUBJ and verb_class != "receive" and not (
                noun.i < head.i and any(c.dep_ in SUBJ and c.i > head.i for c in head.children)):
            return None         # not "Schwere Vorwürfe gegen X erhebt Y": a fronted object, Y the subject
        if any(self.lex.verb_class(l, verb_class) for l in self.lemmas(head)):
            return head
        return None


    def mentions_in(self, span) -> list:
        return self.mentions_between(span.start, span.end)

    def mentions_between(self, start, end) -> list:
        """Indexes of the mentions whose first token is in [start, end), found by bisection: a scan
        over all mentions for every sentence or clause would make long texts quadratic."""
        firsts = self._firsts
        return self._by_first[bisect.bisect_left(firsts, start):bisect.bisect_left(firsts, end)]

