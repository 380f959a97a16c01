"""Quantified claims: the clause that states a quantity, its subject, source and time."""
