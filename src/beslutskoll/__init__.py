"""Beslutskoll: Swedish public meeting documents → a register of decisions."""

from beslutskoll.model import Extraction
from beslutskoll.pipeline import parse

__all__ = ["Extraction", "parse"]
__version__ = "0.1.0"
