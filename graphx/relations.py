"""The relations stage: cue words + the dependency parse -> typed relations with evidence.

A cue (graphx/lexicons/cues.jsonl) names a relation label and, for source and target, the
argument roles to try in order. Roles are read off the parse (UD labels), with grammatical
case from the morphology where the labels are ambiguous. Role nouns ("der ukrainische
Präsident Selenskyj") give leader_of / member_of. Every relation carries its evidence: the
sentence, its offsets, who says it (attribution), and whether it is stated or alleged.
Negated or questioned statements yield nothing.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from graphx.lexicon import fold, load

RULES_VERSION = "3"
SUBJ = {"nsubj", "sb"}
SUBJ_PASS = {"nsubj:pass"}
OBJ = {"obj", "oa", "dobj"}
DAT = {"iobj", "da", "obl:arg"}
OBLIQUE = {"obl", "obl:arg", "nmod", "obl:agent", "advmod", "mo", "op", "pg"}
CLAUSE_DEPS = {"acl", "acl:relcl", "ccomp", "xcomp", "advcl", "parataxis", "csubj", "csubj:pass"}
NEGATIONS = {"nicht", "nie", "niemals", "keineswegs", "nimmer"}
CONTRACTIONS = {"im": "in", "ins": "in", "beim": "bei", "vom": "von", "zum": "zu", "zur": "zu", "am": "an",
                "ans": "an", "aufs": "auf", "übers": "über", "fürs": "für"}
ACCORDING_TO = {"laut", "zufolge"}
PARTICLES = {"ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "gegenüber", "her", "hin", "los",
             "mit", "nach", "vor", "vorbei", "weg", "zu", "zurück", "zusammen", "entgegen", "hervor", "heraus"}
CLAUSE_END = {".", "!", "?", ";", ":"}
BOTH_NOUNS = {"staaten", "länder", "seiten", "regierungen", "nachbarn", "partner"}
HYPOTHETICAL = {"ob", "falls", "sofern", "wenn", "sollte", "sollten"}
WERDEN = {"werden", "wird", "wurde", "wurden", "worden", "werde", "würde", "würden", "wirst", "wurdest"}
TYPE_RANK = {"PERSON": 0, "ORG": 1, "STATE": 2, "LOCATION": 3}
DASHES = {"–", "—", "-"}


@dataclass
class Sentence:
    span: object
    offset: int          # of the doc inside the article text

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char


class RelationFinder:
    """Finds relations in one Doc given its mentions and their resolved entity names."""

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
        bases = {fold(token.lemma_), fold(self.lemmatize(token)), token.lower_}
        bases.discard("")
        result = set(bases)
        particles = [c for c in token.children if c.dep_ in ("compound:prt", "svp") or c.tag_ == "PTKVZ"]
        particle = self.clause_final_particle(token)
        if particle is not None:
            particles.append(particle)
        for child in particles:
            result |= {child.lower_ + base for base in bases}
        for child in token.children:
            if child.lower_ == "sich" and "weisen" in bases:
                result.add("von sich weisen")
            if child.lower_ == "verantwortlich":
                result.add("verantwortlich machen")
        return result

    def clause_final_particle(self, verb):
        """A separable particle closing the finite verb's clause ("weist ... zurück", "bestellt ...
        ein"), found by position because the parser often attaches it elsewhere."""
        if "Inf" in verb.morph.get("VerbForm"):
            return None
        end = verb.sent.end
        for j in range(verb.i + 1, end):
            token = self.doc[j]
            if token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm"):
                return None
            if token.lower_ in PARTICLES and (j + 1 == end or self.doc[j + 1].is_punct):
                return token
            if token.text in CLAUSE_END:
                return None
        return None

    def preposition(self, token):
        for child in token.children:
            if child.dep_ in ("case", "ac") or (child.pos_ == "ADP" and child.i < token.i):
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
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
            return True
        if any(c.lemma_ == "werden" and c.dep_.startswith("aux") for c in verb.children) and \
                verb.lower_ != verb.lemma_.lower() and "Inf" not in verb.morph.get("VerbForm"):
            return True         # "wird ... unterstützt" (not the future "wird ... unterstützen")
        if not self.looks_participle(verb):
            return False
        start, end = clause_bounds(self.doc, verb.i, verb.sent)
        return any(t.lower_ in WERDEN for t in self.doc[start:end])

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
        found = []
        for conjunct in self.conjuncts(head):
            best = self.named_role_holder(conjunct) or self.nearest_entity(conjunct, max_depth, actor)
            if best and best not in found:
                found.append(best)
        return found

    def conjuncts(self, token) -> list:
        result, stack = [], [token]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(c for c in current.children if c.dep_ in ("conj", "cj"))
        return sorted(result, key=lambda t: t.i)

    def named_role_holder(self, head):
        """"UNO-Generalsekretär Ban Ki-moon", "Präsident Selenskyj": the person, not the organisation."""
        if not (head.text[:1].isupper() and self.lex.title_relation(head.text)):
            return None
        following = [head.i + 1] + [c.i for c in head.children if c.dep_ in ("appos", "flat", "nk")]
        for i in following:
            for index in self.by_token.get(i, ()):
                if self.mentions[index].type == "PERSON":
                    return self.names[index]
        return None

    def nearest_entity(self, head, max_depth, actor=False):
        level, depth = [head], 0
        while level and depth <= max_depth:
            candidates = []
            for token in level:
                for index in self.by_token.get(token.i, ()):
                    m = self.mentions[index]
                    if actor and ((m.kind == "adj" and not self.lex.is_actor_noun(head.text)) or
                                  not self.acts_for_state(index)):
                        continue
                    candidates.append((0 if m.kind != "adj" else 1, TYPE_RANK.get(m.type, 4), token.i,
                                       self.names[index]))
            if candidates:
                return min(candidates)[3]
            level = [c for t in level for c in t.children      # a PP inside the phrase is not the argument
                     if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cj", "punct")
                     and not (c.dep_ in ("nmod", "obl") and self.preposition(c) is not None)]
            depth += 1
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

    # ------------------------------------------------------------ argument roles

    def role(self, role: str, cue_token, verb, cue, source_names=()):
        """Entity names filling `role` for a cue (cue_token is the verb or the cue noun)."""
        if role == "subj":
            heads = self.subjects(verb)
            return [n for h in heads for n in self.entities_at(h, actor=True)]
        if role == "agent":
            if verb is None:
                return []
            return [n for c in verb.children if c.dep_ in OBLIQUE | {"obl:agent"}
                    and self.preposition(c) in ("von", "durch") and self.is_passive(verb)
                    for n in self.entities_at(c, actor=True)]
        if role == "obj":
            return [n for h in self.objects(verb) for n in self.entities_at(h)]
        if role == "dat":
            return [n for h in self.datives(verb) for n in self.entities_at(h)]
        if role.startswith("pp:"):
            prep = role[3:]
            hosts = [cue_token] + ([verb] if verb is not None and verb != cue_token else [])
            found = [n for host in hosts for c in host.children
                     if c.dep_ in OBLIQUE | {"nmod", "obl"} and self.preposition(c) == prep
                     for n in self.entities_at(c)]
            if not found and verb is not None:   # "Soldaten nach Russland verlegt": PP under the object
                found = [n for c in verb.children if c.dep_ in OBJ | OBLIQUE | SUBJ_PASS and c != cue_token
                         for g in c.children if g.dep_ in ("nmod", "obl") and self.preposition(g) == prep
                         for n in self.entities_at(g)]
            return found
        if role == "mod":
            return self.modifiers(cue_token)
        if role == "gov_subj":
            governor = self.governor(cue_token, "light")
            return [n for h in self.subjects(governor) for n in self.entities_at(h, actor=True)] \
                if governor is not None else []
        if role == "receiver":
            governor = self.governor(cue_token, "receive")
            return [n for h in self.subjects(governor) for n in self.entities_at(h)] if governor is not None else []
        if role == "theme_owner":
            themes = self.objects(verb) if verb != cue_token or not cue.is_noun else []
            if cue.is_noun:
                themes = [c for c in cue_token.children if c.dep_ in ("nmod", "ag")]
            return [n for t in themes for n in self.modifiers(t)]
        if role == "claim":
            for head in self.objects(verb) + [c for c in verb.children if c.dep_ in ("ccomp",)]:
                names = self.all_entities_in(head, exclude=source_names)
                if names:
                    return [names[0]] + [n for n in self.coordinated_with(names[0], head) if n not in source_names]
            return []
        return []

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
        heads = [c for v in around for c in v.children if c.dep_ in SUBJ and not (passive and c.dep_ == "nsubj:pass")
                 and self.preposition(c) is None and not self.is_dateline(c) and not self.across_colon(c, verb)
                 and not self.oblique_article(c)]
        heads.sort(key=lambda t: t.i)
        if heads:              # a second "subject" is a parser error for an object (see extra_subjects),
            return heads[:1] + [h for h in heads[1:] if self.coordinated(heads[0], h)]   # unless coordinated
        if not passive:        # a nominative the parser took for an object ("hat Nordkorea ... verlegt")
            heads = [c for c in verb.children if c.dep_ in OBJ and self.case(c) == "Nom"
                     and self.preposition(c) is None]
            if heads:
                return heads[:1]
        # controlled infinitives: "X wirft Y vor, ... zu liefern" (Y), "X plant, ... anzugreifen" (X)
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "oc") and verb.head != verb and self.is_infinitive(verb):
            governor = verb.head
            if any(self.lex.verb_class(l, "object_control") for l in self.lemmas(governor)):
                return self.datives(governor) or self.objects(governor)
            if not passive:
                return [c for c in governor.children if c.dep_ in SUBJ]
        if any(c.dep_ in ("mark", "cp") and c.lower_ != "zu" for c in verb.children):
            return []          # a subordinate clause ("dass ...") has its own subject or none
        if verb.dep_ == "conj" and verb.head != verb:          # "X kam und half Y"
            return self.subjects(verb.head)
        return []

    def oblique_article(self, noun) -> bool:
        """An article no nominative takes: "dem"/"des", or "der" before a feminine, neuter or plural
        noun ("Der Ministerin wirft X ... vor": a fronted dative the parser took for the subject)."""
        dets = [c for c in noun.children if c.dep_ in ("det", "nk") and c.i < noun.i]
        if not dets:
            return False
        word = dets[0].lower_
        if word in ("dem", "des"):
            return True
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
            if heads:
                return heads
        subjects = set(self.subjects(verb)) if not self.is_passive(verb) else set()
        objs = [c for c in verb.children if c.dep_ in OBJ and c not in subjects]
        return self.extra_subjects(verb) + ([c for c in objs if self.case(c) != "Dat"] or objs)

    def extra_subjects(self, verb) -> list:
        """Subjects after the first one: the parser's mislabelled objects ("X wirft Y vor")."""
        heads = [c for c in verb.children if c.dep_ in SUBJ and not self.is_dateline(c)]
        return [h for h in heads[1:] if not (heads and self.coordinated(heads[0], h))]

    def coordinated(self, first, second) -> bool:
        """Two nominals joined by "und", "oder", "sowie", "als auch" with no verb between them."""
        between = self.doc[min(first.i, second.i) + 1:max(first.i, second.i)]
        if not any(t.pos_ == "CCONJ" or t.lower_ in ("und", "sowie", "oder") for t in between) or \
                any(t.pos_ in ("VERB", "AUX") for t in between):
            return False
        # another argument of the same verb in between: "warf X den Y und Z vor" (Z is no subject)
        return not any(t.head == first.head != t and t.pos_ in ("NOUN", "PROPN", "PRON") for t in between)

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
        return heads

    def modifiers(self, noun) -> list:
        """States, persons and orgs attached to a noun: adjectives, genitives, possessives, compounds."""
        names = []
        for index in self.by_token.get(noun.i, ()):
            m = self.mentions[index]   # "EU-Sanktionen", "US-Angriffe" name the actor; "Ukraine-Krieg" the place
            if m.kind == "compound" and (m.type == "ORG" or m.surface.isupper()):
                names.append(self.names[index])
        for child in noun.children:
            if child.dep_ == "amod" and child.pos_ in ("NOUN", "PROPN") and \
                    any(self.mentions[ix].kind == "compound" for ix in self.by_token.get(child.i, ())):
                continue       # a compound noun as "amod" is a parser error ("seit Beginn des Ukraine-Krieges Sanktionen")
            if child.dep_ in ("amod", "nmod:poss", "det:poss", "nk", "ag") or \
                    (child.dep_ in ("nmod", "det") and self.preposition(child) is None and
                     (self.case(child) in ("Gen", None)) and child.i < noun.i + 6):
                for index in self.by_token.get(child.i, ()):
                    if self.names[index] not in names:
                        names.append(self.names[index])
                if child.dep_ == "nmod" and not self.by_token.get(child.i):
                    names += [n for n in self.entities_at(child, 1) if n not in names]
        return names

    def governor(self, noun, verb_class):
        head = noun.head
        if head == noun or noun.dep_ not in OBJ | DAT | SUBJ_PASS | {"obl", "obl:arg", "nsubj"}:
            return None
        if noun.dep_ in SUBJ and verb_class != "receive":
            return None
        if any(self.lex.verb_class(l, verb_class) for l in self.lemmas(head)):
            return head
        return None

    def pairs(self, cue_token, verb, event=False) -> list:
        """Both sides of a symmetric relation as (a, b) pairs: "zwischen X und Y" (all of them),
        "X und Y unterzeichneten" (all of them), "X (und Y) ... mit Z" (each of X, Y with Z)."""
        scopes = [cue_token] + ([verb] if verb is not None and verb != cue_token else [])
        for scope in scopes:
            for token in scope.subtree:
                if token.lower_ == "zwischen":
                    phrase = token.head if token.head != token else token
                    if not self.inside_phrase(phrase, cue_token):
                        continue    # "zwischen" belongs to another phrase of the sentence
                    names = []
                    for conjunct in self.conjuncts(phrase):
                        names += [n for n in self.entities_at(conjunct, 2) if n not in names]
                    if len(names) >= 2:
                        return all_pairs(names)
        partners = [n for scope in scopes for c in scope.children if self.preposition(c) == "mit"
                    for n in self.entities_at(c)]
        for scope in scopes:
            if scope.pos_ not in ("VERB", "AUX") and scope != verb:
                continue
            at_event = event and self.preposition(cue_token) in ("bei", "beim", "auf", "während", "am")
            if scope != cue_token and not at_event and \
                    not any(self.lex.verb_class(lemma, "light") for lemma in self.lemmas(scope)):
                continue           # "sich für das Abkommen mit Iran einsetzen": no signatory
            subjects = [n for h in self.subjects(scope) for n in self.entities_at(h, actor=True)]
            if subjects and not partners:       # "mit X" hung elsewhere by the parser
                partners = [n for n in Clause(self, scope, scope.sent).with_preposition("mit") if n not in subjects]
            if subjects and partners:
                return [(a, b) for a in subjects for b in partners if a != b]
            if len(subjects) >= 2:
                return all_pairs(subjects)
        return []

    # ------------------------------------------------------------ attribution, polarity

    def negated(self, token) -> bool:
        scope = [token] + [c for c in token.children if c.dep_ in ("aux", "aux:pass", "cop")]
        for head in scope:
            for child in head.children:
                word = child.lower_
                if word in NEGATIONS:
                    following = self.doc[child.i + 1] if child.i + 1 < len(self.doc) else None
                    if following is not None and following.lower_ in ("nur", "bloß", "lediglich"):
                        continue
                    return True
                if word == "ohne" and child.dep_ in ("mark", "cp", "case"):
                    return True
                if word.startswith("kein") and child.dep_ in ("det", "nk", "advmod"):
                    return True
        for child in token.children:
            if child.dep_ in OBJ and any(g.lower_.startswith("kein") for g in child.children):
                return True
        return False

    def unasserted(self, cue_token, span) -> bool:
        """Is the cue inside what someone demands, proposes or threatens ("fordert X auf, Y zu
        beliefern", "droht, ... anzugreifen"), or in a condition or an indirect question ("falls ...",
        "ob ...")? Then nothing is asserted to have happened."""
        node, steps = cue_token, 0
        while node.head != node and steps < 4:
            previous, node = node, node.head
            steps += 1
            if previous.dep_ in CLAUSE_DEPS | {"xcomp", "oc"} and \
                    any(self.lex.verb_class(lemma, "appeal") for lemma in self.lemmas(node)):
                return True
        start, _ = clause_bounds(self.doc, cue_token.i, span)
        if self.doc[start].lower_ in HYPOTHETICAL or any(c.lower_ in HYPOTHETICAL and c.dep_ in ("mark", "cp")
                                                         for c in cue_token.children):
            return True          # "ob er ... treffen werde", "falls Iran ... liefert"
        if start <= span.start or not (self.is_infinitive(cue_token) or self.doc[start].lower_ in ("dass", "damit")):
            return False
        outer_start, outer_end = clause_bounds(self.doc, start - 2, span) if start - 2 >= span.start else (0, 0)
        return any(any(self.lex.verb_class(lemma, "appeal") for lemma in self.lemmas(t))
                   for t in self.doc[outer_start:outer_end] if t.pos_ in ("VERB", "AUX"))

    def attribution(self, sentence, cue_token, source_names):
        """(speaker entity or None, 'stated'|'alleged')."""
        doc = self.doc
        speaker, hedged = None, False
        for token in sentence.span:
            word = token.lower_
            if word in ACCORDING_TO:
                phrase = token.head if token.head != token else token
                names = self.entities_at(phrase, 2) if phrase != token else []
                if not names:
                    window = range(token.i + 1, min(token.i + 6, sentence.span.end)) if word == "laut" \
                        else range(max(sentence.span.start, token.i - 5), token.i)
                    names = [self.names[ix] for i in window for ix in self.by_token.get(i, ())]
                if names:
                    speaker = names[0]
            if word == "angaben" and token.i > 0 and doc[token.i - 1].lower_ == "nach":
                names = self.all_entities_in(token)
                if names:
                    speaker = names[0]
            if word == "berufung":
                hedged = True
        # reporting verb governing the cue's clause, or quoted speech with "so X" / "sagte X"
        node, steps = cue_token, 0
        while node.head != node and steps < 6:
            previous, node = node, node.head
            steps += 1
            lemmas = self.lemmas(node)
            if any(self.lex.verb_class(l, "hedge") for l in lemmas) and previous.dep_ in CLAUSE_DEPS | {"xcomp"}:
                hedged = True     # "X wirft Y vor, ... zu liefern": X says so
                names = [n for h in self.subjects(node) for n in self.entities_at(h)]
                if names and speaker is None:
                    speaker = names[0]
            if any(self.lex.verb_class(l, "report") for l in lemmas) and previous.dep_ in CLAUSE_DEPS:
                names = [n for h in self.subjects(node) for n in self.entities_at(h)]
                if names and speaker is None:
                    speaker = names[0]
                hedged = True
        for token in (cue_token, *[c for c in cue_token.children if c.dep_.startswith("aux")]):
            if "Sub" in token.morph.get("Mood") or token.lemma_ == "sollen":
                hedged = True
        if speaker is None:
            root = sentence.span.root
            if root != cue_token and any(self.lex.verb_class(l, "report") for l in self.lemmas(root)):
                names = [n for h in self.subjects(root) for n in self.entities_at(h)]
                if names:
                    speaker = names[0]
        alleged = hedged or (speaker is not None and speaker not in source_names)
        return speaker, ("alleged" if alleged else "stated")

    def attribution_tokens(self, span) -> set:
        """Tokens of "laut X", "X zufolge", "nach Angaben (von) X", "unter Berufung auf X": the
        source of a report is not an argument of what it reports."""
        doc, tokens = self.doc, set()
        for token in span:
            word = token.lower_
            if word in ("laut", "gemäß") or (word == "angaben" and token.i > span.start and
                                               doc[token.i - 1].lower_ == "nach") or \
                    (word == "berufung" and token.i + 1 < span.end and doc[token.i + 1].lower_ == "auf"):
                j = token.i + 1
                while j < span.end and not doc[j].is_punct and doc[j].pos_ not in ("VERB", "AUX") and \
                        not (doc[j].pos_ == "ADP" and doc[j].lower_ not in ("von", "vom", "auf", "des")):
                    tokens.add(j)
                    j += 1
            elif word == "zufolge":
                j = token.i - 1
                while j >= span.start and not doc[j].is_punct and doc[j].pos_ not in ("VERB", "AUX"):
                    tokens.add(j)
                    j -= 1
        return tokens

    def only_in_attribution(self, span) -> set:
        inside = self.attribution_tokens(span)
        if not inside:
            return set()
        seen_outside, seen_inside = set(), set()
        for index in self.mentions_in(span):
            (seen_inside if self.mentions[index].first in inside else seen_outside).add(self.names[index])
        return seen_inside - seen_outside

    # ------------------------------------------------------------ main loop

    def evidence(self, sentence, cue_token, cue_name, speaker, status):
        return {"article": self.article, "sentence": sentence.span.text.strip(),
                "start": sentence.start + (len(sentence.span.text) - len(sentence.span.text.lstrip())),
                "end": sentence.start + len(sentence.span.text.rstrip()),
                "attribution": speaker, "status": status, "cue": cue_name}

    def find(self) -> list:
        relations = []
        for span in self.doc.sents:
            sentence = Sentence(span, self.offset)
            self.context["sentence"] += 1
            if span.text.rstrip().endswith("?"):
                continue
            found = self.cue_relations(sentence)
            relations += found + self.role_relations(sentence)
            self.context["claimants"] += [(name, self.context["sentence"]) for name in self.claimants(span, found)]
            self.context.setdefault("states", []).extend(
                self.names[ix] for ix in self.mentions_in(span)
                if self.mentions[ix].type == "STATE" and self.mentions[ix].kind != "adj")
        return relations

    def mentions_in(self, span) -> list:
        return self.mentions_between(span.start, span.end)

    def mentions_between(self, start, end) -> list:
        """Indexes of the mentions whose first token is in [start, end), found by bisection: a scan
        over all mentions for every sentence or clause would make long texts quadratic."""
        firsts = self._firsts
        return self._by_first[bisect.bisect_left(firsts, start):bisect.bisect_left(firsts, end)]

    def claimants(self, span, found) -> list:
        """Who accuses, reports or claims something in a sentence, for denials that follow."""
        names = [r["source"] for r in found if r["relation"] == "accuses"]
        names += [r["evidence"]["attribution"] for r in found if r["evidence"]["attribution"]]
        for token in span:
            if token.pos_ in ("VERB", "AUX") and any(self.lex.verb_class(lemma, "report") or
                                                     self.lex.verb_class(lemma, "hedge")
                                                     for lemma in self.lemmas(token)):
                found_here = [n for h in self.subjects(token) for n in self.entities_at(h, actor=True)]
                names += found_here or Clause(self, token, span).subject()
        return list(dict.fromkeys(names))

    def both_states(self, token, span) -> list:
        """"Beide Staaten/Länder/Seiten" as the subject: the last two states named before."""
        start, end = clause_bounds(self.doc, token.i, span)
        words = [t.lower_ for t in self.doc[start:end]]
        if not any(w in ("beide", "beiden") and i + 1 < len(words) and words[i + 1] in BOTH_NOUNS
                   for i, w in enumerate(words)):
            return []
        recent = []
        for name in reversed(self.context.get("states", [])):
            if name not in recent:
                recent.append(name)
            if len(recent) == 2:
                return list(reversed(recent))
        return []

    def recent_claimant(self, sources):
        """"Beide Staaten weisen dies zurück": the denial answers whoever accused or claimed just before."""
        for name, number in reversed(self.context["claimants"]):
            if self.context["sentence"] - number > 2:
                break
            if name not in sources:
                return name
        return None

    def cue_relations(self, sentence) -> list:
        found = []
        clause_words = {fold(t.lemma_) for t in sentence.span} | {t.lower_ for t in sentence.span}
        for token in sentence.span:
            cues = []
            if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VV"):
                lemmas = self.lemmas(token)
                for lemma in lemmas:
                    cues += self.lex.verb_cues.get(lemma, [])
                verb = token
            elif token.pos_ in ("NOUN", "PROPN"):
                cues = list(self.lex.noun_cue(token.lemma_ or token.text)) or list(self.lex.noun_cue(token.text))
                verb = token.head if token.head.pos_ in ("VERB", "AUX") else None
            else:
                continue
            if not cues or self.negated(token) or self.unasserted(token, sentence.span):
                continue
            start, end = clause_bounds(self.doc, token.i, sentence.span)
            own_clause = {t.lower_ for t in self.doc[start:end]}
            for cue in cues:
                if cue.requires and not any(any(w.startswith(r) or r in w for w in clause_words)
                                            for r in cue.requires):
                    continue
                if cue.unless and own_clause & set(cue.unless):
                    continue
                found += self.apply_cue(sentence, token, verb, cue)
        return found

    def apply_cue(self, sentence, token, verb, cue) -> list:
        role_verb = token if not cue.is_noun else verb
        if "pair" in cue.source:
            pairs = self.pairs(token, role_verb, event=cue.relation == "meets")   # "X und Y ... bei einem Empfang"
            if not pairs:
                sources = self.first_role([r for r in cue.source if r != "pair"], token, role_verb, cue)
                targets = self.first_role([r for r in cue.target if r != "pair"], token, role_verb, cue,
                                          source_names=sources) if sources else []
                pairs = [(s, t) for s in sources for t in targets]
        else:
            sources = self.first_role(cue.source, token, role_verb, cue)
            targets = self.first_role(cue.target, token, role_verb, cue, source_names=sources) if sources else []
            pairs = [(s, t) for s in sources for t in targets]
        if not pairs:                       # the parse failed us: read the roles off the clause
            known = sources if "pair" not in cue.source else ()
            pairs = Clause(self, token, sentence.span).pairs(cue, known)
        if not pairs and cue.relation == "denies" and "claim" in cue.target:
            sources = sources or Clause(self, token, sentence.span).subject() or self.both_states(token, sentence.span)
            accuser = self.recent_claimant(sources)
            pairs = [(source, accuser) for source in sources] if accuser else []
        sayers = self.only_in_attribution(sentence.span)
        out = []
        for source, target in pairs:
            if source in sayers or target in sayers:
                continue
            if source == target or self.types.get(source) == "LOCATION" or \
                    (self.types.get(target) == "LOCATION" and cue.relation != "attacks"):
                continue
            speaker, status = self.attribution(sentence, token, {source})
            out.append({"source": source, "target": target, "relation": cue.relation,
                        "evidence": self.evidence(sentence, token, cue.lemma, speaker, status)})
        return out

    def first_role(self, roles, token, verb, cue, source_names=()):
        for role in roles:
            names = self.role(role, token, verb if verb is not None else token, cue, source_names)
            names = [n for n in names if n not in source_names]
            if names:
                return names
        return []

    def role_relations(self, sentence) -> list:
        """leader_of / member_of from role nouns next to names, and state bodies."""
        found = []
        doc, span = self.doc, sentence.span
        for index in self.mentions_in(span):
            m = self.mentions[index]
            person = self.names[index]
            if m.type == "PERSON":
                for title_token, relation in self.titles_before(m, span):
                    stem = self.lex.title_relation(title_token.text)[0]
                    allowed = self.lex.title_owners.get(stem, {"STATE", "ORG"}) & {"STATE", "ORG"}
                    for org in self.title_owners(title_token, m, span):
                        if org != person and self.types.get(org) in allowed:
                            found.append(self.role_relation(sentence, person, relation, org, title_token))
                for org in self.affiliation_after(m, span):
                    found.append(self.role_relation(sentence, person, "member_of", org, doc[m.last]))
            elif m.type == "ORG" and m.first > span.start:
                body = doc[m.first - 1]
                if body.pos_ in ("NOUN", "PROPN") and self.lex.is_state_body(body.text):
                    for org in self.title_owners(body, m, span):
                        if self.types.get(org) == "STATE" and org != person:
                            found.append(self.role_relation(sentence, person, "member_of", org, body))
        return found

    def role_relation(self, sentence, person, relation, org, token):
        # a role named with the name ("Nato-Sprecherin X") is the writer's description, not a claim
        speaker, status = None, "stated"
        return {"source": person, "target": org, "relation": relation,
                "evidence": self.evidence(sentence, token, token.text, speaker, status)}

    def titles_before(self, m, span):
        """Role nouns right before a name ("Präsident Selenskyj") or in apposition after it."""
        doc = self.doc
        result = []
        i = m.first - 1
        if i >= span.start:
            hit = self.lex.title_relation(doc[i].text) if doc[i].text[:1].isupper() else None
            if hit:
                result.append((doc[i], self.adjust_relation(doc[i], hit)))
        j = m.last + 1
        if j + 1 < span.end and doc[j].text == ",":
            token = doc[j + 1]
            if token.lower_ in ("der", "die", "das", "ein", "eine") and j + 2 < span.end:
                token = doc[j + 2]
            hit = self.lex.title_relation(token.text) if token.text[:1].isupper() else None
            if hit:
                result.append((token, self.adjust_relation(token, hit)))
        return result

    def adjust_relation(self, token, hit):
        """Heads of sub-units ("Geheimdienstchef") are members of the state, not its leaders."""
        stem, relation = hit
        word = fold(token.text)
        if "-" in word:
            word = word.rsplit("-", 1)[1]
        if relation == "leader_of" and len(word) > len(stem) + 3 and word not in self.lex.titles \
                and not word.startswith(("staats", "regierungs", "bundes", "general", "minister", "premier")):
            return "member_of"
        return relation

    def title_owners(self, title, m, span):
        """Who the role belongs to: a hyphen prefix ("Nato-Sprecherin"), an adjective or genitive
        before it ("ukrainische Präsident", "Russlands Außenminister"), or a genitive after it."""
        doc = self.doc
        owners = []
        for index in self.by_token.get(title.i, ()):
            if self.mentions[index].kind == "compound":
                owners.append(self.names[index])
        i = title.i - 1
        while i >= span.start and (doc[i].pos_ in ("ADJ", "DET", "PROPN", "NOUN", "ADV") or self.by_token.get(i)):
            hits = [self.names[ix] for ix in self.by_token.get(i, ()) if self.mentions[ix].type in ("STATE", "ORG")]
            if hits:
                owners += hits
                break
            if doc[i].pos_ in ("NOUN",) and not self.by_token.get(i):
                break
            if doc[i].lower_ in ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer"):
                break
            i -= 1
        after = []
        for child in title.children:
            if child.dep_ in ("nmod", "nmod:poss") and self.preposition(child) in (None, "von") and child.i > title.i \
                    and not (m.first <= child.i <= m.last) and not self.dative_der(child):
                # actor=True: "Chef der deutschen Landsmannschaft" is no role of Germany's
                after += [n for n in self.entities_at(child, 1, actor=True) if self.types.get(n) in ("STATE", "ORG")]
        if any(self.types.get(n) == "ORG" for n in after):   # "Österreich-Chef des Konzerns X": X's, not Austria's
            compounds = {self.names[ix] for ix in self.by_token.get(title.i, ()) if self.mentions[ix].kind == "compound"}
            owners = [n for n in owners if n not in compounds or self.types.get(n) != "STATE"]
        return list(dict.fromkeys(owners + after))

    def dative_der(self, noun) -> bool:
        """"der APA" after a name: dative (told to) unless the morphology says genitive."""
        dets = [c for c in noun.children if c.lower_ == "der" and c.i < noun.i]
        return bool(dets) and "Gen" not in dets[0].morph.get("Case") + noun.morph.get("Case")

    def affiliation_after(self, m, span):
        """"Hendrik Remmel vom GIDS", "Lee Ho-ryung vom Korea Institute ..." -> member_of."""
        doc = self.doc
        j = m.last + 1
        if j >= span.end or doc[j].lower_ not in ("vom", "von", "des", "der"):
            return []
        if doc[j].lower_ == "der" and j + 1 < span.end and "Gen" not in doc[j].morph.get("Case") + \
                doc[j + 1].morph.get("Case"):
            return []     # "bestätigte X der APA": a dative, not an affiliation
        k = j + 1
        if doc[j].lower_ == "von" and k < span.end and doc[k].lower_ in ("der", "dem", "den"):
            k += 1
        for ix in self.by_token.get(k, ()) if k < span.end else ():
            if self.mentions[ix].type == "ORG":
                return [self.names[ix]]
        return []


def find_relations(doc, mentions, names, article: str, offset: int = 0, lex=None, lemmatize=None,
                   context=None) -> list:
    """All relations in a Doc (a whole article or one chunk of it starting at `offset`). Pass the same
    `context` dict for the pieces of one article, in order, so that denials can answer earlier claims."""
    finder = RelationFinder(doc, mentions, names, article, offset, lex, lemmatize)
    if context is not None:
        context.setdefault("claimants", [])
        context.setdefault("sentence", 0)
        finder.context = context
    return finder.find()


CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")"}
RELATIVE_PRONOUNS = {"der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welcher", "welche", "welches"}
NP_INNER = {"DET", "ADJ", "NUM", "PRON"}
ATTACHED = "^"        # a name in apposition to a common noun: not a free argument
CLAIM_PREPOSITIONS = {None, ATTACHED, "von", "aus"}     # whose claim: "Vorwürfe von X", "Berichte aus Y"


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


class Clause:
    """Shallow argument roles for a cue when the dependency parse gives none: the cue's clause is
    the run of tokens between commas (colons, dashes, brackets); a mention's role comes from the
    preposition in front of its noun phrase, its grammatical case and its position."""

    def __init__(self, finder: RelationFinder, cue_token, span):
        self.f, self.doc, self.cue = finder, finder.doc, cue_token
        self.start, self.end = self.bounds(cue_token.i, span)
        self.span = span
        self.items = self.mentions_in(self.start, self.end)

    def bounds(self, i, span):
        return clause_bounds(self.doc, i, span)

    def mentions_in(self, start, end) -> list:
        """(mention index, preposition or None, case) per mention in [start, end)."""
        items = []
        for index in self.f.mentions_between(start, end):
            m = self.f.mentions[index]
            if m.last < end:
                bracketed = m.first > 0 and self.doc[m.first - 1].text == "("      # "Klug (SPÖ)", "(ISW)"
                prep = ATTACHED if bracketed else self.preposition_of(m, start)
                items.append((index, prep, self.f.case(self.doc[m.last])))
        return items

    def preposition_of(self, m, start):
        i = m.first - 1
        while i >= start and (self.doc[i].pos_ in NP_INNER or self.doc[i].lower_ in ("sowohl", "auch") or
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
        if token.pos_ in ("NOUN", "PROPN") and not self.f.by_token.get(i):
            return ATTACHED                                 # "in der Stadt Aleppo", "die Atommacht X"
        return None

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
        return self.f.names[index]

    def free(self, exclude=()):
        """Mentions with no preposition and not a genitive: candidates for subject and objects."""
        return [ix for ix, prep, case in self.items if prep is None and case != "Gen" and
                self.name(ix) not in exclude and not self.is_genitive_attribute(ix) and not self.describes_role(ix)]

    def describes_role(self, index) -> bool:
        """"der ukrainische Präsident Selenskyj": the adjective gives leader_of; the person is the argument."""
        m = self.f.mentions[index]
        if m.kind == "compound":          # "UNO-Generalsekretär Ban Ki-moon"
            j = m.last
        elif m.kind != "adj":
            return False
        else:
            j = m.last + 1
        while j < self.end and self.doc[j].pos_ == "ADJ":
            j += 1
        if not (j + 1 < self.end and self.f.lex.title_relation(self.doc[j].text) and self.doc[j].text[:1].isupper()):
            return False
        return any(self.f.mentions[ix].type == "PERSON" for ix in self.f.by_token.get(j + 1, ()))

    def is_genitive_attribute(self, index) -> bool:
        m = self.f.mentions[index]
        before = self.doc[m.first - 1] if m.first > self.start else None
        return before is not None and before.lower_ in ("des", "der") and self.f.case(self.doc[m.last]) == "Gen"

    def relative_clause(self) -> bool:
        first = self.doc[self.start]
        return self.start > self.span.start and first.pos_ == "PRON" and first.lower_ in RELATIVE_PRONOUNS

    def subject(self, exclude=()):
        """Names the clause's subject stands for (coordinated: all of them)."""
        if self.relative_clause():
            return []
        if self.is_infinitive_clause():
            return self.controller()
        actors = [ix for ix in self.free(exclude) if self.f.mentions[ix].kind != "adj" and self.f.acts_for_state(ix)]
        candidates = [ix for ix in actors if self.f.case(self.doc[self.f.mentions[ix].last]) in ("Nom", None)] or actors
        if not candidates:
            return []
        first = candidates[0]
        names = [self.name(first)]
        for ix in candidates[1:]:
            if self.f.coordinated(self.doc[self.f.mentions[first].last], self.doc[self.f.mentions[ix].first]):
                names.append(self.name(ix))
        return list(dict.fromkeys(names))

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
        return [self.name(ix) for ix, p, _ in self.items if p == prep and
                (after is None or after < self.f.mentions[ix].first <= after + 6)]

    def around_noun(self):
        """Derived adjective or genitive right before the cue noun, genitive right after it."""
        names = []
        for ix, prep, case in self.items:
            m = self.f.mentions[ix]
            if prep is None and (self.cue.i - 3 <= m.last < self.cue.i and (m.kind == "adj" or
                                 m.surface.endswith("s")) or (self.cue.i < m.first <= self.cue.i + 3 and
                                 self.is_genitive_attribute(ix))):
                names.append(self.name(ix))
        return names

    def role(self, role, cue, sources=()):
        noun = cue.is_noun
        if role in ("subj", "gov_subj", "receiver"):
            if noun and role == "subj":
                return []
            if role == "subj" and self.passive():
                return []
            if noun:
                verb_class = "receive" if role == "receiver" else "light"
                verbs = [t for t in self.doc[self.start:self.end] if t.pos_ in ("VERB", "AUX", "ADJ")
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
            names = [self.name(ix) for ix in free if self.f.case(self.doc[self.f.mentions[ix].last]) in wanted]
            return (names or [self.name(ix) for ix in free])[:1]
        if role.startswith("pp:"):
            return self.with_preposition(role[3:], after=self.cue.i if noun else None)
        if role == "mod":
            return self.around_noun() if noun else []
        if role == "theme_owner":
            return [self.name(ix) for ix, prep, _ in self.items if prep is None and self.f.mentions[ix].kind == "adj"]
        if role == "claim":      # "wies Vorwürfe Kiews zurück"; not "dementierte auf Twitter", "im Interview mit X"
            return [self.name(ix) for ix, prep, _ in self.items if prep in CLAIM_PREPOSITIONS
                    and self.outer_preposition(ix) in CLAIM_PREPOSITIONS
                    and self.name(ix) not in sources and self.f.mentions[ix].first > self.cue.i][:1]
        return []

    def pairs(self, cue, known_sources=()):
        if "pair" in cue.source:
            names = []
            for ix, prep, _ in self.items:
                if prep == "zwischen" or (prep is None and not cue.is_noun):
                    names.append(self.name(ix))
            names = list(dict.fromkeys(n for n in names if self.f.types.get(n) != "LOCATION"))
            if cue.is_noun:                      # "das Treffen zwischen X und Y", right after the noun
                names = self.with_preposition("zwischen", after=self.cue.i)
            elif len(names) >= 2:
                names = self.subject() if len(self.subject()) >= 2 else []
            return [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
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
