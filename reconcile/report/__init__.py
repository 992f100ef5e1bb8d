"""Output: one path from rows to table, markdown, json, jsonl and csv, and the HTML page."""
from __future__ import annotations

from reconcile.report.formats import (
    FORMATS,
    claim_rows,
    contradiction_rows,
    format_interval,
    github_annotations,
    markdown_report,
    quantity_rows,
    render,
)
from reconcile.report.html import render_html

__all__ = [
    "FORMATS",
    "claim_rows",
    "contradiction_rows",
    "format_interval",
    "github_annotations",
    "markdown_report",
    "quantity_rows",
    "render",
    "render_html",
]
