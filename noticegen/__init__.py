"""noticegen: one structured source per privacy notice, published as HTML, PDF, DOCX and text."""

__version__ = "0.1.0"
