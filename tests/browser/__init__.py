"""Tests that run the HTML pages in a real headless chromium."""
