"""Ingest: turn an uploaded folder, zip or list of files into a checked Submission."""

from ingest.submission import Submission, load_submission

__all__ = ["Submission", "load_submission"]
