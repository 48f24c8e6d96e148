"""Cutting article text into pieces for the NLP: offsets stay exact, headlines stay apart."""
from graphx.extract import INNER_SPACE, chunks, segments


def pieces(text):
    result = list(segments(text))
    for offset, piece in result:
        assert text[offset:offset + len(piece)].translate(INNER_SPACE) == piece
    return [piece for _, piece in result]


def test_headline_lines_are_separate_pieces():
    text = "Berlin wehrt sich\nKanzler weist Vorwürfe zurück\nDer Kanzler hat am Montag alle Vorwürfe zurückgewiesen."
    assert pieces(text) == ["Berlin wehrt sich", "Kanzler weist Vorwürfe zurück",
                            "Der Kanzler hat am Montag alle Vorwürfe zurückgewiesen."]


def test_hard_wrapped_paragraph_stays_one_piece():
    text = ("Dies ist ein Text, der bei einer festen Breite von etwa\n"
            "siebzig Zeichen umbrochen wurde, wie es alte Systeme\n"
            "gerne tun. Die Zeilen enden mitten im Satz und sollen\n"
            "zusammen bleiben.")
    assert pieces(text) == [text.replace("\n", " ")]


def test_paragraphs_crlf_and_blank_lines():
    text = "Erster Absatz.\r\n\r\n  Zweiter Absatz.\r\nNoch eine Zeile.\n\n\n"
    assert pieces(text) == ["Erster Absatz.", "Zweiter Absatz.", "Noch eine Zeile."]


def test_long_line_is_cut_below_the_limit():
    text = "Wort " * 5000
    cut = list(chunks(text.strip(), limit=1000))
    assert all(len(chunk) <= 1000 for _, chunk in cut)
    assert "".join(chunk for _, chunk in cut) == text.strip()


def test_unicode_spaces_become_plain_spaces_with_offsets_kept():
    text = "Pjöngjang unterstützt die\u00a0Ukraine\u202fnicht."
    assert pieces(text) == ["Pjöngjang unterstützt die Ukraine nicht."]


def test_a_bullet_before_a_line_is_no_part_of_its_text():
    text = "Titel\n  • Chile bestellte den Botschafter ein.\n· Peru protestierte."
    pieces = list(segments(text))
    assert [piece for _, piece in pieces] == ["Titel", "Chile bestellte den Botschafter ein.", "Peru protestierte."]
    for offset, piece in pieces:
        assert text[offset:offset + len(piece)] == piece
def test_nlp_batches_hold_fewer_pieces_when_the_pieces_are_long():
    from graphx.extract import BATCH_CHARS, CHUNK_CHARS, _extract_pieces
    from graphx.reader import Article

    class Recorder:
        max_length = 1_000_000

        def __init__(self):
            self.batch_sizes = []

        def pipe(self, tasks, as_tuples, batch_size):
            self.batch_sizes.append(batch_size)
            return iter(())

    sentence = "Die Regierung in Wien hat am Montag Neues beschlossen. "
    nlp = Recorder()
    for text in ((sentence * 20 + "\n\n") * 40, sentence * 4_000):     # paragraphs; one long line
        list(_extract_pieces(nlp, [Article("a.txt", None, text)]))
    assert nlp.batch_sizes == [16, max(1, BATCH_CHARS // CHUNK_CHARS)]


def test_a_sentence_starts_only_after_closing_punctuation():
    import spacy

    from graphx.components import MAX_RUN, paragraph_boundaries
    nlp = spacy.blank("de")
    doc = paragraph_boundaries(nlp("Kanada und die Niederlande haben am Montag ein Abkommen unterzeichnet. "
                                   "Es gilt ab Mai: Zölle fallen weg."))
    starts = [t.text for t in doc if t.is_sent_start is not False][1:]
    assert starts == ["Es", "Zölle"]            # after "." and ":"; nowhere inside a sentence
    doc = paragraph_boundaries(nlp(" ".join(["Wort"] * (MAX_RUN + 20))))
    assert doc[MAX_RUN + 5].is_sent_start is None     # no punctuation at all: the parser decides
