"""Forks of machina apps (machina's documented way to override its forms and views).

Only the modules defined here differ from machina; models and migrations stay machina's.
"""
