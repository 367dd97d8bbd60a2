"""The Slack interface: a Bolt app over ``MinutesService``, run in Socket Mode or over HTTP."""
