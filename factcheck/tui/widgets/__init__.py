"""Widgets of the review TUI."""
