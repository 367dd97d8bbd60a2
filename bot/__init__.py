"""Interfaces to the minutes engine: the answer logic, the CLI and the Slack bot."""
