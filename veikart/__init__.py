"""Veikart: co-creation of local community development, from knowledge base to implemented plan."""
