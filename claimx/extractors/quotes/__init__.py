"""Quotations: direct, mixed and reported speech, with cue and speaker."""
