"""Roles: leader_of / member_of from role nouns next to person names and from bodies of a state."""
from __future__ import annotations

from graphx.lexicon import fold


class RoleRelations:
    """Role relations (mixed into RelationFinder)."""

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


