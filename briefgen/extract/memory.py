"""How the garbage collector runs while articles are extracted.

Called once per process, from the gazetteer's cached loader (the first extraction of a
`briefgen extract`/`build` process and of benchmarks/extract.py goes through it), so every
way of running the extractor gets the same settings.
"""
from __future__ import annotations

import gc

# The extractor allocates many short-lived objects (tokens, runs, matches, mentions) and makes
# few reference cycles; reference counting frees almost all of them. With the default
# threshold (700 allocations) the youngest generation is collected thousands of times per
# hundred articles, each time walking objects that would have been freed anyway (measured:
# ~3.5 % of extraction time over 300 articles, against ~0.4 % with these thresholds). The
# cycles that do form are still collected, only in fewer, larger batches.
YOUNG_THRESHOLD = 50_000
OLDER_THRESHOLDS = (20, 20)


def tune_collector() -> None:
    """Move every object alive now (the loaded word lists and place table, which live as long
    as the process) to the permanent generation, so full collections no longer walk them, and
    collect the youngest generation less often."""
    # whatever else exists at this point (the first article's objects at most) is still freed
    # by reference counting
    gc.freeze()
    young, *_ = gc.get_threshold()
    if young and young < YOUNG_THRESHOLD:  # 0: the collector was switched off on purpose; keep that
        gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
