"""Understand what members type before the command registry: normalise, tokenise, score."""
