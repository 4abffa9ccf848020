"""Arabic made ready for a reader, at the moment of drawing only: shaping, fonts, right-to-left HTML, charts, word clouds.

Nothing here is stored or counted; analysis always works on logical-order Unicode.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "ar": ".shaping", "shapes_arabic": ".shaping", "force_shaping": ".shaping", "VisualText": ".shaping",
    "TARGETS": ".shaping",
    "rtl": ".markup", "rtl_html": ".markup", "show_rtl": ".markup", "highlight_html": ".markup",
    "kwic_html": ".markup", "KWIC_COLUMNS": ".markup",
    "arabic_font": ".fonts", "arabic_font_path": ".fonts", "font_files": ".fonts", "font_covers": ".fonts",
    "missing_glyphs": ".fonts", "PREFERRED_FONTS": ".fonts", "FALLBACK_FONT": ".fonts",
    "bar_top_words": ".charts", "zipf_plot": ".charts", "dispersion_plot": ".charts", "sentiment_arc": ".charts",
    "word_cloud": ".clouds", "show_word_cloud": ".clouds",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
