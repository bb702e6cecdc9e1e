"""The bottom line is generated or a clean clause, never a raw fragment."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("description, ok", [
    ("Parliament will vote on an emergency budget", True),
    ("The dam on the Tavra River failed", True),
    ("She said on local radio that the water was rising", False),     # pronoun without its referent
    ("NAIROBI Heavy rains swept away two bridges", False),             # dateline glued to the first word
    ("Forcing families to leave their homes", False),                  # a participle, not a subject
    ("Rescuers pulled survivors from the rubble of the", False),       # cut off mid-phrase
    ("Talks", False),                                                   # not a sentence
])
def test_the_bottom_line_repeats_only_clauses_that_read_alone(description, ok):
    from briefgen.compose import reads_alone

    assert reads_alone(description) is ok
