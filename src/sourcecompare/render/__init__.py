"""Renderers: everything that turns sourcecompare's results into something to read.

:mod:`sourcecompare.render.console` holds the Rich views (documents, alignments, and the
six views of a comparison that make up its report) and the theme;
:mod:`sourcecompare.render.export` records the report as a self-contained HTML page or
SVG image.
"""
