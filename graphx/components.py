"""spaCy components graphx adds to any pipeline; registered here, in one place."""
from spacy.language import Language


@Language.component("graphx_paragraphs")
def paragraph_boundaries(doc):
    """A blank line always ends a sentence (headlines and captions carry no full stop)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space or previous.whitespace_ and "\n\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
