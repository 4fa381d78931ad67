"""Renderers: everything that turns sourcecompare's results into something to read.

:mod:`sourcecompare.render.console` holds the Rich views and the theme.
"""
