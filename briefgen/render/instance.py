"""A static instance of a variable font, made three to four times cheaper than by fontTools alone.

fontTools' instancer spends most of a Noto Sans instance (~10 s of CPU) on work a static
instance of our fonts does not need:

- Pinning GPOS through `MutatorMerger`, an `AligningMerger` that first re-attaches the PairPos
  subtables the font's compiler split (canonicalise, flatten, align class matrices, deepcopies)
  so that they may fit one subtable now that the variation data is gone. Here the default
  deltas are added to every value record, anchor and caret where they are (`_DefaultDeltas`),
  and the lookups keep the subtables the font ships: the same pairs get the same values.
- Compiling GSUB again (~2 s, most of it resolving offset overflows), when GSUB holds no
  variation data at all: the packaged GSUB is written as it is.
- At the default location (Regular, Italic), applying gvar deltas that are all zero.

Everything else (glyf/gvar elsewhere, HVAR, MVAR, fvar, STAT, avar, OS/2, overlap flags) is
left to the instancer, which skips its own GPOS work once GDEF holds no variation store. A font
with layout variation data the shortcut does not handle (MATH, JSTF, BASE, FeatureVariations)
goes through fontTools' path unchanged. tests/render/test_font_instance.py checks that both
paths give the same layout, and the same bytes for every table but GPOS.
"""
from __future__ import annotations

from fontTools.misc.fixedTools import otRound
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otBase
from fontTools.ttLib.tables import otTables as ot
from fontTools.ttLib.tables.DefaultTable import DefaultTable
from fontTools.ttLib.ttVisitor import TTVisitor
from fontTools.varLib import instancer

# A Device table of this format holds no hinting deltas but an index into GDEF's variation store.
_VARIATION_INDEX = 0x8000
# Tables whose variation data only fontTools' merger handles.
_MERGER_ONLY = ("BASE", "MATH", "JSTF")
_VALUE_DEVICES = (("XPlacement", "XPlaDevice"), ("YPlacement", "YPlaDevice"),
                  ("XAdvance", "XAdvDevice"), ("YAdvance", "YAdvDevice"))


def instantiate_static(font: TTFont, location: dict[str, float]) -> TTFont:
    """`font` pinned at `location` (user coordinates of every axis), changed in place."""
    shortcut = _layout_shortcut_applies(font)
    packaged_gsub = None
    if shortcut:
        limits = instancer.AxisLimits(location).limitAxesAndPopulateDefaults(font)
        _pin_layout(font, limits.normalize(font))
        packaged_gsub = font.reader["GSUB"] if "GSUB" in font.reader else None
    if "gvar" in font and _is_default(font, location):
        # At the default location every gvar delta is zero: the packaged outlines, bounds and
        # side bearings are the instance's. Dropping gvar skips decompiling its ~20,000 tuple
        # variations for nothing (a second of CPU for a Noto Sans face); the instancer still
        # sets the overlap flags and pins HVAR, MVAR and the rest.
        del font["gvar"]
    # optimize=False: a third faster, and the output is the same size for these fonts.
    # inplace=True: the loaded font is thrown away anyway, and fontTools' deepcopy of it (its
    # decompiled GSUB and GPOS) is a seventh of the time; the instance's bytes are the same.
    static = instancer.instantiateVariableFont(font, dict(location), static=True, optimize=False,
                                               inplace=True)
    if packaged_gsub is not None:
        # A DefaultTable compiles to its bytes: the packaged GSUB goes out unparsed.
        unchanged = DefaultTable("GSUB")
        unchanged.data = packaged_gsub
        static["GSUB"] = unchanged
    return static


def _is_default(font: TTFont, location: dict[str, float]) -> bool:
    return all(location.get(axis.axisTag, axis.defaultValue) == axis.defaultValue for axis in font["fvar"].axes)


def _layout_shortcut_applies(font: TTFont) -> bool:
    """Whether the layout variation data is all in GDEF and GPOS values (as in Noto's fonts)."""
    if font.reader is None or any(tag in font for tag in _MERGER_ONLY):
        return False
    if "GDEF" not in font or getattr(font["GDEF"].table, "VarStore", None) is None:
        return False
    # FeatureVariations (and their GDEF-backed conditions) rewrite lookups: the instancer's job.
    return not any(tag in font and getattr(font[tag].table, "FeatureVariations", None) is not None
                   for tag in ("GSUB", "GPOS"))


def _pin_layout(font: TTFont, normalized) -> None:
    """Add the default deltas at `normalized` to GDEF and GPOS values and drop their variation data."""
    gdef = font["GDEF"].table
    deltas = instancer.instantiateItemVariationStore(gdef.VarStore, font["fvar"].axes, normalized)
    if gdef.VarStore.VarRegionList.Region:
        raise ValueError("static instance expected: every axis must be pinned")
    visitor = _DefaultDeltas(deltas)
    visitor.visit(font["GDEF"])
    if "GPOS" in font:
        visitor.visit(font["GPOS"])
    # As fontTools' instancer leaves it: GDEF 1.2 (or 1.0) without a variation store.
    del gdef.VarStore
    gdef.Version = 0x00010002
    if gdef.MarkGlyphSetsDef is None:
        del gdef.MarkGlyphSetsDef
        gdef.Version = 0x00010000


class _DefaultDeltas(TTVisitor):
    """Adds each value's default delta (keyed by its VariationIndex device) and drops the device.

    The mark and pair subtables are walked directly: tens of thousands of anchors and value
    records through the generic visitor cost half a second a face. Any other place holding an
    Anchor or a ValueRecord is still reached by the visitor.
    """

    def __init__(self, deltas: dict[int, float]):
        self.deltas = deltas
        self.done: set[int] = set()   # an object shared by two records gets its delta once

    def take(self, owner, device_attr: str) -> int:
        """The delta of `owner`'s variation device (0 without one); the device is removed."""
        device = getattr(owner, device_attr, None)
        if device is not None and device.DeltaFormat != _VARIATION_INDEX:
            return 0   # a hinting device table: kept as it is
        if hasattr(owner, device_attr):
            delattr(owner, device_attr)
        if device is None:
            return 0
        return otRound(self.deltas[(device.StartSize << 16) + device.EndSize])

    def value_record(self, record) -> None:
        if record is None or id(record) in self.done:
            return
        self.done.add(id(record))
        for value, device in _VALUE_DEVICES:
            if hasattr(record, device):
                setattr(record, value, getattr(record, value, 0) + self.take(record, device))

    def anchor(self, anchor) -> None:
        if anchor is None or anchor.Format != 3 or id(anchor) in self.done:
            return
        self.done.add(id(anchor))
        for axis in "XY":
            coordinate = axis + "Coordinate"
            setattr(anchor, coordinate, getattr(anchor, coordinate) + self.take(anchor, axis + "DeviceTable"))
        if not any(hasattr(anchor, axis + "DeviceTable") for axis in "XY"):
            anchor.Format = 1


@_DefaultDeltas.register(otBase.ValueRecord)
def visit(visitor, record):
    visitor.value_record(record)
    return False


@_DefaultDeltas.register(ot.Anchor)
def visit(visitor, anchor):
    visitor.anchor(anchor)
    return False


@_DefaultDeltas.register(ot.CaretValue)
def visit(visitor, caret):
    if caret.Format == 3 and id(caret) not in visitor.done:
        visitor.done.add(id(caret))
        caret.Coordinate += visitor.take(caret, "DeviceTable")
        if not hasattr(caret, "DeviceTable"):
            caret.Format = 1
    return False


@_DefaultDeltas.register((ot.Coverage, ot.ClassDef, ot.ChainContextPos, ot.ContextPos, ot.VarStore))
def visit(visitor, table):
    return False   # glyph lists, lookup references, the deltas themselves: no values inside


# The subtables below are walked directly in the formats whose fields are named here; another
# format (the beyond-64k ones) is left to the generic visit: its values get their deltas all the
# same, and its value formats keep device bits whose offsets are then written as NULL.


@_DefaultDeltas.register(ot.SinglePos)
def visit(visitor, subtable):
    if subtable.Format not in (1, 2):
        return True
    records = [subtable.Value] if subtable.Format == 1 else subtable.Value
    for record in records:
        visitor.value_record(record)
    # The format names the fields each record stores: without the device bits now.
    subtable.ValueFormat = _format_of(records)
    return False


@_DefaultDeltas.register(ot.PairPos)
def visit(visitor, subtable):
    if subtable.Format not in (1, 2):
        return True
    if subtable.Format == 1:
        pairs = [pair for pair_set in subtable.PairSet for pair in pair_set.PairValueRecord]
    else:
        pairs = [pair for row in subtable.Class1Record for pair in row.Class2Record]
    firsts = [getattr(pair, "Value1", None) for pair in pairs]
    seconds = [getattr(pair, "Value2", None) for pair in pairs]
    for record in firsts + seconds:
        visitor.value_record(record)
    subtable.ValueFormat1, subtable.ValueFormat2 = _format_of(firsts), _format_of(seconds)
    return False


@_DefaultDeltas.register((ot.MarkBasePos, ot.MarkLigPos, ot.MarkMarkPos, ot.CursivePos))
def visit(visitor, subtable):
    if subtable.Format != 1:
        return True
    for anchor in _anchors(subtable):
        visitor.anchor(anchor)
    return False


def _anchors(subtable):
    if isinstance(subtable, ot.CursivePos):
        for record in subtable.EntryExitRecord:
            yield record.EntryAnchor
            yield record.ExitAnchor
    elif isinstance(subtable, ot.MarkMarkPos):
        yield from (mark.MarkAnchor for mark in subtable.Mark1Array.MarkRecord)
        for mark in subtable.Mark2Array.Mark2Record:
            yield from mark.Mark2Anchor
    else:
        yield from (mark.MarkAnchor for mark in subtable.MarkArray.MarkRecord)
        if isinstance(subtable, ot.MarkBasePos):
            for base in subtable.BaseArray.BaseRecord:
                yield from base.BaseAnchor
        else:
            for ligature in subtable.LigatureArray.LigatureAttach:
                for component in ligature.ComponentRecord:
                    yield from component.LigatureAnchor


def _format_of(records) -> int:
    fmt = 0
    for record in records:
        if record is not None:
            fmt |= record.getFormat()
    return fmt
