"""The minutes engine: documents -> meetings -> chunks -> vectors -> search. Never imports Slack."""
