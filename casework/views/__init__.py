"""Casework pages of a child's record. Views parse, authorise and render; casework.services
writes and casework.selectors reads."""
