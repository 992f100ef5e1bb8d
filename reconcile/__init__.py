"""reconcile: numeric claims from news, who makes them, and where they contradict.

Public API::

    from reconcile import extract_claims, reconcile, read_path
    docs, _ = read_path("article.txt", max_bytes=10_000_000)
    claims = extract_claims(docs[0])
    result = reconcile(claims)          # quantities and contradictions
"""
from __future__ import annotations

from .documents import read_path
from .model import Claim, Contradiction, Document, EventAnchor, Figure, Quantity, Reconciliation

__all__ = [
    "Claim", "Contradiction", "Document", "EventAnchor", "Figure", "Quantity", "Reconciliation",
    "extract_claims", "read_path", "reconcile",
]
__version__ = "0.1.0"


def __getattr__(name: str):  # lazy: importing the package stays cheap
    if name == "extract_claims":
        from .extract import extract_claims

        return extract_claims
    if name == "reconcile":
        from .engine import reconcile

        return reconcile
    raise AttributeError(name)
