"""Verbal and nominal frames: a cue word from the predicate lexicon (lexicons/cues.jsonl) and
its argument roles, read off the parse, with the shallow clause reader as fallback."""
from __future__ import annotations

from graphx.lexicon import fold
from graphx.relations.clause import Clause
from graphx.relations.syntax import (
    BOTH_NOUNS,
    CONTENT_MARKS,
    INFLECTED,
    NEGATIONS,
    OBJ,
    OBLIQUE,
    PARTICLES,
    REASONS,
    RECIPROCAL,
    SPEECH_ACTS,
    SUBJ,
    SUBJ_PASS,
    TIME_NOUNS,
    UMLAUTS,
    all_pairs,
    clause_bounds,
)


class FrameRelations:
    """Relations from cue words (mixed into RelationFinder)."""

    def role(self, role: str, cue_token, verb, cue, source_names=()):
        """Entity names filling `role` for a cue (cue_token is the verb or the cue noun)."""
        if role == "subj":
            heads = self.subjects(verb)
            if cue.relation in SPEECH_ACTS and heads and all(self.fronted_claim_noun(h, verb) for h in heads):
                later = [c for c in verb.children if c.dep_ in SUBJ | OBJ and c.i > verb.i and self.entities_at(c, actor=True)]
                heads = later[:1] or heads      # "Die Berichte Xs dementierte Y": the claim is the object
            names = [n for h in heads for n in self.entities_at(h, actor=True)]
            aux = self.misparsed_auxiliary(verb) if not names else None
            return names or ([n for h in self.subjects(aux) for n in self.entities_at(h, actor=True)] if aux else [])
        if role == "agent":
            if verb is None:
                return []
            return [n for c in verb.children if c.dep_ in OBLIQUE | {"obl:agent"}
                    and self.preposition(c) in ("von", "durch") and self.is_passive(verb)
                    for n in self.entities_at(c, actor=True)]
        if role == "obj":
            names = [n for h in self.objects(verb) for n in self.entities_at(h)]
            aux = self.misparsed_auxiliary(verb) if not names else None
            return names or ([n for h in self.objects(aux) for n in self.entities_at(h)] if aux else [])
        if role == "obj_place":            # "greift Ziele in Eritrea an": where the object is
            objects = self.objects(verb)
            found = [n for h in objects for c in h.children
                     if c.dep_ in ("nmod", "obl") and self.preposition(c) == "in" for n in self.entities_at(c)]
            if not found and objects and not any(self.entities_at(h) for h in objects):
                found = [n for c in verb.children if c.dep_ in ("obl", "nmod") and c.i > objects[0].i
                         and self.preposition(c) == "in" for n in self.entities_at(c)]   # "in X" hung on the verb
            return found
        if role == "obj_owner":            # "bestellte den Botschafter Ungarns ein": whose representative
            return [n for h in self.objects(verb) if self.lex.title_relation(h.text)
                    for n in self.modifiers(h) if self.types.get(n) in ("STATE", "ORG")]
        if role == "dat":
            return [n for h in self.datives(verb) for n in self.entities_at(h)]
        if role.startswith("pp:") and "/" in role:        # "Angriffe auf Ziele in X", "Zölle auf Waren aus X"
            outer, inner = role[3:].split("/")
            hosts = [cue_token] + ([verb] if verb is not None and verb != cue_token else [])
            phrases = [c for h in hosts for c in h.children if c.dep_ in OBLIQUE | {"nmod", "obl"} and c != cue_token
                       and self.preposition(c) == outer and not self.entities_at(c)]
            return [n for p in phrases for c in p.children if c.dep_ in ("nmod", "obl") and self.preposition(c) == inner
                    for n in self.entities_at(c)]
        if role.startswith("pp:"):
            prep = role[3:]
            hosts = [cue_token] + ([verb] if verb is not None and verb != cue_token else [])
            if verb is not None and verb != cue_token:      # "hat gegen X Sanktionen verhängt": PP on the auxiliary
                hosts += [a for a in verb.children if a.dep_.startswith("aux") and a.i < verb.i]
            if verb is not None and not cue.is_noun:        # "sah sich mit Vorwürfen Xs konfrontiert"
                hosts += [a for a in [self.misparsed_auxiliary(verb)] if a is not None]
            phrases = [c for host in hosts for c in host.children if c != cue_token    # not "durch die Bombardierung" itself
                       and c.dep_ in OBLIQUE | {"nmod", "obl"} and self.preposition(c) == prep and not self.reports_source(c)]
            found = [n for c in phrases + [j for c in phrases for j in [self.next_conjunct(c)] if j is not None]
                     for n in self.entities_at(c) if n]
            if not found and cue.is_noun:    # "die Einbestellung des Botschafters durch X": the PP hung on the genitive
                found = [n for g in cue_token.children if g.dep_ == "nmod" and g.i > cue_token.i
                         and self.preposition(g) is None for c in g.children
                         if c.dep_ in ("nmod", "obl") and self.preposition(c) == prep for n in self.entities_at(c)]
            if not found and verb is not None:   # "Soldaten nach Russland verlegt": PP under the object
                found = [n for c in verb.children if c.dep_ in OBJ | OBLIQUE | SUBJ_PASS and c != cue_token
                         and not self.reports_source(c) for g in c.children if g.dep_ in ("nmod", "obl") and self.preposition(g) == prep
                         for n in self.entities_at(g)]
            if not found and cue.relation in SPEECH_ACTS:   # "empören sich über die Aussagen von X": whose words
                found = [n for c in phrases if not self.entities_at(c) for g in c.children
                         if g.dep_ == "nmod" and self.preposition(g) == "von" for n in self.entities_at(g)]
            if prep == "aus" or (cue.relation == "meets" and prep in ("in", "nach", "bei")):
                found = [self.capital_state(n) for n in found]   # "Kritik aus Moskau", "Besuch in Kiew": its state
            return found or self.unnamed_ruler(phrases, source_names)
        if role == "mod":
            names = self.modifiers(cue_token)
            if "described" in cue.source:     # an agent noun: "Kreml-Kritiker", "Russland-Kritiker" name the target
                names += [self.names[ix] for ix in self.by_token.get(cue_token.i, ())
                          if self.mentions[ix].kind == "compound" and self.names[ix] not in names]
            return names
        if role == "described":
            return self.described_by(cue_token)
        if role == "poss_subj":
            return [n for h in self.possessor_subjects(cue_token) for n in self.entities_at(h, actor=True)]
        if role == "gov_subj":
            if self.owned_by_another(cue_token, cue.relation):
                return []
            governor = self.governor(cue_token, "light")
            if governor is None:
                return []
            heads = self.subjects(governor)
            if cue_token in heads:      # "Schwere Vorwürfe gegen X erhebt Y": the fronted noun taken for the subject
                heads = [c for c in governor.children if c.dep_ in SUBJ and c != cue_token and self.preposition(c) is None]
            return [n for h in heads for n in self.entities_at(h, actor=True)]
        if role == "gov_dat":
            return [n for h in self.gov_datives(cue_token) for n in self.entities_at(h)]
        if role == "aimed":               # "Die Sanktionen treffen X", "Der Angriff galt X": the noun as subject
            if cue_token.dep_ not in SUBJ or verb is None or verb == cue_token or \
                    not any(self.lex.verb_class(lemma, "aim") for lemma in self.lemmas(verb)):
                return []
            heads = self.objects(verb) + self.datives(verb) + \
                [c for c in verb.children if self.preposition(c) == "gegen"]   # "Die Kritik richtet sich gegen X"
            return [n for h in heads if h != cue_token for n in self.entities_at(h)]
        if role == "side":              # "an der Seite Kiews", "auf die Seite Serbiens", "der Ukraine zur Seite"
            for c in verb.children:
                if fold(c.lemma_) not in ("seite", "seiten") or self.preposition(c) not in ("an", "auf", "zu"):
                    continue
                owners = self.modifiers(c) + [n for g in c.children if self.preposition(g) == "von"
                                              for n in self.entities_at(g)]
                if owners or self.preposition(c) != "zu":
                    return owners
                return [n for h in self.datives(verb) for n in self.entities_at(h)]
            return []
        if role == "with_subj":         # "fliegen die USA mit Unterstützung Großbritanniens": the supported
            head = cue_token.head
            if self.preposition(cue_token) != "mit" or head == cue_token or head.pos_ not in ("VERB", "AUX"):
                return []
            return [n for h in self.subjects(head) for n in self.entities_at(h, actor=True)]
        if role == "receiver":          # "X erhielt Hilfe"; support also "X hat/genießt den Rückhalt Ys"
            governor = self.governor(cue_token, "receive") or \
                (self.governor(cue_token, "hold") if cue.relation == "supports" else None)
            if governor is None:
                return []
            heads = self.subjects(governor)
            if cue_token in heads:      # "Rückendeckung bekam X von Y": the fronted noun taken for the subject
                heads = [h for h in self.objects(governor) if h != cue_token]
            return [n for h in heads for n in self.entities_at(h)]
        if role == "theme_owner":
            themes = self.objects(verb) if verb != cue_token or not cue.is_noun else []
            if cue.is_noun:
                themes = [c for c in cue_token.children if c.dep_ in ("nmod", "ag")]
            return [n for t in themes for n in self.modifiers(t)] or \
                [n for t in themes for c in t.children if c.dep_ == "nmod" and self.preposition(c) == "von"
                 for n in self.entities_at(c)]     # "das Vermögen von X eingefroren"
        if role == "fronted_claim":        # "China stecke dahinter, warf X vor": the quoted clause's subject
            start, _ = clause_bounds(self.doc, verb.i, verb.sent)
            if start - 2 < verb.sent.start or self.doc[start - 1].text != "," or self.doc[start].pos_ not in ("VERB", "AUX") \
                    or any(h.i < start for h in self.subjects(verb)):
                return []              # "X, der ... wurde, wies ... zurück": the subject comes first, no quote
            before = Clause(self, self.doc[start - 2], verb.sent)
            if before.start > verb.sent.start and self.doc[before.start - 1].text == "," and \
                    not any(t.pos_ in ("VERB", "AUX") for t in self.doc[before.start:before.end]):
                return []              # "Der Kommissar, X, beschuldigte ...": an apposition, no clause
            if cue.relation == "denies":   # "Die Klage nütze X, wies Y zurück": what the claim is about
                return [before.name(ix) for ix, prep, _ in before.items if before.name(ix) not in source_names][:1]
            return before.subject(exclude=source_names)
        if role == "stimulus":             # "Die Aussagen von X empören Y": the subject, or whose words it is
            heads = self.subjects(verb)
            return [n for h in heads for n in self.entities_at(h, actor=True)] or \
                [n for h in heads for n in self.modifiers(h)] or \
                [n for h in heads for c in h.children if c.dep_ == "nmod" and self.preposition(c) == "von"
                 for n in self.entities_at(c)]
        if role == "noun_claim":           # "der Vorwurf der EU, Belarus schleuse Migranten ...": whom it names
            return self.noun_content(cue_token, source_names)
        if role == "claim":
            aux = self.misparsed_auxiliary(verb)
            heads = self.objects(verb) + (self.objects(aux) if aux is not None else []) + [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oc", "csubj", "csubj:pass")
                                          or (c.dep_ == "advcl" and any(m.lower_ in CONTENT_MARKS for m in c.children))]
            heads += [c for c in verb.children if c.dep_ in SUBJ and self.fronted_claim_noun(c, verb)]
            if any(self.is_claim_noun(h) for h in heads):    # "bestritt den Vorwurf, er unterhalte ...", "Berichte über X"
                heads += [c for c in verb.children if (c.dep_ in ("conj", "parataxis") and "Sub" in c.morph.get("Mood"))
                          or (c.dep_ in ("obl", "obl:arg") and self.preposition(c) == "über")]
            if cue.relation == "denies":     # "wies jede Verantwortung für X von sich", "bestritt eine Beteiligung an X"
                heads += [c for c in verb.children if c.dep_ in ("obl", "obl:arg") and self.preposition(c) in ("für", "an", "über")]
            heads = [h for h in heads if not any(c.dep_ in ("mark", "cp") and c.lower_ in REASONS for c in h.children)]
            for head in heads:           # not "..., da dies nach EU-Recht entschieden werde": a reason, no claim
                names = self.all_entities_in(head, exclude=source_names) or \
                    [n for c in head.children if c.dep_ in ("acl", "ccomp", "parataxis") and c.i > head.i  # "den Vorwurf, er ..."
                     for n in self.all_entities_in(c, exclude=source_names)][:1]
                if names:
                    return [names[0]] + [n for n in self.coordinated_with(names[0], head) if n not in source_names]
            return []
        return []


    def fronted_claim_noun(self, head, verb) -> bool:
        """"Die Vorwürfe Xs wies Y zurück": a claim noun before the verb, parsed as its subject while
        a name follows the verb."""
        return head.i < verb.i and head.pos_ == "NOUN" and self.is_claim_noun(head) and \
            any(c.dep_ in SUBJ | OBJ and c.i > verb.i and self.entities_at(c, actor=True) for c in verb.children)

    def misparsed_auxiliary(self, verb):
        """"X hatte Y als ... bezeichnet" parsed with "hatte" as the main verb and the participle hung
        on it ("sah sich ... konfrontiert" alike): that verb, whose subject and object are the participle's."""
        head = verb.head
        if head == verb or head.i > verb.i or verb.dep_ not in ("parataxis", "conj", "xcomp", "ccomp", "oc") or \
                "Part" in head.morph.get("VerbForm"):
            return None
        if head.lemma_ in ("haben", "sein") or \
                head.lemma_ == "sehen" and any(c.lower_ == "sich" for c in head.children):   # "sah sich ... konfrontiert"
            return head
        return None

    def noun_content(self, noun, source_names=()) -> list:
        """The subject of the clause a claim noun opens after its comma ("der Vorwurf Chinas, die USA
        hätten ...", "mit dem Vorwurf, dass X ..."): a Konjunktiv or a dass/wonach clause."""
        j, end = noun.i + 1, noun.sent.end
        while j < end and j <= noun.i + 6 and (self.doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN") or
                                                self.doc[j].lower_ in PARTICLES) and self.doc[j].text != ",":
            j += 1                          # over a genitive owner and a particle ("der EU zurück, dass ...")
        if j + 1 >= end or self.doc[j].text != ",":
            return []
        piece = Clause(self, self.doc[j + 1], noun.sent)
        words = self.doc[piece.start:piece.end]
        if not (self.doc[j + 1].lower_ in CONTENT_MARKS or
                any(t.pos_ in ("VERB", "AUX") and "Sub" in t.morph.get("Mood") for t in words)):
            return []
        return piece.subject(exclude=source_names)

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
        for scope in scopes:    # "die Zusammenkunft von X und Y", "wurde von X und Y unterzeichnet"
            if scope == cue_token and scope.pos_ in ("NOUN", "PROPN") or self.is_passive(scope):
                names = [n for c in scope.children if self.preposition(c) in ("von", "durch")
                         for n in self.entities_at(c)]
                if len(set(names)) >= 2:
                    return all_pairs(list(dict.fromkeys(names)))
        partners = [n for scope in scopes for c in scope.children if self.preposition(c) == "mit"
                    for n in self.entities_at(c)]
        for scope in scopes:
            if scope.pos_ not in ("VERB", "AUX") and scope != verb:
                continue
            at_event = event and self.preposition(cue_token) in ("bei", "beim", "auf", "während", "am", "nach")
            if scope != cue_token and not at_event and \
                    not any(self.lex.verb_class(lemma, "light") for lemma in self.lemmas(scope)):
                continue           # "sich für das Abkommen mit Iran einsetzen": no signatory
            heads = self.subjects(scope)
            subjects = [n for h in heads for n in self.entities_at(h, actor=True)]
            if len(subjects) == 1 and len(heads) == 1 and "Plur" in heads[0].morph.get("Number"):
                owners = [n for c in heads[0].children if c.dep_ == "nmod" and self.preposition(c) is None
                          for n in self.entities_at(c)]     # "die Regierungschefs der Ukraine und Polens"
                subjects = owners if len(owners) >= 2 else subjects
            if subjects and not partners:       # "mit X" hung elsewhere by the parser
                partners = [n for n in Clause(self, scope, scope.sent).with_preposition("mit") if n not in subjects]
            if subjects and partners:
                return [(a, b) for a in subjects for b in partners if a != b]
            if len(subjects) >= 2:
                return all_pairs(subjects)
        return []


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

    def cue_relations(self, sentence, sites=None) -> list:
        found = []
        for token, verb, cue in self.cue_sites(sentence) if sites is None else sites:
            found += self.apply_cue(sentence, token, verb, cue)
        return found + self.stay_relations(sentence)

    def cue_sites(self, sentence):
        """(cue token, its verb, cue) for each cue word of the sentence that is asserted and applies."""
        candidate = self.cue_candidates()
        doc = self.doc
        for i in range(sentence.span.start, sentence.span.end):
            if not candidate[i]:
                continue
            token = doc[i]
            cues = []
            if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VV") or \
                    (token.dep_ in ("acl:relcl", "acl", "advcl", "ccomp", "ROOT") and token.pos_ in ("ADV", "ADJ")
                     and token.text[:1].islower() and not any(c.dep_ == "cop" for c in token.children)) or \
                    self.mistagged_verb(token):    # "Die USA beschuldigen China", "..., der X Y vorwirft,", "X empfängt Y"
                lemmas = self.lemmas(token)
                for lemma in sorted(lemmas):      # a set: sorted, so the graph is the same run to run
                    cues += self.lex.verb_cues.get(lemma, [])
                verb = token
            elif token.pos_ in ("NOUN", "PROPN"):
                cues = list(self.lex.noun_cue(token.lemma_ or token.text)) or list(self.lex.noun_cue(token.text)) or \
                    self.plural_noun_cue(token.text)
                verb = token.head if token.head.pos_ in ("VERB", "AUX") else None
            else:
                continue
            if not cues or self.negated(token) or self.unasserted(token, sentence.span):
                continue
            if token.pos_ in ("NOUN", "PROPN") and self.preposition(token) == "über":
                cues = [c for c in cues if c.relation != "signed_treaty_with"]  # "Gespräche über ein Abkommen": not yet signed
            if token.pos_ in ("NOUN", "PROPN") and verb is not None and self.negated_verb(verb):
                continue        # "kann nicht mit der Unterstützung Belgrads rechnen"
            start, end = clause_bounds(self.doc, token.i, sentence.span)
            own_clause = {t.lower_ for t in self.doc[start:end]}
            if verb is token:              # "griff X, die ..., verbal an": the particle's clause too
                particles = [c for c in token.children if c.dep_ in ("compound:prt", "svp") and c.i > end]
                particles += [p for p in [self.clause_final_particle(token)] if p is not None]
                for particle in particles:
                    low, high = clause_bounds(self.doc, particle.i, sentence.span)
                    own_clause |= {t.lower_ for t in self.doc[low:high]}
            for cue in cues:
                if self.cue_applies(cue, sentence.words if cue.requires else (), own_clause):   # words: only if needed
                    yield token, verb, cue

    def cue_candidates(self) -> list:
        """Per token of the Doc (once, from arrays): can cue_sites take it? A verb, noun, adjective,
        adverb or preposition by its POS, or a VV* tag; no determiner, pronoun, punctuation..."""
        flags = self.__dict__.get("_cue_candidate")
        if flags is None:
            from spacy.attrs import POS, TAG
            from spacy.symbols import ADJ, ADP, ADV, AUX, NOUN, PROPN, VERB
            kinds, strings, verb_tags = {ADJ, ADP, ADV, AUX, NOUN, PROPN, VERB}, self.doc.vocab.strings, {}
            rows = self.doc.to_array([POS, TAG]).tolist() if len(self.doc) else []
            for _, tag in rows:
                if tag not in verb_tags:
                    verb_tags[tag] = strings[tag].startswith("VV")
            flags = self._cue_candidate = [pos in kinds or verb_tags[tag] for pos, tag in rows]
        return flags

    def stay_relations(self, sentence) -> list:
        """"X war am Montag in China", "X war überraschend beim Nachbarn Pakistan": a person who was in
        or at a state visited it (meets). Only a past clause of "sein" with nothing else predicated: no
        other verb, no predicate noun or adjective ("war in China Botschafter", "war in Russland inhaftiert"),
        no purpose ("war zur Behandlung in X"), no negation."""
        out = []
        for token in sentence.span:
            if token.lemma_ != "sein" or "Past" not in token.morph.get("Tense") or \
                    self.unasserted(token, sentence.span):
                continue            # "ist in X": where one is, not a visit
            clause = Clause(self, token, sentence.span)
            words = self.doc[clause.start:clause.end]
            if any(t.lower_ in NEGATIONS or t.lower_.startswith("kein") or t.lower_ in ("zur", "zum") for t in words) or \
                    any(t.pos_ in ("VERB", "AUX") and t != token for t in words) or \
                    any(t.pos_ == "ADJ" and t.dep_ not in ("amod", "advmod") for t in words) or \
                    any(t.pos_ == "NOUN" and not self.by_token.get(t.i) and t.lower_ not in TIME_NOUNS
                        and self.preposition(t) is None and not self.by_token.get(t.i + 1) for t in words):
                continue
            persons = [clause.name(ix) for ix, prep, case in clause.items if prep is None and case != "Gen"
                       and self.mentions[ix].type == "PERSON"]
            places = [clause.name(ix) for ix, prep, _ in clause.items if self.mentions[ix].kind != "adj" and
                      (prep if prep != "^" else clause.outer_preposition(ix)) in ("in", "bei")]   # "beim Nachbarn X"
            states = list(dict.fromkeys(self.capital_state(n) for n in places))
            if len(persons) != 1 or len(states) != 1 or self.types.get(states[0]) != "STATE":
                continue
            speaker, status = self.attribution(sentence, token, {persons[0]})
            out.append({"source": persons[0], "target": states[0], "relation": "meets",
                        "evidence": self.evidence(sentence, token, "sein", speaker, status)})
        return out

    @staticmethod
    def cue_applies(cue, sentence_words, clause_words) -> bool:
        """A cue's 'requires' (a word of the sentence) and 'unless' (no word of its clause) hold."""
        if cue.requires and not any(any(w.startswith(r) or r in w for w in sentence_words) for r in cue.requires):
            return False
        return not (cue.unless and clause_words & set(cue.unless))

    def unnamed_ruler(self, phrases, source_names) -> list:
        """"Sanktionen gegen die Militärjunta" in a sentence naming Myanmar: a ruling body without a
        seat stands for the one other state the sentence names."""
        if not any(self.lex.is_seat_noun(p.text) and not self.all_entities_in(p) for p in phrases):
            return []
        span = phrases[0].sent
        states = {self.names[ix] for ix in self.mentions_in(span) if self.mentions[ix].type == "STATE"} - set(source_names)
        return sorted(states) if len(states) == 1 else []

    def next_conjunct(self, phrase):
        """"gegen einen Minister und ein Mitglied der M23" with the second conjunct hung elsewhere: the
        noun after "und" right behind the phrase, when the parse did not make it the phrase's conjunct."""
        end = max(t.i for t in phrase.subtree) + 1
        if end + 1 >= len(self.doc) or self.doc[end].lower_ not in ("und", "oder", "sowie") or \
                any(c.dep_ in ("conj", "cj") for c in phrase.children):
            return None
        j = end + 1
        while j < len(self.doc) and self.doc[j].pos_ in ("DET", "ADJ", "NUM") and j < end + 5:
            j += 1
        token = self.doc[j] if j < len(self.doc) else None
        if token is None or token.pos_ not in ("NOUN", "PROPN") or self.preposition(token) is not None or \
                token.head.i > token.i and token.head.pos_ in ("VERB", "AUX"):
            return None
        return token

    def mistagged_verb(self, token) -> bool:
        """A cue verb the tagger took for an adjective, adverb or preposition ("Kanada schickt
        Soldaten", "Pjöngjang entsende Truppen", "Kampfjets bombardierten Ziele"): lower case, its
        lemma a verb, and no participle form ("gelieferten", "angegriffene", "liefernde")."""
        if token.pos_ not in ("ADJ", "ADV", "ADP") or not token.text[:1].islower():
            return False
        if token.lower_ in self.lex.verb_cues:     # the infinitive itself: "..., der X Y vorwerfen will"
            return True
        if token.is_sent_start:
            return False
        word, base = token.lower_, fold(self.lemmatize(token) or token.lemma_)
        if not base.endswith("n") or word == base or word.startswith("ge") and not base.startswith("ge") or \
                any(word.startswith(p + "ge") for p in PARTICLES) or "end" in word[len(base) - 3:]:
            return False
        if token.dep_ == "amod" and word != base[:-1] and word.endswith(INFLECTED):
            return False        # attributive and inflected: an adjective (but "entsende", "griff" are verbs)
        return any(lemma in self.lex.verb_cues for lemma in self.lemmas(token))

    def reports_source(self, token) -> bool:
        """"nach Angaben Südkoreas", "nach den Worten von X": who reports it, not where it goes."""
        return token.lower_ in ("angaben", "worten") or token.i in self.attribution_tokens(token.sent)

    def plural_noun_cue(self, word) -> list:
        """A plural in -e the lemmatizer left alone: "Einreiseverbote", "Strafzölle" (umlaut undone)."""
        if not word.endswith("e") or len(word) <= 6:
            return []
        stem = word[:-1]
        last = max(stem.rfind(v) for v in "äöü")
        forms = [stem] + ([stem[:last] + UMLAUTS[stem[last]] + stem[last + 1:]] if last >= len(stem) - 4 else [])
        return next((list(self.lex.noun_cue(form)) for form in forms if self.lex.noun_cue(form)), [])

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
            if len(sources) >= 2 and self.reciprocal(token, sentence.span):
                targets = []
                pairs = [(s, t) for s in sources for t in sources if s != t]   # each of them the other
            else:
                targets = self.first_role(cue.target, token, role_verb, cue, source_names=sources) if sources else []
                pairs = [(s, t) for s in sources for t in targets]
        unnamed = not pairs and not sources and not cue.is_noun and "subj" in cue.source and \
            self.unnamed_subject(role_verb)   # "Die Experten werfen X vor": no named source to read off the clause
        if not pairs and not unnamed:       # the parse failed us: read the roles off the clause
            known = sources if "pair" not in cue.source else ()
            pairs = Clause(self, token, sentence.span).pairs(cue, known)
        if not pairs and cue.relation == "denies" and "claim" in cue.target:
            sources = sources or Clause(self, token, sentence.span).subject() or self.both_states(token, sentence.span)
            accuser = self.recent_claimant(sources)
            pairs = [(source, accuser) for source in sources] if accuser else []
        sayers = self.only_in_attribution(sentence.span)
        out = []
        if cue.relation in SPEECH_ACTS:      # "warnte Peking vor ...": the capital's state, when the text names it
            pairs = [(s, self.capital_state(t)) for s, t in pairs]    # (not the source: a dateline "London –")
        for source, target in pairs:
            if source in sayers or target in sayers:
                continue
            if source == target or self.types.get(source) == "LOCATION" or \
                    (self.types.get(target) == "LOCATION" and cue.relation != "attacks"):
                continue
            relation = cue.relation
            if cue.person_target and self.types.get(target) == "PERSON":
                relation = cue.person_target        # "X greift den Minister scharf an": words, not arms
            speaker, status = self.attribution(sentence, token, {source})
            out.append({"source": source, "target": target, "relation": relation,
                        "evidence": self.evidence(sentence, token, cue.lemma, speaker, status)})
        return out

    def described_by(self, noun) -> list:
        """Who an agent noun ("Kritiker", "Verbündeter", "Waffenlieferant") describes: a name right
        after it ("Putin-Kritiker X"), or the subject of a copula it is the predicate of ("X ist ein
        Verbündeter Ys", "X gilt als Kritiker Ys", "X gehört zu den Lieferanten Ys")."""
        if noun.i + 1 < len(self.doc) and not self.genitive_name(self.doc[noun.i + 1]):   # not "Kritiker Putins"
            after = [self.names[ix] for ix in self.by_token.get(noun.i + 1, ()) if self.mentions[ix].kind == "name"]
            if after:
                return after[:1]
        heads = [c for c in noun.children if c.dep_ in SUBJ]
        if not heads and any(self.lex.verb_class(lemma, "copula") for lemma in self.lemmas(noun.head)) and \
                noun.head != noun:
            heads = self.subjects(noun.head)
        names = [n for h in heads for n in self.entities_at(h, actor=True)]
        if names:
            return names
        start, end = clause_bounds(self.doc, noun.i, noun.sent)
        if any(any(self.lex.verb_class(lemma, "copula") for lemma in self.lemmas(t))
               for t in self.doc[start:noun.i] if t.pos_ in ("VERB", "AUX")):
            return Clause(self, noun, noun.sent).subject()
        return []

    def reciprocal(self, token, span) -> bool:
        """"X und Y werfen sich gegenseitig Betrug vor", "gegenseitige Vorwürfe", "kritisierten einander"."""
        start, end = clause_bounds(self.doc, token.i, span)
        return any(t.lower_.startswith(RECIPROCAL) for t in self.doc[start:end])

    def unnamed_subject(self, verb) -> bool:
        """The parse gives the verb a subject that names no entity ("Die Experten", "er")."""
        if verb is None or self.is_passive(verb):
            return False
        heads = [c for c in verb.children if c.dep_ in SUBJ and c.i < verb.i
                 and self.doc[max(c.left_edge.i - 1, 0)].lower_ != "als"]   # "als eine Art X": a predicate
        if any(c.dep_ in SUBJ and c.i > verb.i and self.all_entities_in(c) for c in verb.children):
            return False        # "In einem Interview mit Die Welt warf CDU-Chef X ...": a named subject after the verb
        return bool(heads) and all(h.pos_ in ("NOUN", "PRON") and not self.all_entities_in(h) for h in heads)

    def first_role(self, roles, token, verb, cue, source_names=()):
        for role in roles:
            names = self.role(role, token, verb if verb is not None else token, cue, source_names)
            names = [n for n in names if n not in source_names]
            if names:
                return names
        return []

