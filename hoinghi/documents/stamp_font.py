"""The signature stamp's font: the document's TrueType font, embedded at its true widths.

pyHanko's glyph accumulator (0.38) writes each glyph's advance into the CID font's ``/W``
array, and its ``TJ`` adjustments, in the font's own design units. A PDF reader takes both in
thousandths of an em, whatever the font. For a font drawn on 2,048 units to the em (Tinos,
Liberation Serif 2, DejaVu: the Times-metric fonts with Vietnamese letters) every letter of
the stamp stood twice its width apart and the lines ran out of the stamp's box ("K ý  s ố
b ở i : C ơ  q u a n  T h ử"), the signer's name and the time cut off.

:class:`StampFont` shapes and measures in thousandths of an em: HarfBuzz's scale set to
1,000 and each width converted from the font's units, so the widths written, the ``TJ``
adjustments and the line advances all agree with what the reader draws. It also gives the
engine the stamp's own font size (pyHanko's factory defaults to 10 while the text box may
say 8, which drifts every line after the first).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

THOUSANDTHS = 1000  # PDF glyph space: a CID font's widths are in 1/1000 of an em


class ThousandthsGlyphAccumulator(GlyphAccumulator):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.design_units: int = self.units_per_em
        self.units_per_em = THOUSANDTHS
        self.hb_font.scale = (THOUSANDTHS, THOUSANDTHS)

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        known: tuple[int, int] | None = self._glyphs.get(glyph_id)
        if known is not None:
            return known
        cid, width = super()._get_cid_and_width(glyph_id)
        result = (cid, round(width * THOUSANDTHS / self.design_units))
        self._glyphs[glyph_id] = result
        return result


@dataclass(frozen=True)
class StampFont(GlyphAccumulatorFactory):  # type: ignore[misc]
    """``GlyphAccumulatorFactory(font_file, font_size)`` making the engine above."""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        handle = open(self.font_file, "rb")  # noqa: SIM115 - pyHanko reads it until written
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return ThousandthsGlyphAccumulator(
            writer=writer,
            font_handle=handle,
            font_size=self.font_size,
            ot_script_tag=self.ot_script_tag,
            ot_language_tag=self.ot_language_tag,
            writing_direction=self.writing_direction,
            bcp47_lang_code=self.bcp47_lang_code,
            obj_stream=obj_stream,
        )
