"""Motorpool: the shared domains behind a car brand's digital customer products."""

__version__ = "0.1.0"
