"""Helpers shared by the reliability tests: the CLI, database snapshots, corpora, tmux."""
