"""Cleaning: find the article body and headline in scraped text, with a map to the original."""

from onrecord.clean.phrases import line_key
from onrecord.clean.text import REASONS, clean_text, repeated_lines

__all__ = ["REASONS", "clean_text", "line_key", "repeated_lines"]
