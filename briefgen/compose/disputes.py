"""Which disputes, and which of their values, the page prints."""
from __future__ import annotations

from briefgen.compose.key_figures import CATEGORY_RANK
from briefgen.model import Dispute

MAX_DISPUTED_VALUES = 5    # values printed per dispute: the newest, the lowest, the highest, the most cited
MAX_DISPUTES = 4           # disputes printed, by category importance; the others are listed as dropped


def printed_disputes(disputes: list[Dispute]) -> tuple[list[Dispute], list[str]]:
    """At most MAX_DISPUTES disputes (most important category first, kept in their order) and
    MAX_DISPUTED_VALUES values each; how many values were left out is kept (`more_values`)."""
    ranked = sorted(range(len(disputes)), key=lambda i: (CATEGORY_RANK[disputes[i].category], i))
    keep = set(ranked[:MAX_DISPUTES])
    dropped = [f"dispute ({d.category}): {len(d.values)} values" for i, d in enumerate(disputes) if i not in keep]
    printed = []
    for i, dispute in enumerate(disputes):
        if i not in keep:
            continue
        values = dispute.values
        if len(values) > MAX_DISPUTED_VALUES:
            chosen = {id(v) for v in values if v.newest}
            chosen |= {id(values[0]), id(values[-1])}   # sorted by value: the lowest and the highest
            for v in sorted(values, key=lambda v: -len(v.marks)):
                if len(chosen) >= MAX_DISPUTED_VALUES:
                    break
                chosen.add(id(v))
            kept = [v for v in values if id(v) in chosen]
            dispute = dispute.model_copy(update={"values": kept, "more_values": len(values) - len(kept)})
        printed.append(dispute)
    return printed, dropped
