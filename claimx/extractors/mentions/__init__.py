"""Mentions of people and organisations, resolved once per document to entities: the one
place quote speakers and claim sources get their names and entity ids from."""

from claimx.extractors.mentions.layer import document_mentions, release_mentions
from claimx.extractors.mentions.resolver import MentionResolver
from claimx.extractors.mentions.words import MentionWords

__all__ = ["MentionResolver", "MentionWords", "document_mentions", "release_mentions"]
