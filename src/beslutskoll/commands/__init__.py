"""What each CLI command does, kept apart from argument parsing."""
