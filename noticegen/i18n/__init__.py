"""Translations with gettext: extract messages, keep PO catalogs, translate the model."""
