"""Static instances made by briefgen.render.instance lay out like fontTools' instancer's.

The cheap path leans on fontTools' instancer skipping its GPOS work once GDEF holds no variation
store, on `instantiateItemVariationStore` returning the default deltas by VariationIndex, and on
`AxisLimits` normalising as the instancer does: if a fontTools release changes any of these,
the values here stop matching the instancer's own.

Kept cheap: the Arabic face (the smallest, and it holds Latin kerning too) whole, and Noto Sans
cut down to a few letters and marks, where the kerning still comes in several subtables.
"""
from __future__ import annotations

import io

import pytest
from fontTools import subset
from fontTools.misc.xmlWriter import XMLWriter
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

from briefgen.render.fonts import FONT_SPECS
from briefgen.render.instance import instantiate_static

NOTO_SANS = FONT_SPECS[0]
ARABIC = FONT_SPECS[3]
REGULAR = {"wght": 400, "wdth": 100}   # the fonts' default location
BOLD = {"wght": 700, "wdth": 100}
PAIR_POS = 2
EXTENSION = 9
# Letters the fonts kern, and what they hold marks on (a, e with combining acute and diaeresis).
LATIN_SAMPLE = "AVToYaLTWeV.\u0301\u0308"


def _saved(font: TTFont) -> TTFont:
    """`font` written and read back: what a build finds in the cache."""
    buffer = io.BytesIO()
    font.save(buffer)
    buffer.seek(0)
    return TTFont(buffer)


def _both_ways(variable: TTFont | bytes, location: dict[str, float]) -> tuple[TTFont, TTFont]:
    """(fontTools' instancer's instance, ours)."""
    def fresh() -> TTFont:
        return TTFont(io.BytesIO(variable)) if isinstance(variable, bytes) else TTFont(variable)

    reference = instancer.instantiateVariableFont(fresh(), dict(location), static=True, inplace=True)
    return _saved(reference), _saved(instantiate_static(fresh(), dict(location)))


@pytest.fixture(scope="module")
def arabic():
    """The Arabic face at its default location, where the outlines take no deltas."""
    return _both_ways(ARABIC.variable_path(), REGULAR)


@pytest.fixture(scope="module")
def latin_cut():
    """Noto Sans cut down to a few letters (still variable): the two paths on its split kerning."""
    font = TTFont(NOTO_SANS.variable_path())
    options = subset.Options()
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=LATIN_SAMPLE)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return _both_ways(buffer.getvalue(), BOLD)


def _lookups(font: TTFont, tag: str = "GPOS"):
    """(type, subtables) of each lookup, Extension wrappers taken off."""
    for lookup in font[tag].table.LookupList.Lookup:
        subtables = lookup.SubTable
        if lookup.LookupType == (EXTENSION if tag == "GPOS" else 7):
            yield subtables[0].ExtensionLookupType, [wrapper.ExtSubTable for wrapper in subtables]
        else:
            yield lookup.LookupType, subtables


def _values(record) -> tuple[int, ...]:
    if record is None:
        return (0, 0, 0, 0)
    assert all(getattr(record, device, None) is None
               for device in ("XPlaDevice", "YPlaDevice", "XAdvDevice", "YAdvDevice")), "variation data left"
    return tuple(getattr(record, name, 0) or 0 for name in ("XPlacement", "YPlacement", "XAdvance", "YAdvance"))


def _pair_adjustment(subtables, left: str, right: str):
    """What a shaper applies to `left right` in one PairPos lookup: the first subtable that
    applies wins (a format 1 subtable only when it lists the pair; a format 2 one whenever it
    covers `left`, as HarfBuzz does)."""
    for subtable in subtables:
        if left not in subtable.Coverage.glyphs:
            continue
        if subtable.Format == 1:
            pair_set = subtable.PairSet[subtable.Coverage.glyphs.index(left)]
            record = next((pair for pair in pair_set.PairValueRecord if pair.SecondGlyph == right), None)
            if record is None:
                continue
        else:
            row = subtable.Class1Record[subtable.ClassDef1.classDefs.get(left, 0)]
            record = row.Class2Record[subtable.ClassDef2.classDefs.get(right, 0)]
        return _values(getattr(record, "Value1", None)), _values(getattr(record, "Value2", None))
    return None


def _kerning(font: TTFont, pairs) -> list:
    return [[_pair_adjustment(subtables, left, right) for left, right in pairs]
            for kind, subtables in _lookups(font) if kind == PAIR_POS]


def _kerned_pairs(font: TTFont) -> list[tuple[str, str]]:
    """Every pair a PairPos subtable names (format 1), or a glyph of each class pair (format 2)."""
    pairs = set()
    for kind, subtables in _lookups(font):
        for subtable in subtables if kind == PAIR_POS else ():
            if subtable.Format == 1:
                pairs.update((left, pair.SecondGlyph) for left, pair_set in zip(subtable.Coverage.glyphs, subtable.PairSet)
                             for pair in pair_set.PairValueRecord)
            else:
                seconds = {cls: glyph for glyph, cls in sorted(subtable.ClassDef2.classDefs.items())}
                pairs.update((left, right) for left in subtable.Coverage.glyphs for right in seconds.values())
    return sorted(pairs)


def _xml(thing, font: TTFont) -> str:
    out = io.StringIO()
    thing.toXML(XMLWriter(out), font)
    return out.getvalue()


def _glyph(font: TTFont, char: str) -> str:
    return font.getBestCmap()[ord(char)]


def test_instance_has_the_instancers_outlines_advances_and_character_map(arabic, latin_cut):
    for reference, ours in (arabic, latin_cut):
        assert sorted(ours.keys()) == sorted(reference.keys())
        for tag in ("cmap", "glyf", "loca", "hmtx", "hhea", "maxp", "OS/2", "post", "GDEF", "name", "STAT"):
            assert ours.reader[tag] == reference.reader[tag], tag


def test_instance_kerns_every_pair_like_the_instancer(arabic):
    reference, ours = arabic
    pairs = _kerned_pairs(reference)
    assert len(pairs) > 1_000
    assert _kerning(ours, pairs) == _kerning(reference, pairs)


def test_instance_kerns_latin_like_the_instancer_with_the_fonts_own_subtables(latin_cut):
    reference, ours = latin_cut
    pairs = [(_glyph(reference, a), _glyph(reference, b)) for a, b in ("AV", "To", "Ya", "LT", "We", "V.")]
    kerning = _kerning(reference, pairs)
    assert any(adjustment and adjustment[0][2] < 0 for lookup in kerning for adjustment in lookup)
    assert _kerning(ours, pairs) == kerning
    assert _kerning(ours, _kerned_pairs(ours)) == _kerning(reference, _kerned_pairs(ours))
    # The instancer merges the split subtables into one per format; the instance keeps the split.
    assert sum(len(subtables) for kind, subtables in _lookups(ours) if kind == PAIR_POS) > \
        sum(len(subtables) for kind, subtables in _lookups(reference) if kind == PAIR_POS)


def test_instance_positions_marks_like_the_instancer(arabic, latin_cut):
    for reference, ours in (arabic, latin_cut):
        ours_other = [(kind, [_xml(s, ours) for s in subtables]) for kind, subtables in _lookups(ours) if kind != PAIR_POS]
        reference_other = [(kind, [_xml(s, reference) for s in subtables])
                           for kind, subtables in _lookups(reference) if kind != PAIR_POS]
        assert any(kind in (4, 6) for kind, _ in ours_other)   # mark-to-base, mark-to-mark
        assert ours_other == reference_other


def test_instance_keeps_the_packaged_substitutions_byte_for_byte(arabic):
    reference, ours = arabic
    with TTFont(ARABIC.variable_path()) as variable:
        assert ours.reader["GSUB"] == variable.reader["GSUB"]
    assert [(kind, [_xml(s, ours) for s in subtables]) for kind, subtables in _lookups(ours, "GSUB")] == \
        [(kind, [_xml(s, reference) for s in subtables]) for kind, subtables in _lookups(reference, "GSUB")]
